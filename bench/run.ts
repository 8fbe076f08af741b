// npm run bench: every benchmark of the project; prints a table and writes bench/results.json. Each suite
// runs in a process of its own, so one suite's memory and warm caches do not colour another's figures.
// `npm run bench -- spine team` runs only those suites.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";

type Bench = () => Promise<Record<string, number>>;
type Figures = Record<string, number> | { error: string };

/** Suite name -> file and exported function. */
const SUITES: Record<string, [file: string, fn: string]> = {
  spine: ["spine.ts", "benchSpine"],
  servicebus: ["servicebus.ts", "benchServiceBus"],
  "identity-keyvault": ["identity-keyvault.ts", "benchIdentityKeyVault"],
  site: ["site.ts", "benchSite"],
  team: ["team.ts", "benchTeam"],
};

async function runSuiteHere(name: string): Promise<void> {
  const [file, fn] = SUITES[name]!;
  const module = (await import(join(import.meta.dirname, file))) as Record<string, Bench>;
  const figures = await module[fn]!();
  process.stdout.write(`AZLAB_BENCH ${JSON.stringify(figures)}\n`);
  process.exit(0);
}

function runSuiteInChild(name: string): Promise<Figures> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", import.meta.filename, "--suite", name], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("close", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("AZLAB_BENCH "));
      resolve(line ? JSON.parse(line.slice("AZLAB_BENCH ".length)) : { error: `the suite exited with ${code}: ${out.slice(-500)}` });
    });
  });
}

const suiteFlag = process.argv.indexOf("--suite");
if (suiteFlag >= 0) {
  await runSuiteHere(process.argv[suiteFlag + 1]!);
} else {
  const only = process.argv.slice(2);
  const results: Record<string, Figures> = {};
  for (const name of Object.keys(SUITES)) {
    if (!existsSync(join(import.meta.dirname, SUITES[name]![0])) || (only.length > 0 && !only.includes(name))) continue;
    process.stderr.write(`bench: ${name}...\n`);
    results[name] = await runSuiteInChild(name);
  }
  for (const [suite, figures] of Object.entries(results)) {
    console.log(`\n${suite}`);
    for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(58)} ${value}`);
  }
  const file = join(import.meta.dirname, "results.json");
  await writeFile(file, JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, results }, null, 2) + "\n");
  console.log(`\nwritten to ${file}`);
}
