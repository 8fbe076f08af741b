import type { Workbench } from "../../workbench/index.js";
import { confirm } from "../confirm.js";
import { resolveLab } from "../resolve-lab.js";

export async function solutionCommand(workbench: Workbench, id: string | undefined, options: { yes?: boolean }): Promise<number> {
  const lab = resolveLab(workbench, id);
  if (!options.yes && !(await confirm(`Show the reference solution of ${lab.id}? Trying the hints first teaches more.`, "--yes"))) {
    console.error("Not shown.");
    return 1;
  }
  process.stdout.write(await workbench.solution(lab));
  return 0;
}
