// Tests for the servicebus-topics lab. Each test makes its own topic and subscriptions (2-second locks) and checks
// routing with its own SDK client: it publishes with its own sender and reads the rules with its own rule manager.
import { afterAll, describe, expect, it } from "vitest";
import { ServiceBusClient, type RuleProperties, type ServiceBusMessage, type ServiceBusReceivedMessage } from "@azure/service-bus";
import { createTestSubscription, createTestTopic, serviceBusConnectionString } from "@azlab/runner/testing/servicebus";
import {
  listRuleNames,
  publishOrder,
  receiveOrders,
  removeRule,
  routeByRegion,
  routeHighPriority,
  routeLargeOrders,
  type Order,
} from "./exercise.js";

const client = new ServiceBusClient(serviceBusConnectionString());
afterAll(() => client.close());

const lock = { LockDuration: "PT2S" };

const orders: Order[] = [
  { id: "o-1", region: "eu", priority: "high", amount: 120 },
  { id: "o-2", region: "us", priority: "normal", amount: 2500 },
  { id: "o-3", region: "eu", priority: "low", amount: 40 },
  { id: "o-4", region: "apac", priority: "high", amount: 990 },
  { id: "o-5", region: "us", priority: "high", amount: 1000 },
];

/** A topic with one subscription that still has its `$Default` rule (everything matches). */
async function topicWithDefaultSubscription(label: string) {
  const topic = await createTestTopic(label);
  const subscription = await createTestSubscription(topic, "all", lock);
  return { topic, subscription };
}

/** Publishes with the test's own sender, with the properties rules route on. */
async function publish(topic: string, list: Order[]) {
  const sender = client.createSender(topic);
  try {
    const messages: ServiceBusMessage[] = list.map((o) => ({
      body: o,
      messageId: o.id,
      applicationProperties: { region: o.region, priority: o.priority, amount: o.amount },
    }));
    await sender.sendMessages(messages);
  } finally {
    await sender.close();
  }
}

/** Everything in the subscription: receives until it is empty for half a second, completing each message. */
async function drain(topic: string, subscription: string): Promise<ServiceBusReceivedMessage[]> {
  const receiver = client.createReceiver(topic, subscription);
  try {
    const received: ServiceBusReceivedMessage[] = [];
    for (;;) {
      const messages = await receiver.receiveMessages(50, { maxWaitTimeInMs: 500 });
      if (messages.length === 0) return received;
      for (const message of messages) await receiver.completeMessage(message);
      received.push(...messages);
    }
  } finally {
    await receiver.close();
  }
}

async function rules(topic: string, subscription: string): Promise<RuleProperties[]> {
  const list: RuleProperties[] = [];
  for await (const rule of client.createRuleManager(topic, subscription).listRules()) list.push(rule);
  return list;
}

describe("1. Publish orders with routable properties", () => {
  it("sends the order with its id, subject and the region, priority and amount as application properties", async () => {
    const { topic, subscription } = await topicWithDefaultSubscription("publish");
    await publishOrder(client, topic, orders[0]!);

    const [message, ...rest] = await drain(topic, subscription);
    expect(message, "the subscription got the message").toBeDefined();
    expect(rest).toEqual([]);
    expect(message!.body).toEqual(orders[0]);
    expect(message!.messageId).toBe("o-1");
    expect(message!.subject).toBe("order");
    expect(message!.applicationProperties).toMatchObject({ region: "eu", priority: "high", amount: 120 });
  });
});

describe("2. Receive from a subscription", () => {
  it("returns only what the subscription's rule let in, and completes it", async () => {
    const topic = await createTestTopic("receive");
    const eu = await createTestSubscription(topic, "eu", lock, [
      { Name: "eu-only", Properties: { FilterType: "Sql", SqlFilter: { SqlExpression: "region = 'eu'" } } },
    ]);
    await publish(topic, orders);

    expect(await receiveOrders(client, topic, eu, 10)).toEqual([orders[0], orders[2]]);
    expect(await drain(topic, eu), "completed messages are gone").toEqual([]);
  });
});

