// Run-time values and the operators on them, following the C# promotions the docs point to:
// Int64 (bigint) and Double (number) mix as doubles, integer division truncates, `+` joins strings,
// and unknown (a missing property) or NULL in an operand makes the result unknown.
import type { ArithmeticOp, CompareOp } from "./ast.js";
import { SqlEvaluationError } from "./errors.js";

/** A value Service Bus cannot operate on (a byte array, a list, a map): kept so SET can copy it. */
export class OpaqueValue {
  constructor(readonly raw: unknown) {}
}

/** undefined = unknown (missing property), null = NULL, bigint = Int64, number = Double. */
export type SqlValue = undefined | null | string | boolean | bigint | number | Date | OpaqueValue;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Reads a message property as a SQL value: whole JS numbers are Int64, like the integers senders use. */
export function fromMessageValue(value: unknown): SqlValue {
  if (value === undefined || value === null) return value;
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "bigint":
      return value >= INT64_MIN && value <= INT64_MAX ? value : Number(value);
    case "number":
      return Number.isSafeInteger(value) ? BigInt(value) : value;
    default:
      return value instanceof Date ? value : new OpaqueValue(value);
  }
}

/** Writes a SQL value back as a message property: Int64 becomes a JS number when it fits exactly. */
export function toMessageValue(value: SqlValue): unknown {
  if (value === undefined) return null;
  if (typeof value === "bigint") return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  if (value instanceof OpaqueValue) return value.raw;
  return value;
}

/** The type name people see in error messages, in .NET terms. */
export function typeName(value: SqlValue): string {
  if (value === undefined) return "unknown";
  if (value === null) return "null";
  if (typeof value === "bigint") return "long";
  if (typeof value === "number") return "double";
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "bool";
  if (value instanceof Date) return "DateTime";
  return Array.isArray(value.raw) ? "list" : value.raw instanceof Uint8Array ? "byte[]" : "object";
}

const isNumeric = (value: SqlValue): value is bigint | number => typeof value === "bigint" || typeof value === "number";

/**
 * Compares two values: TRUE, FALSE, or unknown (undefined) when either side is unknown or NULL, or when the
 * types cannot be compared (a string with a number, an ordering of booleans); unknown never matches.
 */
export function compare(op: CompareOp, left: SqlValue, right: SqlValue): boolean | undefined {
  if (left == null || right == null) return undefined;
  let order: number;
  if (isNumeric(left) && isNumeric(right)) {
    if (typeof left === "bigint" && typeof right === "bigint") order = left < right ? -1 : left > right ? 1 : 0;
    else {
      const a = Number(left);
      const b = Number(right);
      if (Number.isNaN(a) || Number.isNaN(b)) return op === "<>"; // NaN equals nothing, as in C#
      order = a < b ? -1 : a > b ? 1 : 0;
    }
  } else if (typeof left === "string" && typeof right === "string") {
    order = left < right ? -1 : left > right ? 1 : 0; // ordinal, case-sensitive, like String.CompareOrdinal
  } else if (left instanceof Date && right instanceof Date) {
    order = Math.sign(left.getTime() - right.getTime());
  } else if (typeof left === "boolean" && typeof right === "boolean") {
    if (op !== "=" && op !== "<>") return undefined;
    order = left === right ? 0 : 1;
  } else return undefined;
  switch (op) {
    case "=": return order === 0;
    case "<>": return order !== 0;
    case ">": return order > 0;
    case ">=": return order >= 0;
    case "<": return order < 0;
    case "<=": return order <= 0;
  }
}

export function arithmetic(op: ArithmeticOp, left: SqlValue, right: SqlValue): SqlValue {
  if (left === undefined || right === undefined || left === null || right === null) return undefined;
  if (op === "+" && (typeof left === "string" || typeof right === "string")) {
    if (joinable(left) && joinable(right)) return text(left) + text(right);
  } else if (isNumeric(left) && isNumeric(right)) {
    if (typeof left === "bigint" && typeof right === "bigint") return longArithmetic(op, left, right);
    const a = Number(left);
    const b = Number(right);
    switch (op) {
      case "+": return a + b;
      case "-": return a - b;
      case "*": return a * b;
      case "/": return a / b;
      case "%": return a % b;
    }
  }
  throw new SqlEvaluationError(
    `Operator '${op}' cannot be applied to operands of type '${typeName(left)}' and '${typeName(right)}' ` +
      `(${describe(left)} ${op} ${describe(right)}).`,
  );
}

export function negate(op: "-" | "+", operand: SqlValue): SqlValue {
  if (operand === undefined || operand === null) return undefined;
  if (typeof operand === "bigint") return op === "-" ? BigInt.asIntN(64, -operand) : operand;
  if (typeof operand === "number") return op === "-" ? -operand : operand;
  throw new SqlEvaluationError(`Operator '${op}' cannot be applied to an operand of type '${typeName(operand)}' (${describe(operand)}).`);
}

/** A value as it would appear in a SQL expression, for error messages. */
export function describe(value: SqlValue): string {
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return "unknown";
  if (value === null) return "NULL";
  if (value instanceof OpaqueValue) return typeName(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

function longArithmetic(op: ArithmeticOp, a: bigint, b: bigint): bigint {
  if ((op === "/" || op === "%") && b === 0n) throw new SqlEvaluationError(`Attempted to divide by zero (${a} ${op} 0).`);
  switch (op) {
    case "+": return BigInt.asIntN(64, a + b);
    case "-": return BigInt.asIntN(64, a - b);
    case "*": return BigInt.asIntN(64, a * b);
    case "/": return BigInt.asIntN(64, a / b); // truncates toward zero, like C#
    case "%": return a % b;
  }
}

const joinable = (value: SqlValue): boolean => typeof value === "string" || isNumeric(value) || typeof value === "boolean";

/** How C# turns a value into text when `+` joins it to a string (True/False for booleans). */
function text(value: SqlValue): string {
  if (typeof value === "boolean") return value ? "True" : "False";
  return String(value);
}
