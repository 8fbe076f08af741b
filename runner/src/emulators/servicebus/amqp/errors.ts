// Maps broker errors onto what Azure puts on the wire: an AMQP error condition (links, dispositions) or a
// status code + condition ($management and $cbs replies). The SDK turns these into ServiceBusError codes.
import { BrokerError, type BrokerErrorCode } from "../core/errors.js";

const conditions: Record<BrokerErrorCode, { condition: string; status: number }> = {
  MessagingEntityNotFound: { condition: "amqp:not-found", status: 404 },
  MessagingEntityAlreadyExists: { condition: "com.microsoft:entity-already-exists", status: 409 },
  MessageSizeExceeded: { condition: "amqp:link:message-size-exceeded", status: 413 },
  QuotaExceeded: { condition: "amqp:resource-limit-exceeded", status: 403 },
  MessageLockLost: { condition: "com.microsoft:message-lock-lost", status: 410 },
  SessionLockLost: { condition: "com.microsoft:session-lock-lost", status: 410 },
  SessionCannotBeLocked: { condition: "com.microsoft:session-cannot-be-locked", status: 410 },
  MessageNotFound: { condition: "com.microsoft:message-not-found", status: 404 },
  InvalidOperation: { condition: "amqp:not-allowed", status: 400 },
  ArgumentError: { condition: "com.microsoft:argument-error", status: 400 },
  ServiceTimeout: { condition: "com.microsoft:timeout", status: 408 },
  Unauthorized: { condition: "amqp:unauthorized-access", status: 401 },
};

export interface AmqpError {
  condition: string;
  description: string;
}

export function toAmqpError(error: unknown): AmqpError & { status: number } {
  if (error instanceof BrokerError) {
    const { condition, status } = conditions[error.code];
    return { condition, status, description: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { condition: "amqp:internal-error", status: 500, description: `The emulator failed on this request: ${message}` };
}
