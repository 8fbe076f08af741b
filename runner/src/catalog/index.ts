import { AzlabError } from "../errors.js";
import { closestId } from "./closest-id.js";
import type { Catalog, Lab } from "./load-catalog.js";

export { LabSchema, SKILL_AREAS, SKILL_IDS, SERVICE_IDS, type LabMeta, type SkillId, type ServiceId } from "./lab-schema.js";
export { loadCatalog, CatalogError, isHiddenTest, type Catalog, type Lab } from "./load-catalog.js";
export { closestId } from "./closest-id.js";

/** The lab with this id, or a clear error suggesting the closest one. */
export function requireLab(catalog: Catalog, id: string): Lab {
  const lab = catalog.get(id);
  if (lab) return lab;
  const suggestion = closestId(id, catalog.labs.map((known) => known.id));
  throw new AzlabError(
    `No lab named "${id}"`,
    suggestion ? `Did you mean "${suggestion}"? \`azlab list\` shows every lab.` : "`azlab list` shows every lab.",
    404,
  );
}
