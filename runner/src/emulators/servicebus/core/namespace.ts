// The broker: a Service Bus namespace holding queues, topics, subscriptions and rules, in memory.
// It knows nothing of AMQP; the adapter in ../amqp translates links and frames into these calls.
import { randomUUID } from "node:crypto";
import { BrokerError, brokerErrors } from "./errors.js";
import { validateChildName, validateEntityName } from "./entity-names.js";
import {
  defaultQueueProperties,
  defaultSubscriptionProperties,
  defaultTopicProperties,
  type QueueProperties,
  type SubscriptionProperties,
  type TopicProperties,
} from "./entity-properties.js";
import { defaultLimits, type Limits } from "./limits.js";
import type { MessageContent } from "./message.js";
import { MessageEntity, type EntityHost } from "./message-entity.js";
import { DEFAULT_RULE, type RuleDefinition } from "./rules.js";
import { Subscription } from "./subscription.js";
import { TimerQueue } from "./timer-queue.js";
import { Topic } from "./topic.js";

/** Azure stops auto-forwarding chains after 4 hops (https://learn.microsoft.com/azure/service-bus-messaging/service-bus-auto-forwarding). */
const MAX_FORWARD_HOPS = 4;

export type ResolvedPath =
  | { kind: "queue"; entity: MessageEntity }
  | { kind: "topic"; topic: Topic }
  | { kind: "subscription"; topic: Topic; subscription: Subscription; entity: MessageEntity }
  | { kind: "deadletter"; entity: MessageEntity };

export interface NamespaceOptions {
  name?: string;
  limits?: Partial<Limits>;
  now?: () => number;
}

export class Namespace implements EntityHost {
  readonly name: string;
  readonly limits: Limits;
  readonly timers: TimerQueue;
  private readonly queues = new Map<string, MessageEntity>();
  private readonly topics = new Map<string, Topic>();
  private readonly clock: () => number;

  constructor(options: NamespaceOptions = {}) {
    this.name = options.name ?? "sbemulatorns";
    this.limits = { ...defaultLimits, ...options.limits };
    this.clock = options.now ?? Date.now;
    this.timers = new TimerQueue(this.clock);
  }

  now(): number {
    return this.clock();
  }

  // ---- entities ----

  createQueue(name: string, properties: Partial<QueueProperties> = {}): MessageEntity {
    validateEntityName("queue", name);
    this.ensureFree(name);
    this.ensureEntityQuota();
    const props = { ...defaultQueueProperties, ...definedOnly(properties) };
    this.checkForwardTargets(name, props);
    const queue = new MessageEntity(name, "queue", props, this);
    this.queues.set(name.toLowerCase(), queue);
    return queue;
  }

  createTopic(name: string, properties: Partial<TopicProperties> = {}): Topic {
    validateEntityName("topic", name);
    this.ensureFree(name);
    this.ensureEntityQuota();
    const topic = new Topic(name, { ...defaultTopicProperties, ...definedOnly(properties) }, this.timers, () => this.now());
    this.topics.set(name.toLowerCase(), topic);
    return topic;
  }

  /** Creates a subscription with the given rules, or with the $Default rule when none are given. */
  createSubscription(
    topicName: string,
    name: string,
    properties: Partial<SubscriptionProperties> = {},
    rules?: RuleDefinition[],
  ): Subscription {
    const topic = this.requireTopic(topicName);
    validateChildName("subscription", name);
    const path = `${topic.name}/Subscriptions/${name}`;
    if (topic.getSubscription(name)) throw brokerErrors.entityExists(path);
    if (topic.subscriptions.size >= this.limits.maxSubscriptionsPerTopic) {
      throw brokerErrors.quota("subscriptions per topic", this.limits.maxSubscriptionsPerTopic);
    }
    const props: QueueProperties = {
      ...defaultQueueProperties,
      ...defaultSubscriptionProperties,
      ...definedOnly(properties),
      requiresDuplicateDetection: false,
    };
    this.checkForwardTargets(path, props);
    const subscription = new Subscription(name, new MessageEntity(path, "subscription", props, this), this.limits);
    for (const rule of rules && rules.length > 0 ? rules : [DEFAULT_RULE]) subscription.addRule(rule);
    topic.subscriptions.set(name.toLowerCase(), subscription);
    return subscription;
  }

  addRule(topicName: string, subscriptionName: string, rule: RuleDefinition): void {
    this.requireSubscription(topicName, subscriptionName).addRule(rule);
  }

  removeRule(topicName: string, subscriptionName: string, ruleName: string): void {
    this.requireSubscription(topicName, subscriptionName).removeRule(ruleName);
  }

  deleteQueue(name: string): void {
    const queue = this.queues.get(name.toLowerCase());
    if (!queue) throw brokerErrors.entityNotFound(name);
    this.queues.delete(name.toLowerCase());
    queue.close();
  }

  deleteTopic(name: string): void {
    const topic = this.requireTopic(name);
    this.topics.delete(name.toLowerCase());
    topic.close();
  }

  deleteSubscription(topicName: string, name: string): void {
    const topic = this.requireTopic(topicName);
    const subscription = this.requireSubscription(topicName, name);
    topic.subscriptions.delete(name.toLowerCase());
    subscription.entity.close();
  }

  getQueue(name: string): MessageEntity | undefined {
    return this.queues.get(name.toLowerCase());
  }

  getTopic(name: string): Topic | undefined {
    return this.topics.get(name.toLowerCase());
  }

