// Tests for the servicebus-sessions lab. Each test makes its own session-enabled queue (2-second locks) and checks
// the outcome with its own SDK client: it sends with its own sender and opens sessions itself.
import { afterAll, describe, expect, it } from "vitest";
import { ServiceBusClient, type ServiceBusReceivedMessage } from "@azure/service-bus";
import { createTestQueue, serviceBusConnectionString } from "@azlab/runner/testing/servicebus";
import { processNextCustomer, readCustomer, sendEvents, updateRunningTotal, type CustomerEvent } from "./exercise.js";

const client = new ServiceBusClient(serviceBusConnectionString());
afterAll(() => client.close());

const newSessionQueue = (label: string) => createTestQueue(label, { RequiresSession: true, LockDuration: "PT2S", MaxDeliveryCount: 5 });

const event = (customerId: string, seq: number, amount: number): CustomerEvent => ({ customerId, seq, amount });

/** Alice's and Bob's events, interleaved as they happened. */
const interleaved = [
  event("alice", 1, 10),
  event("bob", 1, 5),
  event("alice", 2, 20),
  event("alice", 3, 30),
  event("bob", 2, 7),
];

async function send(queue: string, events: CustomerEvent[]) {
  const sender = client.createSender(queue);
  try {
    await sender.sendMessages(events.map((e) => ({ body: e, sessionId: e.customerId, messageId: `${e.customerId}-${e.seq}` })));
  } finally {
    await sender.close();
  }
}

/** Everything in one session, completed; [] when it is empty. The test's own session receiver. */
async function drainSession(queue: string, sessionId: string): Promise<ServiceBusReceivedMessage[]> {
  const receiver = await client.acceptSession(queue, sessionId);
  try {
    const received: ServiceBusReceivedMessage[] = [];
    for (;;) {
      const messages = await receiver.receiveMessages(50, { maxWaitTimeInMs: 300 });
      if (messages.length === 0) return received;
      for (const message of messages) await receiver.completeMessage(message);
      received.push(...messages);
    }
  } finally {
    await receiver.close();
  }
}

async function sessionState(queue: string, sessionId: string): Promise<unknown> {
  const receiver = await client.acceptSession(queue, sessionId);
  try {
    return await receiver.getSessionState();
  } finally {
    await receiver.close();
  }
}

describe("1. Send events in sessions", () => {
  it("sends each customer's events in their own session, in order, with ids", async () => {
    const queue = await newSessionQueue("send");
    await sendEvents(client, queue, interleaved);

    const alice = await drainSession(queue, "alice");
    expect(alice.map((m) => m.body)).toEqual([event("alice", 1, 10), event("alice", 2, 20), event("alice", 3, 30)]);
    expect(alice.map((m) => m.sessionId)).toEqual(["alice", "alice", "alice"]);
    expect(alice.map((m) => m.messageId)).toEqual(["alice-1", "alice-2", "alice-3"]);
    const bob = await drainSession(queue, "bob");
    expect(bob.map((m) => m.body)).toEqual([event("bob", 1, 5), event("bob", 2, 7)]);
  });
});

describe("2. Read one customer's session", () => {
  it("returns only that customer's events, in order, and leaves the others in the queue", async () => {
    const queue = await newSessionQueue("read");
    await send(queue, interleaved);

    expect(await readCustomer(client, queue, "bob")).toEqual([event("bob", 1, 5), event("bob", 2, 7)]);
    expect(await drainSession(queue, "bob"), "Bob's messages were completed").toEqual([]);
    // Closing the session receiver released the lock, so the test can open Alice's session at once.
    expect((await drainSession(queue, "alice")).map((m) => m.messageId)).toEqual(["alice-1", "alice-2", "alice-3"]);
  });
});

describe("3. Accept the next available session", () => {
  it("gets each waiting customer once, with that customer's events in order", async () => {
    const queue = await newSessionQueue("next");
    await send(queue, interleaved);

    const first = await processNextCustomer(client, queue);
    const second = await processNextCustomer(client, queue);
    const byCustomer = Object.fromEntries([first, second].map((r) => [r.customerId, r.events]));
    expect(Object.keys(byCustomer).sort(), "two different customers").toEqual(["alice", "bob"]);
    expect(byCustomer.alice).toEqual([event("alice", 1, 10), event("alice", 2, 20), event("alice", 3, 30)]);
    expect(byCustomer.bob).toEqual([event("bob", 1, 5), event("bob", 2, 7)]);
    expect(await drainSession(queue, "alice"), "messages were completed").toEqual([]);
    expect(await drainSession(queue, "bob")).toEqual([]);
  });
});

describe("4. Keep a running total in session state", () => {
  it("starts from zero, saves the total in session state and continues from it later", async () => {
    const queue = await newSessionQueue("total");
    await send(queue, [event("alice", 1, 10), event("bob", 1, 1000), event("alice", 2, 20), event("alice", 3, 30)]);

    expect(await updateRunningTotal(client, queue, "alice")).toEqual({ total: 60, count: 3, lastSeq: 3 });
    expect(await sessionState(queue, "alice"), "the state is stored by the broker").toEqual({ total: 60, count: 3, lastSeq: 3 });
    expect(await drainSession(queue, "alice"), "the events were completed").toEqual([]);

    // A later run (another process, another day) picks up where the state says.
    await send(queue, [event("alice", 4, 15), event("alice", 5, 25)]);
    expect(await updateRunningTotal(client, queue, "alice")).toEqual({ total: 100, count: 5, lastSeq: 5 });
    expect(await sessionState(queue, "bob"), "Bob's session was not touched").toBeFalsy();
  });

  it("skips an event that was already counted when it is delivered again", async () => {
    const queue = await newSessionQueue("redeliver");
    // The state says event 1 was counted, but its message is still in the queue: the last run crashed after
    // saving the state and before completing the message.
    const receiver = await client.acceptSession(queue, "carol");
    try {
      await receiver.setSessionState({ total: 30, count: 1, lastSeq: 1 });
    } finally {
      await receiver.close();
    }
    await send(queue, [event("carol", 1, 30), event("carol", 2, 5), event("carol", 3, 7)]);

    expect(await updateRunningTotal(client, queue, "carol")).toEqual({ total: 42, count: 3, lastSeq: 3 });
    expect(await sessionState(queue, "carol")).toEqual({ total: 42, count: 3, lastSeq: 3 });
    expect(await drainSession(queue, "carol"), "the redelivered event was completed too").toEqual([]);
  });
});
