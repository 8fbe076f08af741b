// Service Bus sessions: fill in each function, then run `npm test` in this folder.
// The queue has sessions enabled (RequiresSession): every message must carry a sessionId, and a receiver locks one
// whole session at a time. Every function receives its ServiceBusClient and the queue name from the caller.
import type { ServiceBusClient } from "@azure/service-bus";

/** One event of a customer's account, numbered 1, 2, 3... per customer. */
export interface CustomerEvent {
  customerId: string;
  seq: number;
  amount: number;
}

/** What a customer's session remembers between receivers, kept by the broker as session state. */
export interface RunningTotal {
  total: number;
  count: number;
  /** The `seq` of the last event counted (0 before any). */
  lastSeq: number;
}

/**
 * Task 1. Send `events` in the given order, each as one message: the event as the body, `sessionId` = its
 * customerId (so one customer's events are delivered in order, to one receiver at a time) and
 * `messageId` = `${customerId}-${seq}`.
 */
export async function sendEvents(client: ServiceBusClient, queueName: string, events: CustomerEvent[]): Promise<void> {
  // TODO: one sender; sendMessages accepts an array (one call keeps the order).
  throw new Error("TODO: sendEvents is not implemented yet");
}

/**
 * Task 2. Lock the session `customerId`, receive all of its messages (until a receive returns nothing within
 * `maxWaitTimeInMs`), complete them, and return their events in the order received.
 * Other customers' messages must stay in the queue.
 */
export async function readCustomer(
  client: ServiceBusClient,
  queueName: string,
  customerId: string,
  maxWaitTimeInMs = 500,
): Promise<CustomerEvent[]> {
  // TODO: client.acceptSession(queueName, sessionId) returns a session receiver; close it when done.
  throw new Error("TODO: readCustomer is not implemented yet");
}

/**
 * Task 3. Lock whichever session has messages waiting (you do not know the customer ids), read all of its
 * messages as in Task 2 and return the customer id with the events. Called again, it gets another customer:
 * a session whose messages were all completed has nothing left to hand out.
 */
export async function processNextCustomer(
  client: ServiceBusClient,
  queueName: string,
  maxWaitTimeInMs = 500,
): Promise<{ customerId: string; events: CustomerEvent[] }> {
  // TODO: client.acceptNextSession(queueName); the receiver's sessionId says which session you got.
  throw new Error("TODO: processNextCustomer is not implemented yet");
}

/**
 * Task 4. Lock the session `customerId`, read its running total from the session state (none yet =
 * { total: 0, count: 0, lastSeq: 0 }), add every waiting event whose seq is greater than `lastSeq` (an event
 * with seq <= lastSeq was already counted: a redelivery, skip it), save the new state, complete the messages,
 * and return the new state. Saving the state must happen before completing, so a crash in between can only
 * cause a redelivery that the lastSeq check skips, never a lost event.
 */
export async function updateRunningTotal(
  client: ServiceBusClient,
  queueName: string,
  customerId: string,
  maxWaitTimeInMs = 500,
): Promise<RunningTotal> {
  // TODO: receiver.getSessionState() / receiver.setSessionState(state) on the session receiver.
  throw new Error("TODO: updateRunningTotal is not implemented yet");
}
