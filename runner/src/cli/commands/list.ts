import { SKILL_AREAS } from "../../catalog/index.js";
import { labState } from "../../store/index.js";
import type { Workbench } from "../../workbench/index.js";
import { colors as c } from "../output.js";

export async function listCommand(workbench: Workbench, options: { json?: boolean }): Promise<number> {
  const progress = await workbench.store.read();
  if (options.json) {
    const labs = workbench.catalog.labs.map((lab) => ({
      id: lab.id,
      title: lab.title,
      skill: lab.skill,
      state: labState(progress.labs[lab.id]),
      bestScore: progress.labs[lab.id]?.bestScore ?? null,
    }));
    console.log(JSON.stringify({ labs }));
    return 0;
  }
  for (const area of SKILL_AREAS) {
    const labs = workbench.catalog.labs.filter((lab) => lab.skill === area.id);
    if (labs.length === 0) continue;
    console.log(c.bold(`\n${area.title} (${area.weight} of AZ-204)`));
    for (const lab of labs) {
      const entry = progress.labs[lab.id];
      const state = labState(entry);
      const score = entry?.bestScore != null ? `best ${Math.round(entry.bestScore * 100)}%` : "";
      const mark = state === "passed" ? c.green("✓ passed") : state === "in-progress" ? c.yellow(`… ${score || "started"}`) : c.dim("not started");
      console.log(`  ${lab.id.padEnd(28)} ${lab.title.padEnd(50)} ${mark}`);
    }
  }
  console.log(c.dim("\nRun a lab's tests with `azlab test <lab>`, or open the workbench with `npm start`."));
  return 0;
}
