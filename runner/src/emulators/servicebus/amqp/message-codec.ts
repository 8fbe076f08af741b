// Translates between rhea's AMQP messages and the core's MessageContent/StoredMessage, adding the annotations
// the SDK reads on the way out (sequence number, enqueued time, lock, state).
import rhea, { type Message } from "rhea";
import type { MessageContent, StoredMessage } from "../core/message.js";
import { bytesToUuid } from "./lock-token.js";

const { types } = rhea;

/** Batches from the SDK arrive as one transfer of this format whose data sections are encoded messages. */
export const BATCH_MESSAGE_FORMAT = 0x80013700;

const SCHEDULED = "x-opt-scheduled-enqueue-time";
const PARTITION_KEY = "x-opt-partition-key";
// Annotations the broker owns: a client cannot set them, and we write fresh ones on every delivery.
const BROKER_ANNOTATIONS = new Set([
  "x-opt-sequence-number",
  "x-opt-enqueued-time",
  "x-opt-locked-until",
  "x-opt-enqueue-sequence-number",
  "x-opt-message-state",
  "x-opt-deadletter-source",
]);

/** What the core keeps opaque for us: everything needed to give the message back as it was sent. */
interface AmqpPayload {
  body: unknown;
  messageIdRaw?: unknown;
  correlationIdRaw?: unknown;
  durable?: boolean;
  priority?: number;
  firstAcquirer?: boolean;
  userId?: unknown;
  absoluteExpiryTime?: unknown;
  creationTime?: unknown;
  groupSequence?: unknown;
  messageAnnotations: Record<string, unknown>;
  footer?: unknown;
}

function idToString(id: unknown): string | undefined {
  if (id === undefined || id === null) return undefined;
  if (typeof id === "string") return id;
  if (Buffer.isBuffer(id) && id.length === 16) return bytesToUuid(id);
  if (Buffer.isBuffer(id)) return id.toString("hex");
  return String(id);
}

function toMs(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number") return value;
  return undefined;
}

/** Splits one transfer into messages (a single message, or the messages of a batch), each with its encoded size. */
export function decodeTransfer(context: { message?: unknown; format?: number }): { messages: { message: Message; size: number }[]; size: number } {
  const raw = context.message;
  if (context.format === BATCH_MESSAGE_FORMAT && Buffer.isBuffer(raw)) {
    const outer = rhea.message.decode(raw);
    const body = outer.body as { content?: unknown; multiple?: boolean } | undefined;
    const sections: Buffer[] = body?.multiple && Array.isArray(body.content) ? body.content : body?.content ? [body.content as Buffer] : [];
    return {
      messages: sections.map((s) => ({ message: rhea.message.decode(Buffer.from(s)) as unknown as Message, size: s.length })),
      size: raw.length,
    };
  }
  const message = raw as Message;
  // rhea decodes format-0 transfers before we see them; re-encoding gives the size the sender sent.
  const size = rhea.message.encode(message).length;
  return { messages: [{ message, size }], size };
}

export function toContent(message: Message, size: number): MessageContent {
  const annotations: Record<string, unknown> = { ...(message.message_annotations ?? {}) };
  const scheduled = toMs(annotations[SCHEDULED]);
  const partitionKey = annotations[PARTITION_KEY];
  for (const key of BROKER_ANNOTATIONS) delete annotations[key];
  const messageId = idToString(message.message_id);
  const correlationId = idToString(message.correlation_id);
  const payload: AmqpPayload = {
    body: message.body,
    messageAnnotations: annotations,
    ...(typeof message.message_id !== "string" && message.message_id !== undefined ? { messageIdRaw: message.message_id } : {}),
    ...(typeof message.correlation_id !== "string" && message.correlation_id !== undefined
      ? { correlationIdRaw: message.correlation_id }
      : {}),
    ...(message.durable !== undefined ? { durable: message.durable } : {}),
    ...(message.priority !== undefined ? { priority: message.priority } : {}),
    ...(message.first_acquirer !== undefined ? { firstAcquirer: message.first_acquirer } : {}),
    ...(message.user_id !== undefined ? { userId: message.user_id } : {}),
    ...(message.absolute_expiry_time !== undefined ? { absoluteExpiryTime: message.absolute_expiry_time } : {}),
    ...(message.creation_time !== undefined ? { creationTime: message.creation_time } : {}),
    ...(message.group_sequence !== undefined ? { groupSequence: message.group_sequence } : {}),
    ...(message.footer !== undefined ? { footer: message.footer } : {}),
  };
  const content: MessageContent = {
    applicationProperties: { ...(message.application_properties ?? {}) },
    payload,
    size,
  };
  if (messageId !== undefined) content.messageId = messageId;
  if (correlationId !== undefined) content.correlationId = correlationId;
  if (message.to != null) content.to = String(message.to);
  if (message.reply_to != null) content.replyTo = String(message.reply_to);
  if (message.subject != null) content.subject = String(message.subject);
  if (message.group_id != null) content.sessionId = String(message.group_id);
  if (message.reply_to_group_id != null) content.replyToSessionId = String(message.reply_to_group_id);
  if (message.content_type != null) content.contentType = String(message.content_type);
  if (typeof message.ttl === "number" && message.ttl > 0) content.timeToLiveMs = message.ttl;
  if (scheduled !== undefined) content.scheduledEnqueueTime = scheduled;
  if (typeof partitionKey === "string") content.partitionKey = partitionKey;
  return content;
}

