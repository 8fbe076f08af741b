// SQL rule actions: SET and REMOVE run in order against a message that matched the rule's filter.
// Syntax and considerations: https://learn.microsoft.com/azure/service-bus-messaging/service-bus-messaging-sql-rule-action
import { describe, expect, it } from "vitest";
import {
  compileSqlRuleAction,
  type FilterableMessage,
  SqlEvaluationError,
} from "../../../runner/src/emulators/servicebus/core/sql/index.js";

function message(properties: Record<string, unknown> = {}, system: Record<string, unknown> = {}): FilterableMessage {
  return { system: { MessageId: "m-1", Label: "orders", ...system }, properties };
}

function apply(expression: string, target: FilterableMessage): FilterableMessage {
  compileSqlRuleAction(expression).apply(target);
  return target;
}

describe("SET on user properties", () => {
  it("creates a property and updates an existing one", () => {
    const m = apply("SET source = 'routedOrders'", message({ color: "red" }));
    expect(m.properties).toEqual({ color: "red", source: "routedOrders" });
    expect(apply("SET color = 'blue'", m).properties).toEqual({ color: "blue", source: "routedOrders" });
  });

  it("runs the docs' example: SET quantity = quantity / 2; REMOVE priority;SET sys.CorrelationId = 'low';", () => {
    const m = message({ color: "red", quantity: 10, priority: "high" }, { CorrelationId: "high" });
    apply("SET quantity = quantity / 2; REMOVE priority;SET sys.CorrelationId = 'low';", m);
    expect(m.properties).toEqual({ color: "red", quantity: 5 });
    expect(m.system["CorrelationId"]).toBe("low");
  });

  it("keeps Int64 and Double arithmetic apart, as C# does", () => {
    const m = apply("SET half = quantity / 4; SET exact = quantity / 4.0; SET rest = quantity % 4; SET neg = -quantity", message({ quantity: 10 }));
    expect(m.properties).toMatchObject({ half: 2, exact: 2.5, rest: 2, neg: -10 });
  });

  it("updates a property whatever the case of its name, under its existing key", () => {
    const m = apply("SET QUANTITY = Quantity + 1", message({ quantity: 1 }));
    expect(m.properties).toEqual({ quantity: 2 });
  });

  it("accepts user., [brackets] and \"quoted\" names", () => {
    const m = apply('SET user.a = 1; SET [my prop] = 2; SET "x-y" = 3', message());
    expect(m.properties).toEqual({ a: 1, "my prop": 2, "x-y": 3 });
  });

  it("runs statements in order: a later one sees what an earlier one set", () => {
    const m = apply("SET a = 1; SET b = a + 1; SET a = b * 10", message());
    expect(m.properties).toEqual({ a: 20, b: 2 });
  });

  it("does not need semicolons between statements, and keywords are case-insensitive", () => {
    const m = apply("set a = 'x' SET b = TRUE remove c\nSeT d = NULL", message({ c: 1 }));
    expect(m.properties).toEqual({ a: "x", b: true, d: null });
  });

  it("sets NULL when the expression reads a property that does not exist (not an error)", () => {
    const m = apply("SET copy = missing; SET sum = missing + 1", message());
    expect(m.properties).toEqual({ copy: null, sum: null });
  });

  it("copies strings, booleans, dates, nulls and other values as they are", () => {
    const created = new Date("2024-01-01T00:00:00Z");
    const bytes = new Uint8Array([1, 2, 3]);
    const m = apply("SET c1 = s; SET c2 = b; SET c3 = d; SET c4 = n; SET c5 = raw; SET c6 = s + '!' + 5", message({ s: "it's", b: false, d: created, n: null, raw: bytes }));
    expect(m.properties).toMatchObject({ c1: "it's", c2: false, c3: created, c4: null, c5: bytes, c6: "it's!5" });
  });

  it("keeps Int64 values beyond 2^53 exact as bigint", () => {
    const m = apply("SET big = 9223372036854775807; SET small = 9007199254740991", message());
    expect(m.properties["big"]).toBe(9223372036854775807n);
    expect(m.properties["small"]).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("evaluates newid() and property(name)", () => {
    const m = apply("SET id = newid(); SET copy = property('col' + 'or'); SET label = p('sys.Label')", message({ color: "red" }));
    expect(m.properties["id"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(m.properties).toMatchObject({ copy: "red", label: "orders" });
    const again = apply("SET id = newid()", message());
    expect(again.properties["id"]).not.toBe(m.properties["id"]);
  });

  it("substitutes @parameters", () => {
    const action = compileSqlRuleAction("SET region = @region; SET level = @level + 1", { parameters: { region: "west", "@level": 2 } });
    const m = message();
    action.apply(m);
    expect(m.properties).toEqual({ region: "west", level: 3 });
  });
});

describe("REMOVE", () => {
  it("removes a property, case-insensitively, and ignores one that does not exist", () => {
    const m = apply("REMOVE Priority; REMOVE missing", message({ priority: "high", color: "red" }));
    expect(m.properties).toEqual({ color: "red" });
  });

  it("clears a settable system property", () => {
    const m = apply("REMOVE sys.Label", message());
    expect(m.system).toEqual({ MessageId: "m-1" });
  });
});

describe("SET on system properties", () => {
  it("sets the string system properties, by any case of their names", () => {
    const m = apply(
      "SET sys.Label = 'Important'; SET sys.to = 'Entity'; SET SYS.ReplyTo = 'back'; SET sys.SessionId = 's1'; " +
        "SET sys.ReplyToSessionId = 's2'; SET sys.ContentType = 'text/plain'; SET sys.MessageId = sys.MessageId + '-copy'; " +
        "SET sys.PartitionKey = 'pk'",
      message(),
    );
    expect(m.system).toEqual({
      MessageId: "m-1-copy", Label: "Important", To: "Entity", ReplyTo: "back", SessionId: "s1",
      ReplyToSessionId: "s2", ContentType: "text/plain", PartitionKey: "pk",
    });
  });

  it("writes sys.Subject as Label, the name the broker keeps", () => {
    expect(apply("SET sys.Subject = 'new'", message()).system["Label"]).toBe("new");
  });

  it("converts numbers and booleans to text for string system properties", () => {
    const m = apply("SET sys.CorrelationId = 42; SET sys.Label = TRUE", message());
    expect(m.system).toMatchObject({ CorrelationId: "42", Label: "True" });
  });

  it("unsets a system property set to NULL or to a missing property", () => {
    const m = apply("SET sys.Label = NULL; SET sys.To = missing", message({}, { To: "x" }));
    expect(m.system).toEqual({ MessageId: "m-1" });
  });

  it("sets TimeToLive in milliseconds and ScheduledEnqueueTimeUtc from a date or ISO text", () => {
    const m = apply("SET sys.TimeToLive = 30000; SET sys.ScheduledEnqueueTimeUtc = '2030-01-01T00:00:00Z'", message());
    expect(m.system["TimeToLive"]).toBe(30000);
    expect(m.system["ScheduledEnqueueTimeUtc"]).toEqual(new Date("2030-01-01T00:00:00Z"));
    const when = new Date("2031-06-01T00:00:00Z");
    expect(apply("SET sys.ScheduledEnqueueTimeUtc = at", message({ at: when })).system["ScheduledEnqueueTimeUtc"]).toEqual(when);
  });
});

describe("run-time failures (the broker dead-letters the message)", () => {
  function failure(expression: string, target: FilterableMessage): SqlEvaluationError {
    const action = compileSqlRuleAction(expression);
    try {
      action.apply(target);
    } catch (error) {
      expect(error).toBeInstanceOf(SqlEvaluationError);
      return error as SqlEvaluationError;
    }
    throw new Error(`expected ${JSON.stringify(expression)} to fail`);
  }

  it.each([
    ["SET q = color * 2", "Operator '*' cannot be applied to operands of type 'string' and 'long' ('red' * 2)"],
    ["SET q = color - 'x'", "Operator '-' cannot be applied to operands of type 'string' and 'string'"],
    ["SET q = -color", "Operator '-' cannot be applied to an operand of type 'string'"],
    ["SET q = flag + 1", "Operator '+' cannot be applied to operands of type 'bool' and 'long'"],
    ["SET q = when + 1", "'DateTime' and 'long'"],
    ["SET q = quantity / 0", "divide by zero"],
    ["SET q = quantity % 0", "divide by zero"],
    ["SET q = property('sys.Nope')", "The system property 'Nope' does not exist"],
    ["SET q = property(5)", "property() needs a string name"],
    ["SET sys.TimeToLive = 'soon'", "sys.TimeToLive must be a number of milliseconds"],
    ["SET sys.TimeToLive = -5", "positive number of milliseconds"],
    ["SET sys.ScheduledEnqueueTimeUtc = 'not a date'", "sys.ScheduledEnqueueTimeUtc must be a DateTime"],
    ["SET sys.Label = raw", "sys.Label must be a string"],
  ])("%s", (expression, reason) => {
    const error = failure(expression, message({ color: "red", quantity: 10, flag: true, when: new Date(0), raw: [1] }));
    expect(error.message).toContain(`The SQL rule action '${expression}' failed: `);
    expect(error.message).toContain(reason);
  });

  it("names the failing statement and leaves the message exactly as it was", () => {
    const target = message({ quantity: 10, color: "red", priority: "high" });
    const before = structuredClone(target);
    const error = failure("SET quantity = 1; REMOVE priority; SET sys.Label = 'x'; SET bad = color * 2; SET after = 1", target);
    expect(error.message).toContain("'SET bad = color * 2'");
    expect(target).toEqual(before);
  });

  it("applies the same compiled action to many messages independently", () => {
    const action = compileSqlRuleAction("SET total = price * quantity");
    const a = message({ price: 2.5, quantity: 4 });
    const b = message({ price: 1, quantity: 3 });
    action.apply(a);
    action.apply(b);
    expect([a.properties["total"], b.properties["total"]]).toEqual([10, 3]);
  });
});
