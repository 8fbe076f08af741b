// Which lab a command means: the argument, else the lab folder the command runs in.
import { relative, sep } from "node:path";
import type { Lab } from "../catalog/index.js";
import { AzlabError } from "../errors.js";
import type { Workbench } from "../workbench/index.js";

export function resolveLab(workbench: Workbench, id: string | undefined, cwd = process.cwd()): Lab {
  if (id) return workbench.lab(id);
  const inside = relative(workbench.paths.labsDir, cwd);
  if (inside && !inside.startsWith("..") && !inside.startsWith(sep)) return workbench.lab(inside.split(sep)[0]!);
  throw new AzlabError("Which lab?", "Name it (`azlab test blob-storage`) or run the command inside labs/<lab>/. `azlab list` shows them.");
}
