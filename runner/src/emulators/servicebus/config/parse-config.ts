// Reads Microsoft's Config.json and reports every problem at once, each with its JSON path, before anything starts.
import { readFile } from "node:fs/promises";
import { BrokerError } from "../core/errors.js";
import { validateChildName, validateEntityName } from "../core/entity-names.js";
import { Rule } from "../core/rules.js";
import { serviceBusConfigSchema, type ServiceBusConfig } from "./config-schema.js";
import { ruleDefinition } from "./to-core.js";

export class ServiceBusConfigError extends Error {
  constructor(
    readonly fileName: string,
    readonly problems: string[],
  ) {
    super(
      `${fileName} is not a valid Service Bus emulator config (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems.map((p) => `  - ${p}`).join("\n"),
    );
    this.name = "ServiceBusConfigError";
  }
}

function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out === "" ? String(part) : `.${String(part)}`;
  return out || "(root)";
}

/** Returns the config, or throws one ServiceBusConfigError listing every problem found. */
export function parseServiceBusConfig(json: unknown, fileName = "Config.json"): ServiceBusConfig {
  const parsed = serviceBusConfigSchema.safeParse(json);
  if (!parsed.success) {
    throw new ServiceBusConfigError(
      fileName,
      parsed.error.issues.map((issue) => `${jsonPath(issue.path)}: ${issue.message}`),
    );
  }
  const problems = semanticProblems(parsed.data);
  if (problems.length > 0) throw new ServiceBusConfigError(fileName, problems);
  return parsed.data;
}

export async function readServiceBusConfig(path: string): Promise<ServiceBusConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new ServiceBusConfigError(path, [`cannot read the file: ${(error as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ServiceBusConfigError(path, [`not valid JSON: ${(error as Error).message}`]);
  }
  return parseServiceBusConfig(json, path);
}

// Checks the schema cannot express: Azure's name rules, duplicates, forwarding targets, SQL syntax.
function semanticProblems(config: ServiceBusConfig): string[] {
  const problems: string[] = [];
  const check = (path: string, run: () => void) => {
    try {
      run();
    } catch (error) {
      if (error instanceof BrokerError) problems.push(`${path}: ${error.message}`);
      else throw error;
    }
  };
  config.UserConfig.Namespaces.forEach((ns, n) => {
    const base = `UserConfig.Namespaces[${n}]`;
    const names = new Map<string, string>();
    const claim = (path: string, name: string) => {
      const key = name.toLowerCase();
      const earlier = names.get(key);
      if (earlier) problems.push(`${path}: the name '${name}' is already used by ${earlier}`);
      else names.set(key, path);
    };
    ns.Queues?.forEach((q, i) => {
      const path = `${base}.Queues[${i}].Name`;
      check(path, () => validateEntityName("queue", q.Name));
      claim(path, q.Name);
    });
    ns.Topics?.forEach((t, i) => {
      const path = `${base}.Topics[${i}].Name`;
      check(path, () => validateEntityName("topic", t.Name));
      claim(path, t.Name);
      const subs = new Set<string>();
      t.Subscriptions?.forEach((s, j) => {
        const sPath = `${base}.Topics[${i}].Subscriptions[${j}]`;
        check(`${sPath}.Name`, () => validateChildName("subscription", s.Name));
        if (subs.has(s.Name.toLowerCase())) problems.push(`${sPath}.Name: subscription '${s.Name}' appears twice in topic '${t.Name}'`);
        subs.add(s.Name.toLowerCase());
        s.Rules?.forEach((r, k) => {
          const rPath = `${sPath}.Rules[${k}]`;
          check(`${rPath}.Name`, () => validateChildName("rule", r.Name));
          check(`${rPath}.Properties`, () => new Rule(ruleDefinition(r)));
        });
      });
    });
    const forwardable = new Set(names.keys());
    const checkForward = (path: string, target: string | undefined) => {
      if (target && target.trim() !== "" && !forwardable.has(target.toLowerCase())) {
        problems.push(`${path}: forwarding target '${target}' is not a queue or topic of this namespace`);
      }
    };
    ns.Queues?.forEach((q, i) => {
      checkForward(`${base}.Queues[${i}].Properties.ForwardTo`, q.Properties?.ForwardTo);
      checkForward(`${base}.Queues[${i}].Properties.ForwardDeadLetteredMessagesTo`, q.Properties?.ForwardDeadLetteredMessagesTo);
    });
    ns.Topics?.forEach((t, i) =>
      t.Subscriptions?.forEach((s, j) => {
        const sPath = `${base}.Topics[${i}].Subscriptions[${j}].Properties`;
        checkForward(`${sPath}.ForwardTo`, s.Properties?.ForwardTo);
        checkForward(`${sPath}.ForwardDeadLetteredMessagesTo`, s.Properties?.ForwardDeadLetteredMessagesTo);
      }),
    );
  });
  return problems;
}