describe("3. List and remove rules", () => {
  it("lists rule names sorted, removes one, and reports false for a rule that does not exist", async () => {
    const topic = await createTestTopic("rules");
    const subscription = await createTestSubscription(topic, "ops", lock, [
      { Name: "urgent", Properties: { FilterType: "Correlation", CorrelationFilter: { Properties: { priority: "high" } } } },
      { Name: "big", Properties: { FilterType: "Sql", SqlFilter: { SqlExpression: "amount > 1000" } } },
    ]);

    expect(await listRuleNames(client, topic, subscription)).toEqual(["big", "urgent"]);
    expect(await removeRule(client, topic, subscription, "urgent")).toBe(true);
    expect((await rules(topic, subscription)).map((r) => r.name)).toEqual(["big"]);
    expect(await removeRule(client, topic, subscription, "urgent")).toBe(false);
    expect(await listRuleNames(client, topic, subscription)).toEqual(["big"]);
  });
});

describe("4. Route by region with a SQL filter", () => {
  it("replaces $Default with a SQL rule so only that region's orders arrive", async () => {
    const { topic, subscription } = await topicWithDefaultSubscription("region");
    await routeByRegion(client, topic, subscription, "us");

    const list = await rules(topic, subscription);
    expect(list.map((r) => r.name), "only the new rule is left").toEqual(["by-region"]);
    expect(list[0]!.filter, "a SQL filter").toHaveProperty("sqlExpression");

    await publish(topic, orders);
    expect((await drain(topic, subscription)).map((m) => m.messageId)).toEqual(["o-2", "o-5"]);
  });

  it("treats a region with a single quote as a value, not as SQL", async () => {
    const { topic, subscription } = await topicWithDefaultSubscription("quote");
    // Pasted into the SQL text as is, this value would turn the filter into "region = 'x' OR '1'='1'".
    await routeByRegion(client, topic, subscription, "x' OR '1'='1");

    await publish(topic, [...orders, { id: "o-6", region: "x' OR '1'='1", priority: "low", amount: 1 }]);
    expect((await drain(topic, subscription)).map((m) => m.messageId)).toEqual(["o-6"]);
  });
});

describe("5. Route by priority with a correlation filter", () => {
  it("replaces $Default with a correlation rule on priority = high", async () => {
    const { topic, subscription } = await topicWithDefaultSubscription("priority");
    await routeHighPriority(client, topic, subscription);

    const list = await rules(topic, subscription);
    expect(list.map((r) => r.name)).toEqual(["high-priority"]);
    expect(list[0]!.filter, "a correlation filter, not SQL").not.toHaveProperty("sqlExpression");
    expect(list[0]!.filter).toMatchObject({ applicationProperties: { priority: "high" } });

    await publish(topic, orders);
    expect((await drain(topic, subscription)).map((m) => m.messageId)).toEqual(["o-1", "o-4", "o-5"]);
  });
});

describe("6. Tag large orders with a rule action", () => {
  it("lets in orders of at least the amount and stamps tier = large on this subscription's copy only", async () => {
    const topic = await createTestTopic("large");
    const large = await createTestSubscription(topic, "large", lock);
    const audit = await createTestSubscription(topic, "audit", lock);
    await routeLargeOrders(client, topic, large, 1000);

    expect((await rules(topic, large)).map((r) => r.name)).toEqual(["large-orders"]);
    await publish(topic, orders);

    const received = await drain(topic, large);
    expect(received.map((m) => m.messageId), "amount >= 1000").toEqual(["o-2", "o-5"]);
    expect(received.map((m) => m.applicationProperties?.tier)).toEqual(["large", "large"]);
    // The audit subscription (still $Default) gets every order, untouched by the other subscription's action.
    const audited = await drain(topic, audit);
    expect(audited).toHaveLength(orders.length);
    expect(audited.every((m) => m.applicationProperties?.tier === undefined)).toBe(true);
  });
});
