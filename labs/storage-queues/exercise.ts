// Queue storage: send, receive, delete and poison handling. Fill in each function, then run `npm test` in
// this folder. The clients are passed in by the caller, so the same code runs against Azurite or Azure.
import type { QueueClient, QueueServiceClient } from "@azure/storage-queue";

/** A message taken from the queue: its parsed JSON body and what you need to delete or update it later. */
export interface ReceivedMessage {
  messageId: string;
  popReceipt: string;
  dequeueCount: number;
  body: unknown;
}

/** What processNext did with the queue's next message. */
export type ProcessOutcome = "empty" | "completed" | "retry" | "poisoned";

export interface ProcessOptions {
  /** How long the message stays hidden from other consumers while the handler runs. */
  visibilityTimeoutSeconds: number;
  /** After this many failed deliveries the message goes to `<queue>-poison` (Azure Functions' default is 5). */
  maxDequeueCount: number;
}

/**
 * Task 1. Send `body` to the queue as JSON text. The message must expire (disappear unprocessed) after
 * `timeToLiveSeconds`. Return the message ID the service assigned.
 */
export async function sendJson(queue: QueueClient, body: unknown, timeToLiveSeconds: number): Promise<string> {
  // TODO: serialise the body and send it with a time-to-live.
  throw new Error("TODO: sendJson is not implemented yet");
}

/**
 * Task 2. Receive ONE message, hiding it from other consumers for `visibilityTimeoutSeconds`, and return it
 * with its body parsed from JSON. Return `undefined` when the queue has no visible message.
 * Receiving must not delete the message.
 */
export async function receiveJson(
  queue: QueueClient,
  visibilityTimeoutSeconds: number,
): Promise<ReceivedMessage | undefined> {
  // TODO: receive a single message with a visibility timeout; map the SDK's item to ReceivedMessage.
  throw new Error("TODO: receiveJson is not implemented yet");
}

/**
 * Tasks 3 and 4. Take the next message from the queue `queueName` and run `handler` on its parsed body.
 *
 * Task 3:
 * - no visible message: return "empty";
 * - the handler succeeds: delete the message and return "completed";
 * - the handler throws: make the message visible again at once (so it is retried) and return "retry".
 *
 * Task 4, poison messages (as Azure Functions does):
 * - the handler throws and this was delivery number `maxDequeueCount` or later: copy the message text to the
 *   queue `<queueName>-poison` (create it if needed), delete the original and return "poisoned";
 * - the message has already been delivered MORE than `maxDequeueCount` times (earlier consumers crashed):
 *   move it the same way without calling the handler.
 */
export async function processNext(
  service: QueueServiceClient,
  queueName: string,
  handler: (body: unknown) => Promise<void> | void,
  options: ProcessOptions,
): Promise<ProcessOutcome> {
  // TODO: receive with options.visibilityTimeoutSeconds, run the handler, then delete / update / move.
  // Each received message carries a `dequeueCount` and a `popReceipt`.
  throw new Error("TODO: processNext is not implemented yet");
}
