// Subscription rules: true/false, correlation and SQL filters, optional SQL actions. SQL itself is compiled by ./sql.
import { BrokerError } from "./errors.js";
import type { MessageContent } from "./message.js";
import { compileSqlFilter, compileSqlRuleAction, SqlFilterError, type FilterableMessage } from "./sql/index.js";

export interface CorrelationFilter {
  correlationId?: string;
  messageId?: string;
  to?: string;
  replyTo?: string;
  subject?: string;
  sessionId?: string;
  replyToSessionId?: string;
  contentType?: string;
  properties?: Record<string, unknown>;
}

export type RuleFilter =
  | { kind: "true" }
  | { kind: "false" }
  | { kind: "sql"; expression: string }
  | ({ kind: "correlation" } & CorrelationFilter);

export interface RuleDefinition {
  name: string;
  filter: RuleFilter;
  /** SQL rule action (SET / REMOVE ...), applied to the subscription's copy of a matching message. */
  action?: string;
}

/** Every new subscription gets this rule unless told otherwise (Azure: a TrueFilter named $Default). */
export const DEFAULT_RULE: RuleDefinition = { name: "$Default", filter: { kind: "true" } };

/** Facts about a message a filter may read that are not in its content. */
export interface MessageFacts {
  sequenceNumber: number;
  enqueuedAt: number;
  deliveryCount?: number;
}

export class Rule {
  private readonly test: (m: FilterableMessage) => boolean;
  private readonly act: ((m: FilterableMessage) => void) | undefined;

  constructor(readonly definition: RuleDefinition) {
    this.test = compileFilter(definition.filter);
    this.act = definition.action ? compileAction(definition.action) : undefined;
  }

  get name(): string {
    return this.definition.name;
  }

  get hasAction(): boolean {
    return this.act !== undefined;
  }

  matches(content: MessageContent, facts: MessageFacts): boolean {
    return this.test(filterable(content, facts));
  }

  /** Applies the action to a copy the caller owns; throws whatever the action throws. */
  applyAction(copy: MessageContent, facts: MessageFacts): void {
    if (!this.act) return;
    const view = filterable(copy, facts);
    this.act(view);
    writeBack(copy, view);
  }
}

function compileFilter(filter: RuleFilter): (m: FilterableMessage) => boolean {
  switch (filter.kind) {
    case "true":
      return () => true;
    case "false":
      return () => false;
    case "sql": {
      const compiled = compileSql(() => compileSqlFilter(filter.expression));
      return (m) => compiled.evaluate(m);
    }
    case "correlation":
      return correlationMatcher(filter);
  }
}

function compileAction(expression: string): (m: FilterableMessage) => void {
  const compiled = compileSql(() => compileSqlRuleAction(expression));
  return (m) => compiled.apply(m);
}

function compileSql<T>(compile: () => T): T {
  try {
    return compile();
  } catch (error) {
    if (error instanceof SqlFilterError) throw new BrokerError("ArgumentError", error.message);
    throw error;
  }
}

// A correlation filter matches when every field it sets equals the message's (case-sensitive, exact),
// including each user property it names (https://learn.microsoft.com/azure/service-bus-messaging/topic-filters#correlation-filters).
function correlationMatcher(filter: CorrelationFilter): (m: FilterableMessage) => boolean {
  const system: [string, string | undefined][] = [
    ["CorrelationId", filter.correlationId],
    ["MessageId", filter.messageId],
    ["To", filter.to],
    ["ReplyTo", filter.replyTo],
    ["Label", filter.subject],
    ["SessionId", filter.sessionId],
    ["ReplyToSessionId", filter.replyToSessionId],
    ["ContentType", filter.contentType],
  ];
  const wanted = system.filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== null);
  const properties = Object.entries(filter.properties ?? {});
  return (m) =>
    wanted.every(([key, value]) => m.system[key] === value) &&
    properties.every(([key, value]) => key in m.properties && sameValue(m.properties[key], value));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

function filterable(content: MessageContent, facts: MessageFacts): FilterableMessage {
  const system: Record<string, unknown> = {
    SequenceNumber: facts.sequenceNumber,
    EnqueuedTimeUtc: new Date(facts.enqueuedAt),
    DeliveryCount: facts.deliveryCount ?? 0,
    Size: content.size,
  };
  const optional: [string, unknown][] = [
    ["MessageId", content.messageId],
    ["CorrelationId", content.correlationId],
    ["To", content.to],
    ["ReplyTo", content.replyTo],
    ["Label", content.subject],
    ["SessionId", content.sessionId],
    ["ReplyToSessionId", content.replyToSessionId],
    ["ContentType", content.contentType],
    ["PartitionKey", content.partitionKey],
    ["TimeToLive", content.timeToLiveMs],
    ["ScheduledEnqueueTimeUtc", content.scheduledEnqueueTime === undefined ? undefined : new Date(content.scheduledEnqueueTime)],
  ];
  for (const [key, value] of optional) if (value !== undefined) system[key] = value;
  return { system, properties: content.applicationProperties };
}

// The system properties a rule action may SET, copied back onto the message.
function writeBack(content: MessageContent, view: FilterableMessage): void {
  const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
  content.messageId = str(view.system.MessageId);
  content.correlationId = str(view.system.CorrelationId);
  content.to = str(view.system.To);
  content.replyTo = str(view.system.ReplyTo);
  content.subject = str(view.system.Label);
  content.sessionId = str(view.system.SessionId);
  content.replyToSessionId = str(view.system.ReplyToSessionId);
  content.contentType = str(view.system.ContentType);
  const ttl = view.system.TimeToLive;
  if (typeof ttl === "number" && ttl > 0) content.timeToLiveMs = ttl;
  const scheduled = view.system.ScheduledEnqueueTimeUtc;
  if (scheduled instanceof Date) content.scheduledEnqueueTime = scheduled.getTime();
  content.applicationProperties = view.properties;
}
