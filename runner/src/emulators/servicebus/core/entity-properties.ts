// Entity settings in milliseconds and booleans, already validated (config/ turns Config.json's ISO 8601 strings into these).

export interface QueueProperties {
  lockDurationMs: number;
  maxDeliveryCount: number;
  /** Infinity = TimeSpan.MaxValue, Azure's default. */
  defaultMessageTimeToLiveMs: number;
  deadLetteringOnMessageExpiration: boolean;
  requiresSession: boolean;
  requiresDuplicateDetection: boolean;
  duplicateDetectionHistoryTimeWindowMs: number;
  forwardTo?: string;
  forwardDeadLetteredMessagesTo?: string;
}

export type SubscriptionProperties = Omit<QueueProperties, "requiresDuplicateDetection" | "duplicateDetectionHistoryTimeWindowMs">;

export interface TopicProperties {
  defaultMessageTimeToLiveMs: number;
  requiresDuplicateDetection: boolean;
  duplicateDetectionHistoryTimeWindowMs: number;
}

// Azure's defaults (https://learn.microsoft.com/rest/api/servicebus/create-queue, QueueDescription).
export const defaultQueueProperties: QueueProperties = {
  lockDurationMs: 60_000,
  maxDeliveryCount: 10,
  defaultMessageTimeToLiveMs: Infinity,
  deadLetteringOnMessageExpiration: false,
  requiresSession: false,
  requiresDuplicateDetection: false,
  duplicateDetectionHistoryTimeWindowMs: 10 * 60_000,
};

export const defaultTopicProperties: TopicProperties = {
  defaultMessageTimeToLiveMs: Infinity,
  requiresDuplicateDetection: false,
  duplicateDetectionHistoryTimeWindowMs: 10 * 60_000,
};

export const defaultSubscriptionProperties: SubscriptionProperties = {
  lockDurationMs: 60_000,
  maxDeliveryCount: 10,
  defaultMessageTimeToLiveMs: Infinity,
  deadLetteringOnMessageExpiration: false,
  requiresSession: false,
};
