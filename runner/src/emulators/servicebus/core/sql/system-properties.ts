// The `sys.` properties a filter can read and an action can write, with Service Bus's own spelling.
// Names are matched case-insensitively, as the docs say of all property names (sys.label = sys.Label).

/**
 * Readable system properties: the public properties of a Service Bus message (BrokeredMessage /
 * ServiceBusReceivedMessage). `Subject` is the newer SDKs' name for `Label`; both read the same value.
 */
const READABLE = [
  "MessageId", "CorrelationId", "To", "ReplyTo", "Label", "SessionId", "ReplyToSessionId", "ContentType",
  "PartitionKey", "ViaPartitionKey", "SequenceNumber", "EnqueuedSequenceNumber", "EnqueuedTimeUtc",
  "ScheduledEnqueueTimeUtc", "TimeToLive", "ExpiresAtUtc", "DeliveryCount", "Size", "LockToken",
  "LockedUntilUtc", "DeadLetterSource", "State",
];

const ALIASES: Record<string, string> = { subject: "Label", transactionpartitionkey: "ViaPartitionKey" };

/** What a SQL rule action may SET or REMOVE: the properties a sender sets; the broker owns the rest. */
const SETTABLE_STRINGS = [
  "MessageId", "CorrelationId", "To", "ReplyTo", "Label", "SessionId", "ReplyToSessionId", "ContentType",
  "PartitionKey", "ViaPartitionKey",
];
const SETTABLE = new Set([...SETTABLE_STRINGS, "TimeToLive", "ScheduledEnqueueTimeUtc"]);

const CANONICAL = new Map<string, string>(READABLE.map((name) => [name.toLowerCase(), name]));
for (const [alias, name] of Object.entries(ALIASES)) CANONICAL.set(alias, name);

/** The canonical name of a system property, or undefined when Service Bus has no such property. */
export function systemPropertyName(name: string): string | undefined {
  return CANONICAL.get(name.toLowerCase());
}

export function isSettableSystemProperty(canonical: string): boolean {
  return SETTABLE.has(canonical);
}

export function isStringSystemProperty(canonical: string): boolean {
  return SETTABLE_STRINGS.includes(canonical);
}

export const READABLE_SYSTEM_PROPERTIES: readonly string[] = READABLE;
export const SETTABLE_SYSTEM_PROPERTIES: readonly string[] = [...SETTABLE];
