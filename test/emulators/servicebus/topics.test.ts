// Topics, subscriptions and rules: the $Default rule, correlation / true / false filters, rule management.
// https://learn.microsoft.com/azure/service-bus-messaging/topic-filters
import type { RuleProperties, ServiceBusReceivedMessage } from "@azure/service-bus";
import { describe, expect, it } from "vitest";
import { getEntityCounts } from "../../../runner/src/emulators/servicebus/management/admin-client.js";
import { eventually, useServiceBus } from "./harness.js";

const sb = useServiceBus();

async function drain(topic: string, subscription: string): Promise<ServiceBusReceivedMessage[]> {
  const receiver = sb.client.createReceiver(topic, subscription, { receiveMode: "receiveAndDelete" });
  const got = await receiver.receiveMessages(50, { maxWaitTimeInMs: 500 });
  await receiver.close();
  return got;
}

async function listRules(topic: string, subscription: string): Promise<RuleProperties[]> {
  const rules: RuleProperties[] = [];
  for await (const rule of sb.client.createRuleManager(topic, subscription).listRules()) rules.push(rule);
  return rules;
}

describe.concurrent("topics and subscriptions", () => {
  it("every subscription with the $Default rule gets its own copy", async () => {
    const topic = await sb.topic();
    const [a, b] = [await sb.subscription(topic), await sb.subscription(topic)];
    const sender = sb.client.createSender(topic);
    await sender.sendMessages([{ body: 1 }, { body: 2 }]);
    expect((await drain(topic, a)).map((m) => m.body)).toEqual([1, 2]);
    expect((await drain(topic, b)).map((m) => m.body)).toEqual([1, 2]);
    const rules = await listRules(topic, a);
    expect(rules).toEqual([{ name: "$Default", filter: { sqlExpression: "1=1" }, action: {} }]);
    await sender.close();
  });

  it("a correlation filter on user properties routes only matching messages", async () => {
    const topic = await sb.topic();
    const eu = await sb.subscription(topic, {}, [
      { Name: "eu-high", Properties: { FilterType: "Correlation", CorrelationFilter: { Label: "order", Properties: { region: "eu", priority: "high" } } } },
    ]);
    const sender = sb.client.createSender(topic);
    await sender.sendMessages([
      { body: "match", subject: "order", applicationProperties: { region: "eu", priority: "high", extra: 1 } },
      { body: "wrong region", subject: "order", applicationProperties: { region: "us", priority: "high" } },
      { body: "missing priority", subject: "order", applicationProperties: { region: "eu" } },
      { body: "wrong subject", subject: "invoice", applicationProperties: { region: "eu", priority: "high" } },
    ]);
    expect((await drain(topic, eu)).map((m) => m.body)).toEqual(["match"]);
    await sender.close();
  });

  it("rules are added, listed and removed through the SDK's rule manager", async () => {
    const topic = await sb.topic();
    const subscription = await sb.subscription(topic);
    const rules = sb.client.createRuleManager(topic, subscription);
    await rules.deleteRule("$Default");
    await rules.createRule("by-correlation", { correlationId: "c-7", applicationProperties: { tenant: "contoso" } });
    await rules.createRule("false-rule", { sqlExpression: "1=0" });
    const listed = await listRules(topic, subscription);
    expect(listed.map((r) => r.name).sort()).toEqual(["by-correlation", "false-rule"]);
    const correlation = listed.find((r) => r.name === "by-correlation")!;
    expect(correlation.filter).toMatchObject({ correlationId: "c-7", applicationProperties: { tenant: "contoso" } });
    const sender = sb.client.createSender(topic);
    await sender.sendMessages([
      { body: "yes", correlationId: "c-7", applicationProperties: { tenant: "contoso" } },
      { body: "no", correlationId: "c-8", applicationProperties: { tenant: "contoso" } },
    ]);
    expect((await drain(topic, subscription)).map((m) => m.body)).toEqual(["yes"]);
    await rules.deleteRule("by-correlation");
    await sender.sendMessages({ body: "filtered by false", correlationId: "c-7", applicationProperties: { tenant: "contoso" } });
    expect(await drain(topic, subscription)).toHaveLength(0);
    await sender.close();
  });

  it("a subscription with no rules gets nothing; adding a true filter opens it", async () => {
    const topic = await sb.topic();
    const subscription = await sb.subscription(topic);
    const rules = sb.client.createRuleManager(topic, subscription);
    await rules.deleteRule("$Default");
    const sender = sb.client.createSender(topic);
    await sender.sendMessages({ body: "lost" });
    expect(await drain(topic, subscription)).toHaveLength(0);
    await rules.createRule("all", { sqlExpression: "1=1" });
    await sender.sendMessages({ body: "kept" });
    expect((await drain(topic, subscription)).map((m) => m.body)).toEqual(["kept"]);
    await sender.close();
  });

  it("a subscription's dead-letter queue and lock settings work like a queue's", async () => {
    const topic = await sb.topic();
    const subscription = await sb.subscription(topic, { MaxDeliveryCount: 1 });
    const sender = sb.client.createSender(topic);
    await sender.sendMessages({ body: "once" });
    const receiver = sb.client.createReceiver(topic, subscription);
    const [m] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    await receiver.abandonMessage(m!);
    await eventually(async () => (await getEntityCounts(sb.emulator.adminUrl, `${topic}/Subscriptions/${subscription}`)).deadLetterMessageCount === 1);
    const dlq = sb.client.createReceiver(topic, subscription, { subQueueType: "deadLetter", receiveMode: "receiveAndDelete" });
    const [dead] = await dlq.receiveMessages(1, { maxWaitTimeInMs: 2_000 });
    expect(dead!.deadLetterReason).toBe("MaxDeliveryCountExceeded");
    await dlq.close();
    await receiver.close();
    await sender.close();
  });
});
