// The broker's error catalog: one class, with the codes the @azure/service-bus SDK shows to users
// (ServiceBusError.code) so the AMQP adapter can map each to the condition Azure sends.

export type BrokerErrorCode =
  | "MessagingEntityNotFound"
  | "MessagingEntityAlreadyExists"
  | "MessageSizeExceeded"
  | "QuotaExceeded"
  | "MessageLockLost"
  | "SessionLockLost"
  | "SessionCannotBeLocked"
  | "MessageNotFound"
  | "InvalidOperation"
  | "ArgumentError"
  | "ServiceTimeout"
  | "Unauthorized";

export class BrokerError extends Error {
  constructor(
    readonly code: BrokerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "BrokerError";
  }
}

// Azure appends a tracking link to most messages; we keep the text users search for and drop the ids.
const MORE = "To know more visit https://aka.ms/sbResourceMgrExceptions.";

export const brokerErrors = {
  entityNotFound: (path: string) =>
    new BrokerError("MessagingEntityNotFound", `The messaging entity '${path}' could not be found. ${MORE}`),
  entityExists: (path: string) =>
    new BrokerError("MessagingEntityAlreadyExists", `The messaging entity '${path}' already exists. ${MORE}`),
  ruleExists: (name: string) =>
    new BrokerError("MessagingEntityAlreadyExists", `The messaging entity '${name}' already exists. ${MORE}`),
  ruleNotFound: (name: string) =>
    new BrokerError("MessagingEntityNotFound", `The messaging entity '${name}' could not be found. ${MORE}`),
  messageTooLarge: (size: number, limit: number) =>
    new BrokerError(
      "MessageSizeExceeded",
      `The received message (delivery-id:0, size:${size} bytes) exceeds the limit (${limit} bytes) currently allowed on the link.`,
    ),
  quota: (what: string, limit: number) =>
    new BrokerError("QuotaExceeded", `The maximum number of ${what} allowed (${limit}) has been reached.`),
  lockLost: () =>
    new BrokerError(
      "MessageLockLost",
      "The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue, or was received by a different receiver instance.",
    ),
  sessionLockLost: (sessionId: string) =>
    new BrokerError(
      "SessionLockLost",
      `The session lock has expired on the MessageSession '${sessionId}'. Accept a new MessageSession.`,
    ),
  sessionLocked: (sessionId: string) =>
    new BrokerError(
      "SessionCannotBeLocked",
      `The requested session '${sessionId}' cannot be accepted. It may be locked by another receiver.`,
    ),
  noSessionAvailable: () =>
    new BrokerError("ServiceTimeout", "The operation did not complete within the allocated time: no unlocked session is available."),
  messageNotFound: (sequenceNumber: number) =>
    new BrokerError(
      "MessageNotFound",
      `Failed to retrieve the message with sequence number ${sequenceNumber}: the message does not exist or has already been settled.`,
    ),
  sessionIdMissing: () =>
    new BrokerError(
      "InvalidOperation",
      "The SessionId was not set on a message, and it cannot be sent to the entity. Entities that have session support enabled can only receive messages that have the SessionId set to a valid value.",
    ),
  sessionfulReceiverRequired: () =>
    new BrokerError(
      "InvalidOperation",
      "It is not possible for an entity that requires sessions to create a non-sessionful message receiver.",
    ),
  sessionsNotSupported: () =>
    new BrokerError(
      "InvalidOperation",
      "It is not possible for an entity that does not require sessions to create a sessionful message receiver.",
    ),
};
