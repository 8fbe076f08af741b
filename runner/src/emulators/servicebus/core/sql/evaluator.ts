// Evaluates a parsed filter or expression against one message, with SQL's three-valued logic:
// a predicate yields TRUE, FALSE or unknown (undefined), and only TRUE makes a filter match.
import { randomUUID } from "node:crypto";
import type { PredicateNode, PropertyRef, ValueNode } from "./ast.js";
import { SqlEvaluationError } from "./errors.js";
import { escapeProblem, likeMatches } from "./like.js";
import { systemPropertyName } from "./system-properties.js";
import { arithmetic, compare, describe, fromMessageValue, negate, type SqlValue, typeName } from "./values.js";

export interface FilterableMessage {
  /** Keys as Service Bus names them: MessageId, Label, EnqueuedTimeUtc (Date), TimeToLive (ms), ... */
  system: Record<string, unknown>;
  /** User (application) properties: string | number | boolean | Date | null. */
  properties: Record<string, unknown>;
}

export function evaluatePredicate(node: PredicateNode, message: FilterableMessage): boolean | undefined {
  switch (node.type) {
    case "and": {
      const left = evaluatePredicate(node.left, message);
      if (left === false) return false;
      const right = evaluatePredicate(node.right, message);
      if (right === false) return false;
      return left === true && right === true ? true : undefined;
    }
    case "or": {
      const left = evaluatePredicate(node.left, message);
      if (left === true) return true;
      const right = evaluatePredicate(node.right, message);
      if (right === true) return true;
      return left === false && right === false ? false : undefined;
    }
    case "not": {
      const operand = evaluatePredicate(node.operand, message);
      return operand === undefined ? undefined : !operand;
    }
    case "compare":
      return compare(node.op, evaluateValue(node.left, message), evaluateValue(node.right, message));
    case "in": {
      // Only an unknown left operand makes IN unknown (documented); unknown list items just do not match.
      const operand = evaluateValue(node.operand, message);
      if (operand == null) return undefined;
      const found = node.list.some((item) => compare("=", operand, evaluateValue(item, message)) === true);
      return found !== node.negated;
    }
    case "like": {
      const operand = evaluateValue(node.operand, message);
      const pattern = evaluateValue(node.pattern, message);
      const escape = node.escape === undefined ? undefined : evaluateValue(node.escape, message);
      if (operand == null || pattern == null || (node.escape !== undefined && escape == null)) return undefined;
      if (escape !== undefined && escapeProblem(escape) !== undefined) throw new SqlEvaluationError(escapeProblem(escape) as string);
      if (typeof pattern !== "string") throw new SqlEvaluationError(`The LIKE pattern must be a string, not ${typeName(pattern)} ${describe(pattern)}.`);
      if (typeof operand !== "string") return undefined; // a number or date is not LIKE anything: unknown
      return likeMatches(operand, pattern, escape as string | undefined) !== node.negated;
    }
    case "isNull":
      return (evaluateValue(node.operand, message) == null) !== node.negated;
    case "exists":
      return node.ref.scope === "user" ? findUserKey(message.properties, node.ref.name) !== undefined : readSystem(message, node.ref.name) != null;
  }
}

export function evaluateValue(node: ValueNode, message: FilterableMessage): SqlValue {
  switch (node.type) {
    case "literal":
      return node.value;
    case "property":
      return readProperty(message, node.ref);
    case "newid":
      return randomUUID();
    case "propertyByName": {
      const name = evaluateValue(node.name, message);
      if (name == null) return undefined;
      if (typeof name !== "string") throw new SqlEvaluationError(`property() needs a string name, not ${typeName(name)} ${describe(name)}.`);
      return readProperty(message, propertyRefFromName(name));
    }
    case "negate":
    case "plus":
      return negate(node.type === "negate" ? "-" : "+", evaluateValue(node.operand, message));
    case "arithmetic":
      return arithmetic(node.op, evaluateValue(node.left, message), evaluateValue(node.right, message));
  }
}

/** A missing user property is unknown; a system property that is not set is NULL. */
export function readProperty(message: FilterableMessage, ref: PropertyRef): SqlValue {
  if (ref.scope === "sys") return fromMessageValue(readSystem(message, ref.name) ?? null);
  const key = findUserKey(message.properties, ref.name);
  return key === undefined ? undefined : fromMessageValue(message.properties[key]);
}

/** Property names are case-insensitive; an exact match wins when two keys differ only in case. */
export function findUserKey(properties: Record<string, unknown>, name: string): string | undefined {
  if (Object.hasOwn(properties, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(properties).find((key) => key.toLowerCase() === lower);
}

function readSystem(message: FilterableMessage, canonical: string): unknown {
  const value = message.system[canonical];
  if (value !== undefined) return value;
  if (canonical === "Label") return message.system["Subject"];
  if (canonical === "ExpiresAtUtc") {
    // Derived as Service Bus does: enqueued time + time to live.
    const enqueued = message.system["EnqueuedTimeUtc"];
    const ttl = message.system["TimeToLive"];
    if (enqueued instanceof Date && typeof ttl === "number" && Number.isFinite(ttl)) return new Date(enqueued.getTime() + ttl);
  }
  return undefined;
}

/** property('sys.Label'), property('user.color') or property('color'). */
function propertyRefFromName(name: string): PropertyRef {
  const dot = name.indexOf(".");
  const scope = dot === -1 ? "" : name.slice(0, dot).toLowerCase();
  if (scope === "user") return { scope: "user", name: name.slice(dot + 1) };
  if (scope !== "sys") return { scope: "user", name };
  const canonical = systemPropertyName(name.slice(dot + 1));
  // The docs: evaluating a system property that does not exist is an error, unlike a user property.
  if (canonical === undefined) throw new SqlEvaluationError(`The system property '${name.slice(dot + 1)}' does not exist (in property('${name}')).`);
  return { scope: "sys", name: canonical };
}
