import type { Workbench } from "../../workbench/index.js";
import { colors as c } from "../output.js";
import { resolveLab } from "../resolve-lab.js";

export async function hintCommand(workbench: Workbench, id: string | undefined): Promise<number> {
  const lab = resolveLab(workbench, id);
  const { hint, index, total } = await workbench.nextHint(lab);
  if (hint === null) {
    console.log(`All ${total} hints of ${lab.id} are revealed:`);
    lab.hints.forEach((text, i) => console.log(`  ${i + 1}. ${text}`));
  } else {
    console.log(`${c.bold(`Hint ${index} of ${total}`)}: ${hint}`);
  }
  return 0;
}
