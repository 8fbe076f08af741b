// SQL filters and actions on subscriptions, through the SDK. The grammar itself is unit-tested in sql-filter*.test.ts;
// here each form is proven end to end. https://learn.microsoft.com/azure/service-bus-messaging/service-bus-messaging-sql-filter
import { isServiceBusError, type ServiceBusMessage } from "@azure/service-bus";
import { describe, expect, it } from "vitest";
import { useServiceBus } from "./harness.js";

const sb = useServiceBus();

const messages: ServiceBusMessage[] = [
  { body: "A", subject: "order", messageId: "id-A", applicationProperties: { color: "red", quantity: 10, price: 2.5, code: "AB_1", vip: true } },
  { body: "B", subject: "order", messageId: "id-B", applicationProperties: { color: "blue", quantity: 3, price: 100, code: "ABC1" } },
  { body: "C", subject: "invoice", messageId: "id-C", applicationProperties: { color: "green", quantity: 0 } },
  { body: "D", messageId: "id-D", correlationId: "corr-D" },
];

// Each SQL form, and which of A-D it must select.
const cases: [string, string[]][] = [
  ["color = 'red'", ["A"]],
  ["quantity > 5 OR price >= 100", ["A", "B"]],
  ["color <> 'red' AND NOT (quantity = 0)", ["B"]],
  ["color IN ('red', 'green')", ["A", "C"]],
  ["color NOT IN ('red', 'green')", ["B"]],
  ["code LIKE 'AB!_%' ESCAPE '!'", ["A"]],
  ["code LIKE 'AB_1'", ["A", "B"]],
  ["color IS NULL", ["D"]],
  ["color IS NOT NULL AND vip IS NULL", ["B", "C"]],
  ["EXISTS(vip)", ["A"]],
  ["quantity * price > 20", ["A", "B"]],
  ["(quantity + 2) % 4 = 1", ["B"]],
  ["sys.Label = 'invoice'", ["C"]],
  ["sys.MessageId LIKE 'id-%' AND sys.CorrelationId = 'corr-D'", ["D"]],
  ["vip = TRUE", ["A"]],
];

describe("SQL filters", () => {
  it.concurrent.each(cases)("%s", async (expression, expected) => {
    const topic = await sb.topic();
    const subscription = await sb.subscription(topic, {}, [{ Name: "sql", Properties: { FilterType: "Sql", SqlFilter: { SqlExpression: expression } } }]);
    const sender = sb.client.createSender(topic);
    await sender.sendMessages(messages);
    const receiver = sb.client.createReceiver(topic, subscription, { receiveMode: "receiveAndDelete" });
    const got = await receiver.receiveMessages(10, { maxWaitTimeInMs: 300 });
    expect(got.map((m) => m.body).sort()).toEqual(expected);
    await receiver.close();
    await sender.close();
  });

  it("a SQL filter with a syntax error is refused when the rule is added", async () => {
    const topic = await sb.topic();
    const subscription = await sb.subscription(topic);
    const error = await sb.client.createRuleManager(topic, subscription).createRule("broken", { sqlExpression: "color = " }).catch((e: unknown) => e);
    expect(isServiceBusError(error)).toBe(true);
    expect((error as Error).message).toContain("error parsing the SQL expression");
  });
});

describe.concurrent("SQL rule actions", () => {
  it("SET and REMOVE change the subscription's copy only; the copy names its rule", async () => {
    const topic = await sb.topic();
    const annotated = await sb.subscription(topic, {}, [
      {
        Name: "tag-priority",
        Properties: {
          FilterType: "Sql",
          SqlFilter: { SqlExpression: "quantity > 5" },
          Action: { SqlExpression: "SET priority = 'high'; SET total = quantity * price; REMOVE code" },
        },
      },
    ]);
    const plain = await sb.subscription(topic);
    const sender = sb.client.createSender(topic);
    await sender.sendMessages(messages[0]!);
    const [changed] = await sb.client.createReceiver(topic, annotated, { receiveMode: "receiveAndDelete" }).receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    expect(changed!.applicationProperties).toMatchObject({ priority: "high", total: 25, color: "red", RuleName: "tag-priority" });
    expect(changed!.applicationProperties).not.toHaveProperty("code");
    const [original] = await sb.client.createReceiver(topic, plain, { receiveMode: "receiveAndDelete" }).receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    expect(original!.applicationProperties).toEqual(messages[0]!.applicationProperties);
    await sender.close();
  });

  it("an action that fails on a message dead-letters that message with the reason; the broker keeps going", async () => {
    const topic = await sb.topic();
    const subscription = await sb.subscription(topic, {}, [
      { Name: "divide", Properties: { FilterType: "Sql", SqlFilter: { SqlExpression: "EXISTS(quantity)" }, Action: { SqlExpression: "SET ratio = 10 / quantity" } } },
    ]);
    const sender = sb.client.createSender(topic);
    await sender.sendMessages([messages[2]!, messages[1]!]);
    const receiver = sb.client.createReceiver(topic, subscription, { receiveMode: "receiveAndDelete" });
    const [good] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    expect(good!.body).toBe("B");
    expect(good!.applicationProperties?.ratio).toBe(3);
    const dlq = sb.client.createReceiver(topic, subscription, { subQueueType: "deadLetter", receiveMode: "receiveAndDelete" });
    const [dead] = await dlq.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    expect(dead!.body).toBe("C");
    expect(dead!.deadLetterReason).toBe("RuleActionException");
    expect(dead!.deadLetterErrorDescription).toContain("divide by zero");
    await sender.sendMessages(messages[0]!);
    const [after] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    expect(after!.body).toBe("A");
    await dlq.close();
    await receiver.close();
    await sender.close();
  });
});
