// Optional SQL parameters (`@name` in an expression), as SqlRuleFilter.sqlParameters and
// SqlRuleAction.sqlParameters carry them; values are constants fixed when the rule is created.
import { SqlFilterError } from "./errors.js";
import type { LiteralValue } from "./parser.js";

export interface SqlCompileOptions {
  /** Keys with or without the leading "@" (both "@region" and "region" define @region). */
  parameters?: Record<string, string | number | bigint | boolean | Date | null>;
}

export function parameterMap(options: SqlCompileOptions | undefined): Map<string, LiteralValue> {
  const map = new Map<string, LiteralValue>();
  for (const [key, value] of Object.entries(options?.parameters ?? {})) {
    const name = (key.startsWith("@") ? key : `@${key}`).toLowerCase();
    map.set(name, literal(key, value));
  }
  return map;
}

function literal(key: string, value: unknown): LiteralValue {
  if (value === null || typeof value === "string" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "bigint") return value;
  if (typeof value === "number") return Number.isSafeInteger(value) ? BigInt(value) : value;
  throw new SqlFilterError(`The SQL parameter '${key}' has a value of type ${typeof value}; allowed types are string, number, boolean, Date and null.`);
}
