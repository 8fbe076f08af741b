// The Service Bus SQL filter language, form by form, each with messages that match and that do not.
// Grammar and semantics: https://learn.microsoft.com/azure/service-bus-messaging/service-bus-messaging-sql-filter
// Examples used below: https://learn.microsoft.com/azure/service-bus-messaging/service-bus-filter-examples
import { describe, expect, it } from "vitest";
import { compileSqlFilter, type FilterableMessage } from "../../../runner/src/emulators/servicebus/core/sql/index.js";

const order: FilterableMessage = {
  system: {
    MessageId: "order-17",
    CorrelationId: "abc-42",
    To: "Store5",
    ReplyTo: "replies",
    Label: "servicebus-order",
    SessionId: "customer-1",
    ContentType: "application/json",
    SequenceNumber: 1234,
    EnqueuedTimeUtc: new Date("2024-05-01T10:00:00Z"),
    DeliveryCount: 1,
    Size: 512,
    TimeToLive: 60_000,
  },
  properties: {
    color: "red",
    quantity: 10,
    price: 2.5,
    priority: "high",
    vip: true,
    note: null,
    created: new Date("2024-04-30T00:00:00Z"),
    "my property": "spaced",
    "HR-EmployeeID": "E7",
    'Contoso & "Northwind"': "quoted",
    größe: "XL",
    and: "keyword-named",
  },
};

const matches = (expression: string, message: FilterableMessage = order): boolean => compileSqlFilter(expression).evaluate(message);

/** Asserts each expression's result against `order`, so every form is seen both matching and not. */
function table(rows: Array<[string, boolean]>): void {
  it.each(rows)("%s -> %s", (expression, expected) => {
    expect(matches(expression)).toBe(expected);
  });
}

describe("true and false filters", () => {
  table([["1=1", true], ["1=0", false], ["1 = 1", true], ["0=1", false]]);
});

describe("comparisons = <> != > >= < <=", () => {
  table([
    ["color = 'red'", true],
    ["color = 'blue'", false],
    ["color <> 'blue'", true],
    ["color <> 'red'", false],
    ["color != 'blue'", true],
    ["color != 'red'", false],
    ["quantity > 9", true],
    ["quantity > 10", false],
    ["quantity >= 10", true],
    ["quantity >= 11", false],
    ["quantity < 11", true],
    ["quantity < 10", false],
    ["quantity <= 10", true],
    ["quantity <= 9", false],
    ["price > 2.08", true],
    ["price < 2.08", false],
    ["quantity = 10.0", true], // Int64 and Double compare by value (C# promotion)
    ["vip = TRUE", true],
    ["vip = FALSE", false],
    ["vip <> false", true],
    ["'b' > 'a'", true],
    ["'B' > 'a'", false], // ordinal: uppercase sorts before lowercase
    ["created < sys.EnqueuedTimeUtc", true],
    ["created > sys.EnqueuedTimeUtc", false],
  ]);

  it("compares string values case-sensitively", () => {
    expect(matches("color = 'RED'")).toBe(false);
  });
});

describe("AND, OR, NOT, precedence and parentheses", () => {
  table([
    ["color = 'red' AND quantity = 10", true],
    ["color = 'red' AND quantity = 11", false],
    ["color = 'blue' OR quantity = 10", true],
    ["color = 'blue' OR quantity = 11", false],
    ["NOT color = 'blue'", true],
    ["NOT color = 'red'", false],
    ["NOT NOT color = 'red'", true],
    // AND binds tighter than OR: true OR (false AND false)
    ["color = 'red' OR color = 'blue' AND quantity = 99", true],
    // parentheses change it: (true OR false) AND false
    ["(color = 'red' OR color = 'blue') AND quantity = 99", false],
    // NOT binds tighter than AND: (NOT false) AND true
    ["NOT color = 'blue' AND quantity = 10", true],
    ["NOT (color = 'red' AND quantity = 99)", true],
    ["NOT (color = 'red' OR quantity = 99)", false],
    ["((color = 'red'))", true],
    ["(priority = 1 OR priority = 3) AND (sys.Label LIKE '%order')", false],
  ]);
});

