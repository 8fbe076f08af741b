// Asks a yes/no question on the terminal; without a terminal, refuses rather than hang.
import { createInterface } from "node:readline/promises";
import { AzlabError } from "../errors.js";

export async function confirm(question: string, skipFlag: string): Promise<boolean> {
  if (!process.stdin.isTTY) {
    throw new AzlabError("This needs a confirmation and there is no terminal to ask", `Pass ${skipFlag} to confirm in advance.`);
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}
