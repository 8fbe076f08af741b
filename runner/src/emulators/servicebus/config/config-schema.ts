// Microsoft's Service Bus emulator Config.json (https://learn.microsoft.com/azure/service-bus-messaging/test-locally-with-service-bus-emulator),
// so one file serves docker compose and azlab. Unknown keys are allowed (Microsoft adds some), wrong types are not.
import { z } from "zod";
import { parseIsoDuration } from "./iso-duration.js";

const duration = z.string().refine((s) => parseIsoDuration(s) !== undefined, {
  message: "expected an ISO 8601 duration such as \"PT1M\" or \"P1D\"",
});

const optionalName = z.string().optional();

export const queuePropertiesSchema = z
  .object({
    DeadLetteringOnMessageExpiration: z.boolean().optional(),
    DefaultMessageTimeToLive: duration.optional(),
    DuplicateDetectionHistoryTimeWindow: duration.optional(),
    ForwardDeadLetteredMessagesTo: optionalName,
    ForwardTo: optionalName,
    LockDuration: duration.optional(),
    MaxDeliveryCount: z.number().int().min(1).optional(),
    RequiresDuplicateDetection: z.boolean().optional(),
    RequiresSession: z.boolean().optional(),
  })
  .loose();

export const topicPropertiesSchema = z
  .object({
    DefaultMessageTimeToLive: duration.optional(),
    DuplicateDetectionHistoryTimeWindow: duration.optional(),
    RequiresDuplicateDetection: z.boolean().optional(),
  })
  .loose();

export const subscriptionPropertiesSchema = z
  .object({
    DeadLetteringOnMessageExpiration: z.boolean().optional(),
    DefaultMessageTimeToLive: duration.optional(),
    LockDuration: duration.optional(),
    MaxDeliveryCount: z.number().int().min(1).optional(),
    ForwardDeadLetteredMessagesTo: optionalName,
    ForwardTo: optionalName,
    RequiresSession: z.boolean().optional(),
  })
  .loose();

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const correlationFilterSchema = z
  .object({
    ContentType: z.string().optional(),
    CorrelationId: z.string().optional(),
    Label: z.string().optional(),
    MessageId: z.string().optional(),
    ReplyTo: z.string().optional(),
    ReplyToSessionId: z.string().optional(),
    SessionId: z.string().optional(),
    To: z.string().optional(),
    Properties: z.record(z.string(), scalar).optional(),
  })
  .loose();

export const rulePropertiesSchema = z
  .object({
    FilterType: z.enum(["Correlation", "Sql"]),
    CorrelationFilter: correlationFilterSchema.optional(),
    SqlFilter: z.object({ SqlExpression: z.string() }).loose().optional(),
    Action: z.object({ SqlExpression: z.string() }).loose().optional(),
  })
  .loose()
  .superRefine((rule, ctx) => {
    if (rule.FilterType === "Sql" && !rule.SqlFilter) {
      ctx.addIssue({ code: "custom", path: ["SqlFilter"], message: "FilterType \"Sql\" needs SqlFilter.SqlExpression" });
    }
    if (rule.FilterType === "Correlation" && !rule.CorrelationFilter) {
      ctx.addIssue({ code: "custom", path: ["CorrelationFilter"], message: "FilterType \"Correlation\" needs a CorrelationFilter" });
    }
  });

export const ruleSchema = z.object({ Name: z.string().min(1), Properties: rulePropertiesSchema }).loose();

export const subscriptionSchema = z
  .object({
    Name: z.string().min(1),
    Properties: subscriptionPropertiesSchema.optional(),
    Rules: z.array(ruleSchema).optional(),
  })
  .loose();

export const queueSchema = z.object({ Name: z.string().min(1), Properties: queuePropertiesSchema.optional() }).loose();

export const topicSchema = z
  .object({
    Name: z.string().min(1),
    Properties: topicPropertiesSchema.optional(),
    Subscriptions: z.array(subscriptionSchema).optional(),
  })
  .loose();

export const namespaceSchema = z
  .object({
    Name: z.string().min(1),
    Queues: z.array(queueSchema).optional(),
    Topics: z.array(topicSchema).optional(),
  })
  .loose();

export const serviceBusConfigSchema = z
  .object({
    UserConfig: z
      .object({
        Namespaces: z.array(namespaceSchema).min(1, "at least one namespace is required"),
        Logging: z.object({ Type: z.string() }).loose().optional(),
      })
      .loose(),
  })
  .loose();

export type ServiceBusConfig = z.infer<typeof serviceBusConfigSchema>;
export type QueueConfig = z.infer<typeof queueSchema>;
export type TopicConfig = z.infer<typeof topicSchema>;
export type SubscriptionConfig = z.infer<typeof subscriptionSchema>;
export type RuleConfig = z.infer<typeof ruleSchema>;
export type QueuePropertiesConfig = z.infer<typeof queuePropertiesSchema>;
export type TopicPropertiesConfig = z.infer<typeof topicPropertiesSchema>;
export type SubscriptionPropertiesConfig = z.infer<typeof subscriptionPropertiesSchema>;
export type RulePropertiesConfig = z.infer<typeof rulePropertiesSchema>;
