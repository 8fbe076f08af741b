import type { Workbench } from "../../workbench/index.js";
import { colors as c } from "../output.js";
import { resolveLab } from "../resolve-lab.js";

export async function resetCommand(workbench: Workbench, id: string | undefined): Promise<number> {
  const lab = resolveLab(workbench, id);
  const { backups } = await workbench.reset(lab);
  for (const backup of backups) console.log(`Your previous code was saved to ${c.bold(backup)}`);
  console.log(`${lab.id}/exercise.ts is the starter again.`);
  return 0;
}
