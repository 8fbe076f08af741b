// Expressions Service Bus rejects when a rule is created: each throws SqlFilterError naming the line,
// column and token in error, in the form Azure uses ("There was an error parsing the SQL expression.
// [Token line=1, column=N, Token in error= X, Additional details= ...]").
import { describe, expect, it } from "vitest";
import { compileSqlFilter, compileSqlRuleAction, SqlFilterError } from "../../../runner/src/emulators/servicebus/core/sql/index.js";

function rejection(compile: (expression: string) => unknown, expression: string): SqlFilterError {
  try {
    compile(expression);
  } catch (error) {
    expect(error).toBeInstanceOf(SqlFilterError);
    return error as SqlFilterError;
  }
  throw new Error(`expected ${JSON.stringify(expression)} to be rejected`);
}

const filterError = (expression: string): SqlFilterError => rejection(compileSqlFilter, expression);
const actionError = (expression: string): SqlFilterError => rejection(compileSqlRuleAction, expression);

describe("syntax errors in filters", () => {
  it.each([
    // [expression, line, column, token, words in the details]
    ["color = ", 1, 9, "<end of expression>", "ended"],
    ["color == 'red'", 1, 8, "=", "expected a value"],
    ["color = 'red", 1, 9, "'red", "not terminated"],
    ["[color = 'red'", 1, 1, "[color = 'red'", "closing ]"],
    ["color = 'red' AND", 1, 18, "<end of expression>", "ended"],
    ["color = 'red' quantity = 1", 1, 15, "quantity", "expected AND, OR"],
    ["color", 1, 1, "color", "condition is expected"],
    ["quantity + 1", 1, 1, "quantity", "condition is expected"],
    ["color = 'red' AND quantity", 1, 19, "quantity", "condition is expected"],
    ["NOT quantity", 1, 5, "quantity", "condition is expected"],
    ["(color = 'red') = TRUE", 1, 1, "(", "value is expected"],
    ["EXISTS(color) + 1 = 2", 1, 1, "EXISTS", "value is expected"],
    ["color IN 'red'", 1, 10, "'red'", "'('"],
    ["color IN ()", 1, 11, ")", "expected a value"],
    ["color IN ('a', 'b'", 1, 19, "<end of expression>", "')'"],
    ["color IS 'red'", 1, 10, "'red'", "expected NULL"],
    ["color IS NOT 5", 1, 14, "5", "expected NULL after IS NOT"],
    ["color LIKE 5", 1, 12, "5", "must be a string"],
    ["color LIKE 'a' ESCAPE 'ab'", 1, 23, "'ab'", "length 1"],
    ["color LIKE 'a' ESCAPE ''", 1, 23, "''", "length 1"],
    ["color LIKE 'abc!' ESCAPE '!'", 1, 12, "'abc!'", "ends with its escape"],
    ["EXISTS color", 1, 8, "color", "'('"],
    ["EXISTS('color')", 1, 8, "'color'", "property name"],
    ["sys.Labell = 'x'", 1, 5, "Labell", "not a system property"],
    ["sys. = 'x'", 1, 6, "=", "property name"],
    ["foo.bar = 1", 1, 1, "foo", "not a valid scope"],
    ["and = 1", 1, 1, "and", "expected a value"],
    ["color = 'red' ; quantity = 1", 1, 15, ";", "expected AND, OR"],
    ["color = \"red", 1, 9, "\"red", "closing \""],
    ["color = 'a' && quantity = 1", 1, 13, "&", "Unrecognized character. '&'"],
    ["color ! 'a'", 1, 7, "!", "Unrecognized character. '!'"],
    ["quantity = 12abc", 1, 12, "12a", "followed by a letter"],
    ["quantity = 9223372036854775808", 1, 12, "9223372036854775808", "out of range"],
    ["quantity = 1 BETWEEN 2", 1, 14, "BETWEEN", "expected AND, OR"],
    ["quantity NOT BETWEEN 1 AND 2", 1, 10, "NOT", "expected AND, OR"],
    ["color = @region", 1, 9, "@region", "has no value"],
    ["lower(color) = 'red'", 1, 1, "lower", "not a known function"],
    ["newid(1) = 'x'", 1, 7, "1", "no arguments"],
    ["[] = 1", 1, 1, "[]", "cannot be empty"],
    ["_private = 1", 1, 1, "_", "Unrecognized character. '_'"],
  ])("%j", (expression, line, column, token, details) => {
    const error = filterError(expression);
    expect(error.line).toBe(line);
    expect(error.column).toBe(column);
    expect(error.token).toBe(token);
    expect(error.message).toContain("There was an error parsing the SQL expression.");
    expect(error.message).toContain(`[Token line=${line}, column=${column}, Token in error= ${token}, Additional details= `);
    expect(error.message).toContain(details);
  });

  it("counts lines and columns in multi-line expressions", () => {
    const error = filterError("color = 'red'\nAND quantity >\n   > 5");
    expect([error.line, error.column, error.token]).toEqual([3, 4, ">"]);
  });

  it("rejects an empty expression and points at 1=1 for match-all", () => {
    expect(filterError("").message).toContain("1=1");
    expect(filterError("   ").message).toContain("empty");
  });

  it("accepts -9223372036854775808, the smallest Int64", () => {
    expect(compileSqlFilter("-9223372036854775808 < 0").evaluate({ system: {}, properties: {} })).toBe(true);
  });

  it("rejects a parameter value of an unsupported type", () => {
    expect(() => compileSqlFilter("a = @x", { parameters: { x: [1] as unknown as string } })).toThrow(SqlFilterError);
  });
});

describe("syntax errors in actions", () => {
  it.each([
    ["", 1, 1, "<end of expression>", "empty"],
    ["quantity = 1", 1, 1, "quantity", "expected SET or REMOVE"],
    ["SET quantity 1", 1, 14, "1", "expected '='"],
    ["SET = 1", 1, 5, "=", "property name"],
    ["SET quantity =", 1, 15, "<end of expression>", "ended"],
    ["SET quantity = color = 'red'", 1, 16, "color", "value is expected"],
    ["SET a = 1;; SET b = 2", 1, 11, ";", "expected SET or REMOVE"],
    ["REMOVE", 1, 7, "<end of expression>", "property name"],
    ["REMOVE 'color'", 1, 8, "'color'", "property name"],
    ["SET sys.SequenceNumber = 1", 1, 9, "SequenceNumber", "cannot be changed"],
    ["SET sys.EnqueuedTimeUtc = '2024-01-01'", 1, 9, "EnqueuedTimeUtc", "cannot be changed"],
    ["REMOVE sys.DeliveryCount", 1, 12, "DeliveryCount", "cannot be changed"],
    ["SET sys.Nope = 1", 1, 9, "Nope", "not a system property"],
    ["SET quantity = quantity * 'x' 5", 1, 31, "5", "expected SET or REMOVE"],
    ["DELETE color", 1, 1, "DELETE", "expected SET or REMOVE"],
  ])("%j", (expression, line, column, token, details) => {
    const error = actionError(expression);
    expect([error.line, error.column, error.token]).toEqual([line, column, token]);
    expect(error.message).toContain("There was an error parsing the SQL expression.");
    expect(error.message).toContain(details);
  });
});
