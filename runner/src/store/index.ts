export { ProgressStore, labState, type LabState } from "./progress-store.js";
export { ProgressSchema, LabProgressSchema, DraftSchema, emptyLabProgress, type Progress, type LabProgress, type Draft } from "./progress-schema.js";
export { Backups, type BackupEntry } from "./backups.js";
export { writeFileAtomic, readJsonFile } from "./atomic-file.js";
export { JsonStore } from "./json-store.js";
