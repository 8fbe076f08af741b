// The broker's view of a message: the fields Service Bus itself reads (ids, session, TTL, schedule, user
// properties) plus an opaque payload the protocol adapter hands back unchanged (body, footer, typed ids).
import type { TimerHandle } from "./timer-queue.js";

export interface MessageContent {
  messageId?: string;
  correlationId?: string;
  to?: string;
  replyTo?: string;
  subject?: string;
  sessionId?: string;
  replyToSessionId?: string;
  contentType?: string;
  /** Time to live the sender asked for, in ms; the entity's default applies when absent or larger. */
  timeToLiveMs?: number;
  /** When the message should become visible (ms since epoch); absent = now. */
  scheduledEnqueueTime?: number;
  partitionKey?: string;
  applicationProperties: Record<string, unknown>;
  /** Protocol-specific rest of the message, never read by the core. */
  payload: unknown;
  /** Encoded size in bytes, as the sender transferred it. */
  size: number;
}

export type MessageState = "active" | "deferred" | "scheduled";

export interface MessageLock {
  token: string;
  until: number;
  timer?: TimerHandle;
}

export interface StoredMessage {
  content: MessageContent;
  sequenceNumber: number;
  enqueuedAt: number;
  /** ms since epoch; Infinity = never. */
  expiresAt: number;
  /** Failed deliveries so far (AMQP header delivery-count: 0 on the first delivery). */
  deliveryCount: number;
  state: MessageState;
  /** Set while a receiver holds the message in peek-lock mode. */
  lock?: MessageLock;
  /** Entity a dead-lettered message came from, set only when it was auto-forwarded out of a dead-letter queue. */
  deadLetterSource?: string;
  timer?: TimerHandle;
}

/** A copy of the content safe to mutate (rule actions, dead-letter properties) without touching other copies. */
export function cloneContent(content: MessageContent): MessageContent {
  return { ...content, applicationProperties: { ...content.applicationProperties } };
}
