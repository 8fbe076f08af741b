// npm run bench: every benchmark of the project in one run; prints a table and writes bench/results.json.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { benchSpine } from "./spine.js";

type Bench = () => Promise<Record<string, number>>;

/** Optional suites live in their own files; each exports one function returning named figures. */
async function optional(file: string, name: string): Promise<Bench | undefined> {
  const path = join(import.meta.dirname, file);
  if (!existsSync(path)) return undefined;
  const module = (await import(path)) as Record<string, Bench>;
  return module[name];
}

const suites: Array<[string, Bench | undefined]> = [
  ["spine", benchSpine],
  ["servicebus", await optional("servicebus.ts", "benchServiceBus")],
  ["identity-keyvault", await optional("identity-keyvault.ts", "benchIdentityKeyVault")],
  ["site", await optional("site.ts", "benchSite")],
  ["team", await optional("team.ts", "benchTeam")],
];

const only = process.argv.slice(2);
const results: Record<string, Record<string, number> | { error: string }> = {};
for (const [name, run] of suites) {
  if (!run || (only.length > 0 && !only.includes(name))) continue;
  process.stderr.write(`bench: ${name}...\n`);
  try {
    results[name] = await run();
  } catch (error) {
    results[name] = { error: (error as Error).message };
  }
}

for (const [suite, figures] of Object.entries(results)) {
  console.log(`\n${suite}`);
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(52)} ${value}`);
}
const file = join(import.meta.dirname, "results.json");
await writeFile(file, JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, results }, null, 2) + "\n");
console.log(`\nwritten to ${file}`);