  listQueues(): MessageEntity[] {
    return [...this.queues.values()];
  }

  listTopics(): Topic[] {
    return [...this.topics.values()];
  }

  requireTopic(name: string): Topic {
    const topic = this.getTopic(name);
    if (!topic) throw brokerErrors.entityNotFound(name);
    return topic;
  }

  requireSubscription(topicName: string, name: string): Subscription {
    const subscription = this.requireTopic(topicName).getSubscription(name);
    if (!subscription) throw brokerErrors.entityNotFound(`${topicName}/Subscriptions/${name}`);
    return subscription;
  }

  /** Resolves an address as clients spell it: `q`, `t`, `t/Subscriptions/s`, any of them + `/$DeadLetterQueue`. */
  resolve(address: string): ResolvedPath {
    const path = address.replace(/^\/+/, "");
    const parts = path.split("/");
    const deadLetter = parts.length > 1 && parts[parts.length - 1]!.toLowerCase() === "$deadletterqueue";
    if (deadLetter) parts.pop();
    const subIndex = parts.findIndex((p, i) => i > 0 && p.toLowerCase() === "subscriptions");
    let resolved: ResolvedPath | undefined;
    if (subIndex > 0 && subIndex === parts.length - 2) {
      const topic = this.getTopic(parts.slice(0, subIndex).join("/"));
      const subscription = topic?.getSubscription(parts[subIndex + 1]!);
      if (topic && subscription) resolved = { kind: "subscription", topic, subscription, entity: subscription.entity };
    } else {
      const name = parts.join("/");
      const queue = this.getQueue(name);
      const topic = this.getTopic(name);
      if (queue) resolved = { kind: "queue", entity: queue };
      else if (topic) resolved = { kind: "topic", topic };
    }
    if (!resolved) throw brokerErrors.entityNotFound(path);
    if (deadLetter) {
      if (resolved.kind === "topic") throw brokerErrors.entityNotFound(path);
      return { kind: "deadletter", entity: resolved.entity.deadLetterQueue! };
    }
    return resolved;
  }

  /** The entity receivers read from at this address. */
  receivable(address: string): MessageEntity {
    const resolved = this.resolve(address);
    if (resolved.kind === "topic") {
      throw new BrokerError("InvalidOperation", `Cannot receive from topic '${resolved.topic.name}': receive from one of its subscriptions.`);
    }
    return resolved.entity;
  }

  // ---- messages ----

  /** Sends to a queue or topic; returns the sequence number (undefined for a dropped duplicate or a forward). */
  send(address: string, content: MessageContent): number | undefined {
    if (content.size > this.limits.maxMessageSizeBytes) {
      throw brokerErrors.messageTooLarge(content.size, this.limits.maxMessageSizeBytes);
    }
    // Service Bus gives every message an id; the SDK relies on one (lock renewal is keyed by it).
    if (content.messageId === undefined) content.messageId = randomUUID().replace(/-/g, "");
    const resolved = this.resolve(address);
    if (resolved.kind === "queue") return resolved.entity.accept(content);
    if (resolved.kind === "topic") return resolved.topic.publish(content);
    throw new BrokerError("InvalidOperation", `Cannot send to '${address}': send to its queue or topic instead.`);
  }

  cancelScheduled(address: string, sequenceNumbers: number[]): void {
    const resolved = this.resolve(address);
    for (const n of sequenceNumbers) {
      if (resolved.kind === "topic") resolved.topic.cancelScheduled(n);
      else resolved.entity.cancelScheduled(n);
    }
  }

  forward(targetPath: string, content: MessageContent, hops: number, deadLetterSource?: string): void {
    if (hops > MAX_FORWARD_HOPS) return;
    const resolved = this.resolve(targetPath);
    const copy = deadLetterSource !== undefined ? { ...content } : content;
    if (resolved.kind === "topic") resolved.topic.publish(copy, hops);
    else if (resolved.kind === "queue") resolved.entity.accept(copy, { hops, ...(deadLetterSource ? { deadLetterSource } : {}) });
  }

  /** Stops every timer and tells every receiver its entity is gone, so the process can exit. */
  close(): void {
    this.timers.stop();
    for (const q of this.queues.values()) q.close();
    for (const t of this.topics.values()) t.close();
    this.queues.clear();
    this.topics.clear();
  }

  private ensureFree(name: string): void {
    if (this.queues.has(name.toLowerCase()) || this.topics.has(name.toLowerCase())) throw brokerErrors.entityExists(name);
  }

  private ensureEntityQuota(): void {
    if (this.queues.size + this.topics.size >= this.limits.maxEntities) {
      throw brokerErrors.quota("queues and topics in the namespace", this.limits.maxEntities);
    }
  }

  private checkForwardTargets(path: string, props: QueueProperties): void {
    for (const target of [props.forwardTo, props.forwardDeadLetteredMessagesTo]) {
      if (!target) continue;
      if (target.toLowerCase() === path.toLowerCase()) {
        throw new BrokerError("ArgumentError", `The entity '${path}' cannot forward messages to itself.`);
      }
      const resolved = this.resolve(target);
      if (resolved.kind !== "queue" && resolved.kind !== "topic") {
        throw new BrokerError("ArgumentError", `Auto-forwarding target '${target}' must be a queue or a topic.`);
      }
    }
  }
}

/** Drops keys whose value is undefined so they do not override defaults. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
