// The ATOM management operations ServiceBusAdministrationClient sends (create, get, list, delete of queues, topics,
// subscriptions and rules, with runtime counts), mapped onto the core. Updates are not supported.
import { BrokerError } from "../core/errors.js";
import type { MessageEntity } from "../core/message-entity.js";
import type { Namespace } from "../core/namespace.js";
import type { RuleDefinition, RuleFilter } from "../core/rules.js";
import type { Topic } from "../core/topic.js";
import { queuePropertiesSchema, subscriptionPropertiesSchema, topicPropertiesSchema } from "../config/config-schema.js";
import { formatIsoDuration } from "../config/iso-duration.js";
import { queueProperties, subscriptionProperties, topicProperties } from "../config/to-core.js";
import {
  countDetailsXml,
  descriptionKind,
  elementBlock,
  elementText,
  elementType,
  entryXml,
  escapeXml,
  errorXml,
  feedXml,
  fieldsXml,
  keyValues,
  type Fields,
} from "./atom-xml.js";

export interface AtomResponse {
  status: number;
  body: string;
}

const statusOf: Partial<Record<string, number>> = {
  MessagingEntityNotFound: 404,
  MessagingEntityAlreadyExists: 409,
  QuotaExceeded: 403,
};

export class AtomApi {
  constructor(
    private readonly namespace: Namespace,
    /** e.g. "localhost:5672": entry ids and forwarding URLs are built on it. */
    private readonly host: string,
  ) {}

  handle(method: string, url: URL, headers: Record<string, string | string[] | undefined>, body: string): AtomResponse {
    try {
      return this.route(method, url, headers, body);
    } catch (error) {
      if (error instanceof BrokerError) {
        const status = statusOf[error.code] ?? 400;
        return { status, body: errorXml(status, error.message) };
      }
      throw error;
    }
  }

  private route(method: string, url: URL, headers: Record<string, string | string[] | undefined>, body: string): AtomResponse {
    const segments = url.pathname.split("/").filter((s) => s !== "").map(decodeURIComponent);
    const skip = Number(url.searchParams.get("$skip") ?? 0);
    const top = Number(url.searchParams.get("$top") ?? 100);
    const page = <T>(items: T[]) => items.slice(skip, skip + top);
    const lower = segments.map((s) => s.toLowerCase());
    if (method === "PUT" && headers["if-match"]) {
      return bad("Updating an existing entity is not supported by the azlab Service Bus emulator: delete it and create it again.");
    }
    if (lower[0] === "$resources" && segments.length === 2 && method === "GET") {
      if (lower[1] === "queues") return ok(feedXml(this.url("$Resources/Queues"), page(this.namespace.listQueues()).map((q) => this.queueEntry(q))));
      if (lower[1] === "topics") return ok(feedXml(this.url("$Resources/Topics"), page(this.namespace.listTopics()).map((t) => this.topicEntry(t))));
    }
    const subAt = lower.indexOf("subscriptions", 1);
    if (subAt > 0) {
      const topicName = segments.slice(0, subAt).join("/");
      const rest = segments.slice(subAt + 1);
      if (rest.length === 0 && method === "GET") {
        const topic = this.namespace.requireTopic(topicName);
        return ok(feedXml(this.url(`${topicName}/Subscriptions`), page([...topic.subscriptions.values()]).map((s) => this.subscriptionEntry(topicName, s.entity))));
      }
      const subName = rest[0]!;
      if (rest.length === 1) return this.subscription(method, topicName, subName, body);
      if (rest[1]?.toLowerCase() === "rules") {
        if (rest.length === 2 && method === "GET") {
          const rules = this.namespace.requireSubscription(topicName, subName).listRules();
          return ok(feedXml(this.url(`${topicName}/Subscriptions/${subName}/Rules`), page(rules).map((r) => this.ruleEntry(topicName, subName, r))));
        }
        if (rest.length === 3) return this.rule(method, topicName, subName, rest[2]!, body);
      }
      return notFound(url.pathname);
    }
    const name = segments.join("/");
    if (name === "" || name.startsWith("$")) return notFound(url.pathname);
    if (method === "PUT") {
      const kind = descriptionKind(body);
      if (kind === "QueueDescription") {
        const props = parseProps(queuePropertiesSchema, body, QUEUE_FIELDS);
        const queue = this.namespace.createQueue(name, queueProperties(this.localForwards(props)));
        return { status: 201, body: this.queueEntry(queue) };
      }
      if (kind === "TopicDescription") {
        const topic = this.namespace.createTopic(name, topicProperties(parseProps(topicPropertiesSchema, body, TOPIC_FIELDS)));
        return { status: 201, body: this.topicEntry(topic) };
      }
      return bad(`Expected a QueueDescription or TopicDescription, got ${kind ?? "no description"}.`);
    }
    const queue = this.namespace.getQueue(name);
    const topic = this.namespace.getTopic(name);
    if (method === "GET") {
      if (queue) return ok(this.queueEntry(queue));
      if (topic) return ok(this.topicEntry(topic));
      return notFound(name);
    }
    if (method === "DELETE") {
      if (queue) this.namespace.deleteQueue(name);
      else if (topic) this.namespace.deleteTopic(name);
      else return notFound(name);
      return { status: 200, body: "" };
    }
    return bad(`${method} is not supported here.`);
  }

