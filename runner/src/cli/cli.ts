// The azlab command line (commander). Expected errors print as a message and a next step, never a stack
// trace (unless --debug).
import { Command, InvalidArgumentError } from "commander";
import { isAzlabError } from "../errors.js";
import { repoPaths } from "../repo-paths.js";
import { Workbench } from "../workbench/index.js";
import { colors as c } from "./output.js";

const debug = process.argv.includes("--debug");

// Commands are imported when run: `azlab list` should not pay for loading the server or the AMQP stack.

/** Opens the workbench, runs the command, and always stops what the command started. */
async function withWorkbench(run: (workbench: Workbench) => Promise<number>): Promise<number> {
  const workbench = await Workbench.open(repoPaths());
  try {
    return await run(workbench);
  } finally {
    await workbench.close();
  }
}

function port(value: string): string {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("expected a port number between 0 and 65535");
  return value;
}

export function buildProgram(): Command {
  const program = new Command("azlab")
    .description("Practise AZ-204 with the real Azure SDKs against local emulators.")
    .option("--debug", "show stack traces for errors")
    .showHelpAfterError();

  program.command("list").description("labs by AZ-204 skill area, with your best score").option("--json", "print JSON")
    .action(async (options) => exit(await withWorkbench(async (wb) => (await import("./commands/list.js")).listCommand(wb, options))));
  program.command("test [lab]").description("grade your labs/<lab>/exercise.ts (inside a lab folder, that lab)")
    .option("--json", "print only the JSON report").option("--solution", "grade the reference solution instead")
    .action(async (lab, options) => exit(await withWorkbench(async (wb) => (await import("./commands/test.js")).testCommand(wb, lab, options))));
  program.command("hint [lab]").description("reveal the next hint")
    .action(async (lab) => exit(await withWorkbench(async (wb) => (await import("./commands/hint.js")).hintCommand(wb, lab))));
  program.command("reset [lab]").description("restore the starter (your code is backed up first)")
    .action(async (lab) => exit(await withWorkbench(async (wb) => (await import("./commands/reset.js")).resetCommand(wb, lab))));
  program.command("solution [lab]").description("print the reference solution").option("-y, --yes", "do not ask for confirmation")
    .action(async (lab, options) => exit(await withWorkbench(async (wb) => (await import("./commands/solution.js")).solutionCommand(wb, lab, options))));
  program.command("emulators").description("start every embedded emulator on its default port and print the env")
    .option("--json", "print one line holding one JSON object").option("--once", "stop right after printing").option("--free-ports", "use free ports instead of the defaults")
    .option("--servicebus-config <file>", "load a Microsoft Service Bus emulator Config.json")
    .option("--vault <name...>", "more Key Vault names besides myvault")
    .option("--storage-account <name...>", "more storage account names besides mystorage")
    .action(async (options) => exit(await (await import("./commands/emulators.js")).emulatorsCommand(options)));
  program.command("quiz").description("drill due flashcards from the interview question bank")
    .option("--area <area>", "only this area (compute, storage, security, monitor, connect, patterns, ...)")
    .option("--topic <topic>", "only this topic").option("-n, --count <n>", "how many cards (default 10)")
    .action(async (options) => exit(await (await import("./commands/quiz.js")).quizCommand(options)));
  program.command("check").description("validate every lab folder")
    .action(async () => exit(await (await import("./commands/check.js")).checkCommand(repoPaths())));
  program.command("serve").description("start the workbench: site, API and emulators")
    .option("-p, --port <port>", "port to listen on (default 4280)", port)
    .option("--host <host>", "address to listen on (default 127.0.0.1)")
    .option("--no-build", "do not build the site first")
    .option("--team [title]", "start a team interview session (participants join with a link)")
    .option("--pair", "start a pair interview session (one interviewer, one candidate)")
    .action(async (options) => exit(await (await import("./commands/serve.js")).serveCommand(options)));
  return program;
}

function exit(code: number): void {
  process.exitCode = code;
}

export async function runCli(argv = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (isAzlabError(error) && !debug) {
      console.error(c.red(`azlab: ${error.message}`));
      if (error.hint) console.error(c.dim(error.hint));
    } else {
      console.error(c.red(`azlab: ${(error as Error).message}`));
      if (debug || !isAzlabError(error)) console.error((error as Error).stack);
    }
    process.exitCode = isAzlabError(error) ? 2 : 70;
  }
}
