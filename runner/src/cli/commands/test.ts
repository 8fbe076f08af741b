import type { Workbench } from "../../workbench/index.js";
import { formatReport, spinner } from "../output.js";
import { resolveLab } from "../resolve-lab.js";

export async function testCommand(workbench: Workbench, id: string | undefined, options: { json?: boolean; solution?: boolean }): Promise<number> {
  const lab = resolveLab(workbench, id);
  const progress = options.json ? undefined : spinner(`Starting emulators for ${lab.id} (${lab.services.join(", ") || "none"})`).start();
  await workbench.emulators.warm(lab.services);
  if (progress) progress.text = `Running ${lab.id} tests${options.solution ? " on the reference solution" : ""}`;
  const report = await workbench.grade(lab, { solution: options.solution });
  progress?.stop();
  if (options.json) console.log(JSON.stringify(report));
  else console.log(formatReport(report));
  return report.status === "pass" ? 0 : 1;
}