  private subscription(method: string, topicName: string, name: string, body: string): AtomResponse {
    if (method === "PUT") {
      const props = parseProps(subscriptionPropertiesSchema, body, SUBSCRIPTION_FIELDS);
      const rule = elementBlock(body, "DefaultRuleDescription");
      const rules = rule ? [parseRule(rule, elementText(rule, "Name") ?? "$Default")] : undefined;
      const created = this.namespace.createSubscription(topicName, name, subscriptionProperties(this.localForwards(props)), rules);
      return { status: 201, body: this.subscriptionEntry(topicName, created.entity) };
    }
    const subscription = this.namespace.requireSubscription(topicName, name);
    if (method === "GET") return ok(this.subscriptionEntry(topicName, subscription.entity));
    if (method === "DELETE") {
      this.namespace.deleteSubscription(topicName, name);
      return { status: 200, body: "" };
    }
    return bad(`${method} is not supported on a subscription.`);
  }

  private rule(method: string, topicName: string, subName: string, name: string, body: string): AtomResponse {
    const subscription = this.namespace.requireSubscription(topicName, subName);
    if (method === "PUT") {
      const definition = parseRule(body, name);
      subscription.addRule(definition);
      return { status: 201, body: this.ruleEntry(topicName, subName, definition) };
    }
    if (method === "GET") {
      const rule = subscription.listRules().find((r) => r.name.toLowerCase() === name.toLowerCase());
      return rule ? ok(this.ruleEntry(topicName, subName, rule)) : notFound(name);
    }
    if (method === "DELETE") {
      subscription.removeRule(name);
      return { status: 200, body: "" };
    }
    return bad(`${method} is not supported on a rule.`);
  }

