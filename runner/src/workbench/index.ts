export { Workbench, MAX_SOURCE_BYTES, type LearnerFile } from "./workbench.js";
export { publishedStarter } from "./published-starter.js";
