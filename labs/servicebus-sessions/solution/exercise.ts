// Reference solution for the servicebus-sessions lab.
import type { ServiceBusClient, ServiceBusMessage, ServiceBusSessionReceiver } from "@azure/service-bus";

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

export async function sendEvents(client: ServiceBusClient, queueName: string, events: CustomerEvent[]): Promise<void> {
  const sender = client.createSender(queueName);
  try {
    const messages: ServiceBusMessage[] = events.map((event) => ({
      body: event,
      // The session id is the ordering key: FIFO holds within a session, and one receiver owns it at a time.
      sessionId: event.customerId,
      messageId: `${event.customerId}-${event.seq}`,
    }));
    // One call sends one batch, in order. (For more than 256 KB use createMessageBatch, see servicebus-queues.)
    await sender.sendMessages(messages);
  } finally {
    await sender.close();
  }
}

/** Receives until the session is empty, handing each batch to `handle` before it is completed. */
async function drainSession(
  receiver: ServiceBusSessionReceiver,
  maxWaitTimeInMs: number,
  handle: (events: CustomerEvent[]) => Promise<void> = async () => {},
): Promise<CustomerEvent[]> {
  const all: CustomerEvent[] = [];
  for (;;) {
    const messages = await receiver.receiveMessages(100, { maxWaitTimeInMs });
    if (messages.length === 0) return all;
    const events = messages.map((message) => message.body as CustomerEvent);
    await handle(events);
    for (const message of messages) await receiver.completeMessage(message);
    all.push(...events);
  }
}

export async function readCustomer(
  client: ServiceBusClient,
  queueName: string,
  customerId: string,
  maxWaitTimeInMs = 500,
): Promise<CustomerEvent[]> {
  // acceptSession locks this one session: no other receiver gets its messages until we close (or the lock expires).
  const receiver = await client.acceptSession(queueName, customerId);
  try {
    return await drainSession(receiver, maxWaitTimeInMs);
  } finally {
    // Closing releases the session lock at once, so the next receiver need not wait for it to expire.
    await receiver.close();
  }
}

export async function processNextCustomer(
  client: ServiceBusClient,
  queueName: string,
  maxWaitTimeInMs = 500,
): Promise<{ customerId: string; events: CustomerEvent[] }> {
  // The broker picks an unlocked session that has messages; this is how a pool of workers shares sessions.
  const receiver = await client.acceptNextSession(queueName);
  try {
    return { customerId: receiver.sessionId, events: await drainSession(receiver, maxWaitTimeInMs) };
  } finally {
    await receiver.close();
  }
}

function isRunningTotal(value: unknown): value is RunningTotal {
  const v = value as Partial<RunningTotal> | null | undefined;
  return typeof v?.total === "number" && typeof v.count === "number" && typeof v.lastSeq === "number";
}

export async function updateRunningTotal(
  client: ServiceBusClient,
  queueName: string,
  customerId: string,
  maxWaitTimeInMs = 500,
): Promise<RunningTotal> {
  const receiver = await client.acceptSession(queueName, customerId);
  try {
    // The SDK stores the state as JSON bytes and parses it back; a session that never had state returns nothing.
    const saved: unknown = await receiver.getSessionState();
    const state: RunningTotal = isRunningTotal(saved) ? { ...saved } : { total: 0, count: 0, lastSeq: 0 };
    await drainSession(receiver, maxWaitTimeInMs, async (events) => {
      for (const event of events) {
        // At-least-once delivery: an event we already counted can come back (e.g. we crashed after saving the
        // state but before completing). Sessions deliver in order, so "seq <= lastSeq" means "seen".
        if (event.seq <= state.lastSeq) continue;
        state.total += event.amount;
        state.count += 1;
        state.lastSeq = event.seq;
      }
      // Save before completing: the reverse order could lose events if we crashed in between.
      await receiver.setSessionState(state);
    });
    return state;
  } finally {
    await receiver.close();
  }
}
