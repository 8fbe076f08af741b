import { loadCatalog } from "../../catalog/index.js";
import type { RepoPaths } from "../../repo-paths.js";
import { colors as c } from "../output.js";

/** Validates every lab; a CatalogError listing every problem propagates to the CLI's error printer. */
export async function checkCommand(paths: RepoPaths): Promise<number> {
  const catalog = await loadCatalog(paths.labsDir, paths.root);
  console.log(c.green(`${catalog.labs.length} labs are valid.`));
  return 0;
}
