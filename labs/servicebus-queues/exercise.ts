// Service Bus queues: fill in each function, then run `npm test` in this folder.
// Every function receives a ServiceBusClient from the caller (dependency injection), so the same code works
// with azlab's emulator, Microsoft's docker emulator and a real namespace (connection string or
// `new ServiceBusClient("<ns>.servicebus.windows.net", new DefaultAzureCredential())`).
// Open senders and receivers only for the work at hand and close them (in `finally`) before returning.
import type { ServiceBusClient } from "@azure/service-bus";

/** An order as the shop sends it. */
export interface Order {
  id: string;
  customer: string;
  amount: number;
}

/** What the consumer did with one message. */
export type Outcome = "completed" | "abandoned" | "dead-lettered" | "no-message";

/** One message read from the dead-letter queue. */
export interface DeadLetter {
  messageId: string;
  reason: string | undefined;
  description: string | undefined;
  body: unknown;
}

/** True when `body` has the shape of an Order (given: the lab is about Service Bus, not validation). */
export function isOrder(body: unknown): body is Order {
  if (typeof body !== "object" || body === null) return false;
  const { id, customer, amount } = body as Record<string, unknown>;
  return typeof id === "string" && typeof customer === "string" && typeof amount === "number" && amount > 0;
}

/**
 * Task 1. Send `order` to the queue as one message: the order itself as the body (the SDK encodes objects as
 * JSON), `messageId` = the order's id, `contentType` "application/json" and `subject` "order".
 */
export async function sendOrder(client: ServiceBusClient, queueName: string, order: Order): Promise<void> {
  // TODO: create a sender for the queue, send one message, close the sender.
  throw new Error("TODO: sendOrder is not implemented yet");
}

/**
 * Task 2. Send all `orders` (each message as in Task 1) with as few network calls as possible: fill a
 * message batch until it is full, send it, start a new one. Return how many batches were sent
 * (0 for an empty list). A single order too large for an empty batch is an error.
 */
export async function sendOrderBatch(client: ServiceBusClient, queueName: string, orders: Order[]): Promise<number> {
  // TODO: sender.createMessageBatch(), batch.tryAddMessage(...) returns false when the batch is full.
  throw new Error("TODO: sendOrderBatch is not implemented yet");
}

/**
 * Task 3. Receive up to `maxCount` messages in peek-lock mode (waiting at most `maxWaitTimeInMs` for the
 * first one), complete each one, and return their bodies in the order received ([] when the queue is empty).
 */
export async function receiveOrders(
  client: ServiceBusClient,
  queueName: string,
  maxCount: number,
  maxWaitTimeInMs = 1000,
): Promise<Order[]> {
  // TODO: a receiver in "peekLock" mode, receiveMessages(...), completeMessage(...) for each.
  throw new Error("TODO: receiveOrders is not implemented yet");
}

/**
 * Tasks 4 and 5. Receive one message in peek-lock mode (waiting at most `maxWaitTimeInMs`) and settle it:
 * - no message: return "no-message";
 * - Task 5: its body is not an Order (see `isOrder`): it will never succeed, so dead-letter it with reason
 *   "InvalidOrder" and a description saying what is wrong, without calling `handle`; return "dead-lettered";
 * - Task 4: `handle(order)` resolves: complete the message, return "completed";
 *   `handle(order)` throws: abandon the message so that it is redelivered at once, recording the error
 *   message in the application property `lastError`; return "abandoned".
 */
export async function processNext(
  client: ServiceBusClient,
  queueName: string,
  handle: (order: Order) => Promise<void>,
  maxWaitTimeInMs = 1000,
): Promise<Outcome> {
  // TODO: receive one message, then complete, abandon or dead-letter it.
  throw new Error("TODO: processNext is not implemented yet");
}

/**
 * Task 6. Read up to `maxCount` messages from the queue's dead-letter queue, complete them (so they are
 * removed from it) and return each one's id, dead-letter reason, description and body.
 */
export async function readDeadLetters(
  client: ServiceBusClient,
  queueName: string,
  maxCount: number,
  maxWaitTimeInMs = 1000,
): Promise<DeadLetter[]> {
  // TODO: a receiver for the dead-letter sub-queue of `queueName`.
  throw new Error("TODO: readDeadLetters is not implemented yet");
}
