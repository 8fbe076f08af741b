// compileSqlRuleAction: SET / REMOVE statements run in order against a message that matched a rule.
import type { PropertyRef, Statement } from "./ast.js";
import { type SqlCompileOptions, parameterMap } from "./compile-options.js";
import { SqlEvaluationError } from "./errors.js";
import { evaluateValue, type FilterableMessage, findUserKey } from "./evaluator.js";
import { parseAction } from "./parser.js";
import { isStringSystemProperty } from "./system-properties.js";
import { describe, OpaqueValue, type SqlValue, toMessageValue, typeName } from "./values.js";

export interface CompiledSqlRuleAction {
  readonly expression: string;
  /**
   * Changes the message in place. Throws SqlEvaluationError (message untouched) when a statement fails,
   * e.g. arithmetic on a string, so the broker can dead-letter the message with that reason.
   */
  apply(message: FilterableMessage): void;
}

export function compileSqlRuleAction(expression: string, options?: SqlCompileOptions): CompiledSqlRuleAction {
  const statements = parseAction(expression, parameterMap(options));
  return {
    expression,
    apply(message) {
      // Work on copies so that a failing statement leaves the message exactly as it arrived.
      const draft: FilterableMessage = { system: { ...message.system }, properties: { ...message.properties } };
      for (const statement of statements) {
        try {
          run(statement, draft);
        } catch (error) {
          if (!(error instanceof SqlEvaluationError)) throw error;
          throw new SqlEvaluationError(`The SQL rule action '${statement.text}' failed: ${error.message}`);
        }
      }
      replaceContents(message.system, draft.system);
      replaceContents(message.properties, draft.properties);
    },
  };
}

function run(statement: Statement, message: FilterableMessage): void {
  if (statement.type === "remove") {
    remove(statement.target, message);
    return;
  }
  // Statements run in order, so a later one sees what an earlier one set.
  const value = evaluateValue(statement.value, message);
  if (statement.target.scope === "sys") {
    setSystem(statement.target.name, value, message);
    return;
  }
  // Property names are case-insensitive: SET Quantity updates an existing "quantity" under its own key.
  const key = findUserKey(message.properties, statement.target.name) ?? statement.target.name;
  message.properties[key] = toMessageValue(value);
}

function remove(target: PropertyRef, message: FilterableMessage): void {
  if (target.scope === "sys") {
    delete message.system[target.name];
    return;
  }
  const key = findUserKey(message.properties, target.name);
  if (key !== undefined) delete message.properties[key];
}

function setSystem(name: string, value: SqlValue, message: FilterableMessage): void {
  if (value == null) {
    delete message.system[name];
    return;
  }
  if (isStringSystemProperty(name)) {
    if (value instanceof OpaqueValue) throw mismatch(name, value, "a string");
    message.system[name] = value instanceof Date ? value.toISOString() : typeof value === "boolean" ? (value ? "True" : "False") : String(value);
  } else if (name === "TimeToLive") {
    // The broker keeps TimeToLive in milliseconds.
    if (typeof value !== "bigint" && typeof value !== "number") throw mismatch(name, value, "a number of milliseconds");
    const ms = Number(value);
    if (!(ms > 0)) throw new SqlEvaluationError(`sys.TimeToLive must be a positive number of milliseconds, not ${describe(value)}.`);
    message.system[name] = ms;
  } else if (name === "ScheduledEnqueueTimeUtc") {
    const date = value instanceof Date ? value : typeof value === "string" ? new Date(value) : undefined;
    if (date === undefined || Number.isNaN(date.getTime())) throw mismatch(name, value, "a DateTime or an ISO 8601 date string");
    message.system[name] = date;
  }
}

function mismatch(name: string, value: SqlValue, expected: string): SqlEvaluationError {
  return new SqlEvaluationError(`sys.${name} must be ${expected}; the expression gave ${typeName(value)} ${describe(value)}.`);
}

function replaceContents(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const key of Object.keys(target)) if (!Object.hasOwn(source, key)) delete target[key];
  Object.assign(target, source);
}
