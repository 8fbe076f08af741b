// Reference solution for the servicebus-topics lab.
import { isServiceBusError, type ServiceBusClient } from "@azure/service-bus";

/** An order as the shop publishes it. */
export interface Order {
  id: string;
  region: string;
  priority: "high" | "normal" | "low";
  amount: number;
}

/** The rule every new subscription starts with: a filter that is always true. */
export const DEFAULT_RULE_NAME = "$Default";

export async function publishOrder(client: ServiceBusClient, topicName: string, order: Order): Promise<void> {
  const sender = client.createSender(topicName);
  try {
    await sender.sendMessages({
      body: order,
      messageId: order.id,
      subject: "order",
      // Filters see only properties, never the body: copy what subscribers route on into applicationProperties.
      applicationProperties: { region: order.region, priority: order.priority, amount: order.amount },
    });
  } finally {
    await sender.close();
  }
}

export async function receiveOrders(
  client: ServiceBusClient,
  topicName: string,
  subscriptionName: string,
  maxCount: number,
  maxWaitTimeInMs = 1000,
): Promise<Order[]> {
  // A subscription behaves like a queue of its own: each one gets its own copy of every matching message.
  const receiver = client.createReceiver(topicName, subscriptionName);
  try {
    const messages = await receiver.receiveMessages(maxCount, { maxWaitTimeInMs });
    for (const message of messages) await receiver.completeMessage(message);
    return messages.map((message) => message.body as Order);
  } finally {
    await receiver.close();
  }
}

export async function listRuleNames(client: ServiceBusClient, topicName: string, subscriptionName: string): Promise<string[]> {
  const names: string[] = [];
  // listRules pages through the rules for us (the $management "enumerate-rules" operation).
  for await (const rule of client.createRuleManager(topicName, subscriptionName).listRules()) names.push(rule.name);
  return names.sort();
}

export async function removeRule(
  client: ServiceBusClient,
  topicName: string,
  subscriptionName: string,
  ruleName: string,
): Promise<boolean> {
  try {
    await client.createRuleManager(topicName, subscriptionName).deleteRule(ruleName);
    return true;
  } catch (error) {
    // Only "no such rule" means false; anything else (no subscription, no rights) is a real error.
    if (isServiceBusError(error) && error.code === "MessagingEntityNotFound") return false;
    throw error;
  }
}

/** A SQL string literal: single quotes are doubled, so the value cannot end the literal early. */
function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export async function routeByRegion(
  client: ServiceBusClient,
  topicName: string,
  subscriptionName: string,
  region: string,
): Promise<void> {
  // The rule manager (AMQP) does not send SqlRuleFilter.sqlParameters in @azure/service-bus 7.x, so the value
  // is written into the expression as a properly quoted literal: concatenating it raw is SQL injection.
  await client.createRuleManager(topicName, subscriptionName).createRule("by-region", {
    sqlExpression: `region = ${sqlString(region)}`,
  });
  // Add first, remove $Default second: in between the subscription gets too much, never too little.
  // Removing $Default first would leave a moment with no rule, when matching messages are not delivered.
  await removeRule(client, topicName, subscriptionName, DEFAULT_RULE_NAME);
}

export async function routeHighPriority(client: ServiceBusClient, topicName: string, subscriptionName: string): Promise<void> {
  // A correlation filter is an exact match on properties: the broker evaluates it with a hash lookup, much
  // cheaper than parsing and running SQL, so prefer it whenever equality is all you need.
  await client.createRuleManager(topicName, subscriptionName).createRule("high-priority", {
    applicationProperties: { priority: "high" },
  });
  await removeRule(client, topicName, subscriptionName, DEFAULT_RULE_NAME);
}

export async function routeLargeOrders(
  client: ServiceBusClient,
  topicName: string,
  subscriptionName: string,
  minAmount: number,
): Promise<void> {
  if (!Number.isFinite(minAmount)) throw new Error(`minAmount must be a finite number, got ${minAmount}`);
  // The action runs on this subscription's copy only: other subscriptions see the message unchanged.
  await client
    .createRuleManager(topicName, subscriptionName)
    .createRule("large-orders", { sqlExpression: `amount >= ${minAmount}` }, { sqlExpression: "SET tier = 'large'" });
  await removeRule(client, topicName, subscriptionName, DEFAULT_RULE_NAME);
}