export interface DeliveryFacts {
  lockedUntil?: number;
}

/** The message a receiver gets: the sent message plus the broker's annotations. */
export function fromStored(stored: StoredMessage, facts: DeliveryFacts = {}): Message {
  const { content } = stored;
  const payload = content.payload as AmqpPayload;
  const annotations: Record<string, unknown> = {
    ...payload.messageAnnotations,
    "x-opt-sequence-number": types.wrap_long(stored.sequenceNumber),
    "x-opt-enqueue-sequence-number": types.wrap_long(stored.sequenceNumber),
    "x-opt-enqueued-time": new Date(stored.enqueuedAt),
  };
  if (content.scheduledEnqueueTime !== undefined) annotations[SCHEDULED] = new Date(content.scheduledEnqueueTime);
  if (content.partitionKey !== undefined) annotations[PARTITION_KEY] = content.partitionKey;
  if (facts.lockedUntil !== undefined) annotations["x-opt-locked-until"] = new Date(facts.lockedUntil);
  if (stored.state === "deferred") annotations["x-opt-message-state"] = 1;
  if (stored.state === "scheduled") annotations["x-opt-message-state"] = 2;
  if (stored.deadLetterSource !== undefined) annotations["x-opt-deadletter-source"] = stored.deadLetterSource;

  const message: Message = {
    body: payload.body,
    delivery_count: stored.deliveryCount,
    message_annotations: annotations,
    application_properties: wireProperties(content.applicationProperties),
  } as Message;
  const set = (key: string, value: unknown) => {
    if (value !== undefined && value !== null) (message as unknown as Record<string, unknown>)[key] = value;
  };
  set("message_id", payload.messageIdRaw !== undefined && idToString(payload.messageIdRaw) === content.messageId ? payload.messageIdRaw : content.messageId);
  set(
    "correlation_id",
    payload.correlationIdRaw !== undefined && idToString(payload.correlationIdRaw) === content.correlationId
      ? payload.correlationIdRaw
      : content.correlationId,
  );
  set("to", content.to);
  set("reply_to", content.replyTo);
  set("subject", content.subject);
  set("group_id", content.sessionId);
  set("reply_to_group_id", content.replyToSessionId);
  set("content_type", content.contentType);
  set("ttl", content.timeToLiveMs);
  set("durable", payload.durable);
  set("priority", payload.priority);
  set("first_acquirer", payload.firstAcquirer);
  set("user_id", payload.userId);
  set("absolute_expiry_time", payload.absoluteExpiryTime);
  set("creation_time", payload.creationTime);
  set("group_sequence", payload.groupSequence);
  set("footer", payload.footer);
  return message;
}

// Rule actions may compute longs beyond 2^53 (bigint); AMQP carries them as long.
function wireProperties(properties: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(properties)) {
    if (typeof value !== "bigint") continue;
    out ??= { ...properties };
    const buf = Buffer.alloc(8);
    buf.writeBigInt64BE(value);
    out[key] = types.wrap_long(buf);
  }
  return out ?? properties;
}

export function encodeStored(stored: StoredMessage, facts: DeliveryFacts = {}): Buffer {
  return rhea.message.encode(fromStored(stored, facts));
}