  /** The client sends forwarding targets as absolute sb:// URLs; the core wants entity names. */
  private localForwards<T extends { ForwardTo?: string | undefined; ForwardDeadLetteredMessagesTo?: string | undefined }>(props: T): T {
    const local = (value: string | undefined) => (value ? value.replace(/^[a-z]+:\/\/[^/]+\//i, "") : value);
    return { ...props, ForwardTo: local(props.ForwardTo), ForwardDeadLetteredMessagesTo: local(props.ForwardDeadLetteredMessagesTo) };
  }

  private url(path: string): string {
    return `https://${this.host}/${path}`;
  }

  private forwardUrl(name: string | undefined): string | undefined {
    return name ? `sb://${this.host}/${name}` : undefined;
  }

  private queueEntry(queue: MessageEntity): string {
    const p = queue.properties;
    const c = queue.counts();
    const fields: Fields = [
      ["LockDuration", formatIsoDuration(p.lockDurationMs)],
      ["MaxSizeInMegabytes", 1024],
      ["RequiresDuplicateDetection", p.requiresDuplicateDetection],
      ["RequiresSession", p.requiresSession],
      ["DefaultMessageTimeToLive", formatIsoDuration(p.defaultMessageTimeToLiveMs)],
      ["DeadLetteringOnMessageExpiration", p.deadLetteringOnMessageExpiration],
      ["DuplicateDetectionHistoryTimeWindow", formatIsoDuration(p.duplicateDetectionHistoryTimeWindowMs)],
      ["MaxDeliveryCount", p.maxDeliveryCount],
      ["EnableBatchedOperations", true],
      ["SizeInBytes", 0],
      ["MessageCount", c.totalMessageCount],
      ...common(),
      ["ForwardTo", this.forwardUrl(p.forwardTo)],
      ["ForwardDeadLetteredMessagesTo", this.forwardUrl(p.forwardDeadLetteredMessagesTo)],
      ["EnablePartitioning", false],
      ["EnableExpress", false],
      ["MaxMessageSizeInKilobytes", Math.round(this.namespace.limits.maxMessageSizeBytes / 1024)],
    ];
    return entryXml(this.url(queue.path), queue.path, "QueueDescription", fieldsXml(fields) + counts(c));
  }

  private topicEntry(topic: Topic): string {
    const p = topic.properties;
    const fields: Fields = [
      ["DefaultMessageTimeToLive", formatIsoDuration(p.defaultMessageTimeToLiveMs)],
      ["MaxSizeInMegabytes", 1024],
      ["RequiresDuplicateDetection", p.requiresDuplicateDetection],
      ["DuplicateDetectionHistoryTimeWindow", formatIsoDuration(p.duplicateDetectionHistoryTimeWindowMs)],
      ["EnableBatchedOperations", true],
      ["SizeInBytes", 0],
      ...common(),
      ["SupportOrdering", true],
      ["SubscriptionCount", topic.subscriptions.size],
      ["EnablePartitioning", false],
      ["EnableExpress", false],
      ["MaxMessageSizeInKilobytes", Math.round(this.namespace.limits.maxMessageSizeBytes / 1024)],
    ];
    const scheduled = { activeMessageCount: 0, deadLetterMessageCount: 0, scheduledMessageCount: topic.scheduledCount };
    return entryXml(this.url(topic.name), topic.name, "TopicDescription", fieldsXml(fields) + counts(scheduled));
  }

  private subscriptionEntry(topicName: string, entity: MessageEntity): string {
    const p = entity.properties;
    const c = entity.counts();
    const fields: Fields = [
      ["LockDuration", formatIsoDuration(p.lockDurationMs)],
      ["RequiresSession", p.requiresSession],
      ["DefaultMessageTimeToLive", formatIsoDuration(p.defaultMessageTimeToLiveMs)],
      ["DeadLetteringOnMessageExpiration", p.deadLetteringOnMessageExpiration],
      ["DeadLetteringOnFilterEvaluationExceptions", true],
      ["MessageCount", c.totalMessageCount],
      ["MaxDeliveryCount", p.maxDeliveryCount],
      ["EnableBatchedOperations", true],
      ...common(),
      ["ForwardTo", this.forwardUrl(p.forwardTo)],
      ["ForwardDeadLetteredMessagesTo", this.forwardUrl(p.forwardDeadLetteredMessagesTo)],
    ];
    const name = entity.path.slice(topicName.length + "/Subscriptions/".length);
    return entryXml(this.url(entity.path), name, "SubscriptionDescription", fieldsXml(fields) + counts(c));
  }

  private ruleEntry(topicName: string, subName: string, rule: RuleDefinition): string {
    const now = new Date().toISOString();
    const inner = `${filterXml(rule.filter)}${actionXml(rule.action)}<CreatedAt>${now}</CreatedAt><Name>${escapeXml(rule.name)}</Name>`;
    return entryXml(this.url(`${topicName}/Subscriptions/${subName}/Rules/${rule.name}`), rule.name, "RuleDescription", inner);
  }
}

const QUEUE_FIELDS = [
  "LockDuration",
  "MaxDeliveryCount",
  "RequiresSession",
  "DefaultMessageTimeToLive",
  "DeadLetteringOnMessageExpiration",
  "RequiresDuplicateDetection",
  "DuplicateDetectionHistoryTimeWindow",
  "ForwardTo",
  "ForwardDeadLetteredMessagesTo",
];
const TOPIC_FIELDS = ["DefaultMessageTimeToLive", "RequiresDuplicateDetection", "DuplicateDetectionHistoryTimeWindow"];
const SUBSCRIPTION_FIELDS = [
  "LockDuration",
  "MaxDeliveryCount",
  "RequiresSession",
  "DefaultMessageTimeToLive",
  "DeadLetteringOnMessageExpiration",
  "ForwardTo",
  "ForwardDeadLetteredMessagesTo",
];

/** Reads the listed elements of a description into Config.json-shaped properties and validates them. */
function parseProps<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, body: string, names: string[]): T {
  const description = elementBlock(body, descriptionKind(body) ?? "") ?? body;
  const raw: Record<string, unknown> = {};
  for (const name of names) {
    const text = elementText(description, name);
    if (text === undefined) continue;
    raw[name] = text === "true" ? true : text === "false" ? false : /^\d+$/.test(text) ? Number(text) : text;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new BrokerError("ArgumentError", parsed.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`).join("; "));
  }
  return parsed.data;
}

function parseRule(xml: string, name: string): RuleDefinition {
  const filterBlock = elementBlock(xml, "Filter");
  const actionBlock = elementBlock(xml, "Action");
  const type = filterBlock ? elementType(filterBlock) : undefined;
  let filter: RuleFilter;
  if (!filterBlock || type === "TrueFilter") filter = { kind: "true" };
  else if (type === "FalseFilter") filter = { kind: "false" };
  else if (type === "CorrelationFilter") {
    const text = (n: string) => elementText(filterBlock, n);
    const propertiesBlock = elementBlock(filterBlock, "Properties");
    const fields = {
      correlationId: text("CorrelationId"),
      messageId: text("MessageId"),
      to: text("To"),
      replyTo: text("ReplyTo"),
      subject: text("Label"),
      sessionId: text("SessionId"),
      replyToSessionId: text("ReplyToSessionId"),
      contentType: text("ContentType"),
    };
    filter = { kind: "correlation", ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
    if (propertiesBlock) filter.properties = keyValues(propertiesBlock);
  } else filter = { kind: "sql", expression: elementText(filterBlock, "SqlExpression") ?? "1=1" };
  const definition: RuleDefinition = { name, filter };
  const action = actionBlock && elementType(actionBlock) === "SqlRuleAction" ? elementText(actionBlock, "SqlExpression") : undefined;
  if (action) definition.action = action;
  return definition;
}

function filterXml(filter: RuleFilter): string {
  const sql = (type: string, expression: string) =>
    `<Filter i:type="${type}"><SqlExpression>${escapeXml(expression)}</SqlExpression><CompatibilityLevel>20</CompatibilityLevel></Filter>`;
  switch (filter.kind) {
    case "true":
      return sql("TrueFilter", "1=1");
    case "false":
      return sql("FalseFilter", "1=0");
    case "sql":
      return sql("SqlFilter", filter.expression);
    case "correlation": {
      const fields: Fields = [
        ["CorrelationId", filter.correlationId],
        ["MessageId", filter.messageId],
        ["To", filter.to],
        ["ReplyTo", filter.replyTo],
        ["Label", filter.subject],
        ["SessionId", filter.sessionId],
        ["ReplyToSessionId", filter.replyToSessionId],
        ["ContentType", filter.contentType],
      ];
      const properties = Object.entries(filter.properties ?? {})
        .map(([k, v]) => {
          const type = typeof v === "number" ? (Number.isInteger(v) ? "int" : "double") : typeof v === "boolean" ? "boolean" : "string";
          return `<KeyValueOfstringanyType><Key>${escapeXml(k)}</Key><Value xmlns:d6p1="http://www.w3.org/2001/XMLSchema" i:type="d6p1:${type}">${escapeXml(String(v))}</Value></KeyValueOfstringanyType>`;
        })
        .join("");
      return `<Filter i:type="CorrelationFilter">${fieldsXml(fields)}<Properties>${properties}</Properties></Filter>`;
    }
  }
}

function actionXml(action: string | undefined): string {
  if (!action) return `<Action i:type="EmptyRuleAction"/>`;
  return `<Action i:type="SqlRuleAction"><SqlExpression>${escapeXml(action)}</SqlExpression><CompatibilityLevel>20</CompatibilityLevel></Action>`;
}

function common(): Fields {
  const now = new Date().toISOString();
  return [
    ["Status", "Active"],
    ["CreatedAt", now],
    ["UpdatedAt", now],
    ["AccessedAt", now],
    ["AutoDeleteOnIdle", formatIsoDuration(Infinity)],
    ["EntityAvailabilityStatus", "Available"],
  ];
}

function counts(c: { activeMessageCount: number; deadLetterMessageCount: number; scheduledMessageCount: number }): string {
  return countDetailsXml({ active: c.activeMessageCount, deadLetter: c.deadLetterMessageCount, scheduled: c.scheduledMessageCount });
}

function ok(body: string): AtomResponse {
  return { status: 200, body };
}

function bad(detail: string): AtomResponse {
  return { status: 400, body: errorXml(400, detail) };
}

function notFound(name: string): AtomResponse {
  return { status: 404, body: errorXml(404, `The messaging entity '${name}' could not be found.`) };
}