describe("arithmetic + - * / % and unary minus", () => {
  table([
    ["quantity + 5 = 15", true],
    ["quantity - 5 = 4", false],
    ["quantity * 2 = 20", true],
    ["quantity / 4 = 2", true], // Int64 division truncates, as in C#
    ["quantity / 4 = 2.5", false],
    ["quantity / 4.0 = 2.5", true], // a Double operand makes it Double division
    ["quantity % 3 = 1", true],
    ["quantity % 3 = 0", false],
    ["-quantity = -10", true],
    ["-price = -2.5", true],
    ["-price = 2.5", false],
    ["-quantity = 10", false],
    ["- -quantity = 10", true],
    ["+quantity = 10", true],
    ["quantity - -5 = 15", true],
    ["2 + 3 * 4 = 14", true], // * before +
    ["(2 + 3) * 4 = 20", true],
    ["10 - 4 - 3 = 3", true], // left-associative
    ["100 / 10 / 5 = 2", true],
    ["-7 / 2 = -3", true], // truncation toward zero
    ["-7 % 2 = -1", true],
    ["price * 4 = 10", true],
    ["'serv' + 'icebus' = 'servicebus'", true], // + joins strings (C#)
    ["'n' + 5 = 'n5'", true],
    ["1.5E1 = 15", true],
    ["101.5E5 = 10150000", true],
    ["0.5E-2 = 0.005", true],
    ["2. = 2", true],
    [".5 = 0.5", true],
    ["9223372036854775807 + 1 = -9223372036854775808", true], // Int64 wraps like unchecked C#
  ]);

  it("treats a type error as no match (arithmetic on a string)", () => {
    expect(matches("color * 2 = 4")).toBe(false);
    expect(matches("NOT color * 2 = 4")).toBe(false);
  });

  it("treats Int64 division by zero as no match, and Double division by zero as infinity", () => {
    expect(matches("quantity / 0 = 1")).toBe(false);
    expect(matches("quantity / 0.0 > 1000000")).toBe(true);
  });
});

describe("IN and NOT IN", () => {
  table([
    ["color IN ('blue', 'red', 'green')", true],
    ["color IN ('blue', 'green')", false],
    ["color NOT IN ('blue', 'green')", true],
    ["color NOT IN ('red')", false],
    ["quantity IN (1, 5 + 5)", true],
    ["quantity IN (10.0)", true],
    ["quantity IN ('10')", false], // no string-to-number conversion
    ["sys.To IN ('Store5','Store6','Store7') OR StoreId = 'Store8'", true],
    ["sys.To NOT IN ('Store1','Store2') OR StoreId NOT IN ('Store1','Store2')", true],
    ["sys.To NOT IN ('Store5') OR StoreId NOT IN ('Store1')", false], // StoreId is missing: unknown
    ["color IN (missing, 'red')", true],
    ["color IN (missing)", false],
    ["color NOT IN (missing)", true], // only an unknown left operand makes IN unknown
    ["NOT color IN ('red')", false],
    ["StoreId IN('Store1', 'Store2', 'Store3')", false],
  ]);
});

describe("LIKE and NOT LIKE with %, _ and ESCAPE", () => {
  table([
    ["sys.Label LIKE '%bus%'", true],
    ["sys.Label LIKE '%queue%'", false],
    ["sys.Label NOT LIKE '%queue%'", true],
    ["sys.Label NOT LIKE 'service%'", false],
    ["sys.CorrelationId LIKE 'abc-%'", true],
    ["sys.CorrelationId LIKE 'abc-_'", false],
    ["sys.CorrelationId LIKE 'abc-__'", true],
    ["color LIKE 'r_d'", true],
    ["color LIKE 'r_'", false],
    ["color LIKE '%'", true],
    ["color LIKE 'red'", true],
    ["color LIKE 'RED'", false], // case-sensitive
    ["color LIKE 'r.d'", false], // regex characters are literal
    ["color LIKE 'r' + '%'", true], // the pattern is an expression
    ["quantity LIKE '1%'", false], // only strings are LIKE anything
    ["missing LIKE '%'", false],
    ["missing NOT LIKE 'x'", false], // unknown stays unknown under NOT
  ]);

  it("makes the character after ESCAPE literal", () => {
    const percent: FilterableMessage = { system: {}, properties: { code: "ABC%", other: "ABCD", under: "a_c", abc: "abc" } };
    expect(matches("code LIKE 'ABC\\%' ESCAPE '\\'", percent)).toBe(true);
    expect(matches("other LIKE 'ABC\\%' ESCAPE '\\'", percent)).toBe(false);
    expect(matches("other LIKE 'ABC%'", percent)).toBe(true);
    expect(matches("under LIKE 'a!_c' ESCAPE '!'", percent)).toBe(true);
    expect(matches("abc LIKE 'a!_c' ESCAPE '!'", percent)).toBe(false);
    expect(matches("code LIKE 'ABC!%' ESCAPE '!'", percent)).toBe(true);
    expect(matches("code LIKE 'ABC!!%' ESCAPE '!'", percent)).toBe(false); // !! is a literal !
  });

  it("matches across lines and non-BMP characters with _", () => {
    const text: FilterableMessage = { system: {}, properties: { body: "line1\nline2", emoji: "a😀b" } };
    expect(matches("body LIKE 'line1%line2'", text)).toBe(true);
    expect(matches("emoji LIKE 'a_b'", text)).toBe(true);
  });
});

describe("IS [NOT] NULL and EXISTS", () => {
  table([
    ["missing IS NULL", true], // a property that does not exist IS NULL
    ["missing IS NOT NULL", false],
    ["note IS NULL", true], // a property whose value is null IS NULL
    ["note IS NOT NULL", false],
    ["color IS NULL", false],
    ["color IS NOT NULL", true],
    ["sys.ReplyToSessionId IS NULL", true], // a system property that is not set is NULL
    ["sys.To IS NOT NULL", true],
    ["EXISTS(color)", true],
    ["EXISTS(missing)", false],
    ["EXISTS(note)", true], // exists, even though its value is null
    ["NOT EXISTS(missing)", true],
    ["EXISTS (user.color) AND EXISTS(sys.Label)", true],
    ["EXISTS(sys.ReplyToSessionId)", false],
    ["EXISTS([my property])", true],
    ["(importance IS NULL OR importance = 'high') AND priority = 'high'", true],
  ]);
});

