// Namespace limits. Defaults follow the Standard tier (https://learn.microsoft.com/azure/service-bus-messaging/service-bus-quotas),
// except where a local tool should be more generous (no 10-connection cap, many entities for parallel tests).

export interface Limits {
  /** Largest encoded message (or batch) a sender may transfer, in bytes. Standard tier: 256 KB. */
  maxMessageSizeBytes: number;
  /** Queues + topics in the namespace. Standard tier: 10,000. */
  maxEntities: number;
  /** Subscriptions per topic. Azure: 2,000. */
  maxSubscriptionsPerTopic: number;
  /** Rules (filters) per subscription. Azure: 2,000. */
  maxRulesPerSubscription: number;
  /** Messages held by one queue or subscription before sends fail with QuotaExceeded (stands in for the 1-80 GB size quota). */
  maxMessagesPerEntity: number;
}

export const defaultLimits: Limits = {
  maxMessageSizeBytes: 256 * 1024,
  maxEntities: 10_000,
  maxSubscriptionsPerTopic: 2_000,
  maxRulesPerSubscription: 2_000,
  maxMessagesPerEntity: 1_000_000,
};
