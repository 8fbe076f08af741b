// Config.json shapes (PascalCase, ISO durations) -> core settings (ms, booleans, rule definitions).
import type { QueueProperties, SubscriptionProperties, TopicProperties } from "../core/entity-properties.js";
import type { RuleDefinition } from "../core/rules.js";
import type {
  QueuePropertiesConfig,
  RuleConfig,
  SubscriptionPropertiesConfig,
  TopicPropertiesConfig,
} from "./config-schema.js";
import { parseIsoDuration } from "./iso-duration.js";

function ms(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseIsoDuration(text);
}

/** Empty strings mean "not set" in Microsoft's sample config. */
function name(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === "" ? undefined : text;
}

export function queueProperties(p: QueuePropertiesConfig = {}): Partial<QueueProperties> {
  return {
    lockDurationMs: ms(p.LockDuration),
    maxDeliveryCount: p.MaxDeliveryCount,
    defaultMessageTimeToLiveMs: ms(p.DefaultMessageTimeToLive),
    deadLetteringOnMessageExpiration: p.DeadLetteringOnMessageExpiration,
    requiresSession: p.RequiresSession,
    requiresDuplicateDetection: p.RequiresDuplicateDetection,
    duplicateDetectionHistoryTimeWindowMs: ms(p.DuplicateDetectionHistoryTimeWindow),
    forwardTo: name(p.ForwardTo),
    forwardDeadLetteredMessagesTo: name(p.ForwardDeadLetteredMessagesTo),
  };
}

export function topicProperties(p: TopicPropertiesConfig = {}): Partial<TopicProperties> {
  return {
    defaultMessageTimeToLiveMs: ms(p.DefaultMessageTimeToLive),
    requiresDuplicateDetection: p.RequiresDuplicateDetection,
    duplicateDetectionHistoryTimeWindowMs: ms(p.DuplicateDetectionHistoryTimeWindow),
  };
}

export function subscriptionProperties(p: SubscriptionPropertiesConfig = {}): Partial<SubscriptionProperties> {
  // The same settings as a queue's; the schema has no duplicate-detection keys for subscriptions (a topic setting).
  return queueProperties(p);
}

export function ruleDefinition(rule: RuleConfig): RuleDefinition {
  const p = rule.Properties;
  const definition: RuleDefinition =
    p.FilterType === "Sql"
      ? { name: rule.Name, filter: { kind: "sql", expression: p.SqlFilter?.SqlExpression ?? "1=1" } }
      : {
          name: rule.Name,
          filter: {
            kind: "correlation",
            ...defined({
              contentType: p.CorrelationFilter?.ContentType,
              correlationId: p.CorrelationFilter?.CorrelationId,
              subject: p.CorrelationFilter?.Label,
              messageId: p.CorrelationFilter?.MessageId,
              replyTo: p.CorrelationFilter?.ReplyTo,
              replyToSessionId: p.CorrelationFilter?.ReplyToSessionId,
              sessionId: p.CorrelationFilter?.SessionId,
              to: p.CorrelationFilter?.To,
              properties: p.CorrelationFilter?.Properties,
            }),
          },
        };
  if (p.Action?.SqlExpression) definition.action = p.Action.SqlExpression;
  return definition;
}

function defined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== "")) as Partial<T>;
}