describe("three-valued logic with unknown (missing) properties", () => {
  // Truth tables from the docs: only TRUE makes a filter match.
  table([
    ["missing = 1", false],
    ["missing <> 1", false],
    ["NOT missing = 1", false],
    ["missing = 1 AND color = 'red'", false], // U AND T = U
    ["missing = 1 AND color = 'blue'", false], // U AND F = F
    ["NOT (missing = 1 AND color = 'blue')", true], // NOT F = T
    ["NOT (missing = 1 AND color = 'red')", false], // NOT U = U
    ["missing = 1 OR color = 'red'", true], // U OR T = T
    ["missing = 1 OR color = 'blue'", false], // U OR F = U
    ["NOT (missing = 1 OR color = 'blue')", false], // NOT U = U
    ["missing + 1 = 1", false], // arithmetic with unknown is unknown
    ["-missing = 1", false],
    ["note = NULL", false], // NULL never equals anything, use IS NULL
    ["NULL = NULL", false],
    ["color = 5", false], // mismatched types compare as unknown
    ["NOT color = 5", false],
    ["vip > FALSE", false], // booleans have no order
  ]);
});

describe("properties: sys., user., unprefixed, bracketed, quoted, case-insensitive names", () => {
  table([
    ["sys.MessageId = 'order-17'", true],
    ["sys.messageid = 'xxxx'", false],
    ["sys.messageid = 'order-17'", true],
    ["SYS.LABEL = 'servicebus-order'", true],
    ["sys.Subject = 'servicebus-order'", true], // the newer SDKs' name for Label
    ["sys.correlationid like 'abc-%'", true],
    ["sys.To = 'Store5'", true],
    ["sys.ReplyTo = 'replies'", true],
    ["sys.SessionId = 'customer-1'", true],
    ["sys.ContentType = 'application/json'", true],
    ["sys.SequenceNumber = 1234", true],
    ["sys.SequenceNumber > 1234", false],
    ["sys.DeliveryCount = 1", true],
    ["sys.Size < 1024", true],
    ["sys.TimeToLive = 60000", true],
    ["sys.ExpiresAtUtc > sys.EnqueuedTimeUtc", true], // derived: EnqueuedTimeUtc + TimeToLive
    ["user.color = 'red'", true],
    ["USER.color = 'red'", true],
    ["Color = 'red'", true], // property names are case-insensitive
    ["COLOR = 'red'", true],
    ["[color] = 'red'", true],
    ["user.[color] = 'red'", true],
    ["[my property] = 'spaced'", true],
    ["[HR-EmployeeID] = 'E7'", true],
    ['"Contoso & ""Northwind""" = \'quoted\'', true],
    ["[and] = 'keyword-named'", true],
    ["größe = 'XL'", true],
    ["[sys.Label] = 'servicebus-order'", false], // a user property literally named "sys.Label"
    ["color = 'it''s'", false],
  ]);

  it("reads strings with doubled quotes and prefers an exact-case key", () => {
    const message: FilterableMessage = { system: {}, properties: { name: "it's", Key: "upper", key: "lower" } };
    expect(matches("name = 'it''s'", message)).toBe(true);
    expect(matches("key = 'lower' AND Key = 'upper' AND KEY IN ('upper', 'lower')", message)).toBe(true);
  });

  it("treats keywords case-insensitively and accepts line breaks", () => {
    expect(matches("color = 'red' and not quantity = 1 Or 1 = 0")).toBe(true);
    expect(matches("color = 'red'\n  AND\tquantity IS not null\r\n")).toBe(true);
    expect(matches("exists(color) AND color not in ('x') and color not like 'x%' AND vip = true")).toBe(true);
  });
});

describe("functions newid(), property(name) and p(name)", () => {
  table([
    ["property('color') = 'red'", true],
    ["p('color') = 'blue'", false],
    ["P('Col' + 'or') = 'red'", true],
    ["property('sys.Label') = 'servicebus-order'", true],
    ["property('user.quantity') = 10", true],
    ["property('missing') IS NULL", true],
    ["property('sys.NoSuchThing') IS NULL", false], // a missing system property is an error: no match
    ["newid() IS NOT NULL", true],
    ["newid() = newid()", false],
    ["NEWID() LIKE '________-____-____-____-____________'", true],
  ]);
});

describe("SQL parameters", () => {
  it("substitutes @parameters given at compile time", () => {
    const filter = compileSqlFilter("color = @color AND quantity > @Min", { parameters: { "@color": "red", min: 5 } });
    expect(filter.evaluate(order)).toBe(true);
    const other = compileSqlFilter("color = @color", { parameters: { "@color": "blue" } });
    expect(other.evaluate(order)).toBe(false);
  });
});
