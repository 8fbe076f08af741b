// Service Bus topics and subscriptions: fill in each function, then run `npm test` in this folder.
// Every function receives a ServiceBusClient from the caller, plus the names of the topic and subscription to
// work on, so the same code works with azlab's emulator and with a real namespace.
import type { ServiceBusClient } from "@azure/service-bus";

/** An order as the shop publishes it. */
export interface Order {
  id: string;
  region: string;
  priority: "high" | "normal" | "low";
  amount: number;
}

/** The rule every new subscription starts with: a filter that is always true. */
export const DEFAULT_RULE_NAME = "$Default";

/**
 * Task 1. Publish `order` to the topic: the order as the body, `messageId` = the order's id, `subject` "order",
 * and the application properties `region`, `priority` and `amount` copied from the order, so that
 * subscription rules can route on them without reading the body.
 */
export async function publishOrder(client: ServiceBusClient, topicName: string, order: Order): Promise<void> {
  // TODO: a sender for the topic (topics are sent to exactly like queues).
  throw new Error("TODO: publishOrder is not implemented yet");
}

/**
 * Task 2. Receive up to `maxCount` orders from one subscription of the topic (peek-lock, waiting at most
 * `maxWaitTimeInMs` for the first), complete them and return their bodies in the order received.
 */
export async function receiveOrders(
  client: ServiceBusClient,
  topicName: string,
  subscriptionName: string,
  maxCount: number,
  maxWaitTimeInMs = 1000,
): Promise<Order[]> {
  // TODO: a receiver for (topic, subscription); receiveMessages; completeMessage.
  throw new Error("TODO: receiveOrders is not implemented yet");
}

/** Task 3a. Return the names of all rules of the subscription, sorted alphabetically. */
export async function listRuleNames(client: ServiceBusClient, topicName: string, subscriptionName: string): Promise<string[]> {
  // TODO: client.createRuleManager(topic, subscription).listRules() is an async iterator.
  throw new Error("TODO: listRuleNames is not implemented yet");
}

/**
 * Task 3b. Delete the rule `ruleName` from the subscription. Return true if it was deleted, false if the
 * subscription had no such rule (that is not an error here).
 */
export async function removeRule(
  client: ServiceBusClient,
  topicName: string,
  subscriptionName: string,
  ruleName: string,
): Promise<boolean> {
  // TODO: deleteRule; a missing rule fails with a ServiceBusError whose code is "MessagingEntityNotFound".
  throw new Error("TODO: removeRule is not implemented yet");
}

/**
 * Task 4. Make the subscription receive only orders of `region`: add a SQL rule named "by-region" that matches
 * the application property `region`, then remove the `$Default` rule (which lets everything through).
 * `region` comes from configuration: it may contain a single quote, which must not break or change the filter.
 */
export async function routeByRegion(
  client: ServiceBusClient,
  topicName: string,
  subscriptionName: string,
  region: string,
): Promise<void> {
  // TODO: ruleManager.createRule("by-region", { sqlExpression: ... }), then remove $Default.
  throw new Error("TODO: routeByRegion is not implemented yet");
}

/**
 * Task 5. Make the subscription receive only high-priority orders with a correlation filter (not SQL) named
 * "high-priority" that matches the application property `priority` = "high"; then remove `$Default`.
 */
export async function routeHighPriority(client: ServiceBusClient, topicName: string, subscriptionName: string): Promise<void> {
  // TODO: createRule with a CorrelationRuleFilter: { applicationProperties: { ... } }.
  throw new Error("TODO: routeHighPriority is not implemented yet");
}

/**
 * Task 6. Make the subscription receive only orders whose `amount` is at least `minAmount`, and stamp each one
 * it receives with the application property `tier` = "large", using one rule named "large-orders" that has a
 * SQL filter and a SQL action; then remove `$Default`.
 */
export async function routeLargeOrders(
  client: ServiceBusClient,
  topicName: string,
  subscriptionName: string,
  minAmount: number,
): Promise<void> {
  // TODO: createRule(name, sqlFilter, { sqlExpression: "SET ..." }).
  throw new Error("TODO: routeLargeOrders is not implemented yet");
}
