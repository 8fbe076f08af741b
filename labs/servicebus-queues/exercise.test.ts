// Tests for the servicebus-queues lab. Each test makes its own queue (2-second locks, so nothing waits for
// Azure's 60-second default) and checks the outcome with its own SDK client, not through your code.
import { afterAll, describe, expect, it } from "vitest";
import { ServiceBusClient, type ServiceBusReceivedMessage } from "@azure/service-bus";
import { createTestQueue, serviceBusConnectionString } from "@azlab/runner/testing/servicebus";
import { processNext, readDeadLetters, receiveOrders, sendOrder, sendOrderBatch, type Order } from "./exercise.js";

const client = new ServiceBusClient(serviceBusConnectionString());
afterAll(() => client.close());

const newQueue = (label: string) => createTestQueue(label, { LockDuration: "PT2S", MaxDeliveryCount: 5 });

const order = (n: number, extra: Partial<Order> = {}): Order => ({ id: `order-${n}`, customer: `customer-${n % 3}`, amount: 10 * n, ...extra });

/** Receives up to `count` messages with the test's own receiver and completes them. */
async function drain(queue: string, count: number, options: { subQueueType?: "deadLetter" } = {}): Promise<ServiceBusReceivedMessage[]> {
  const receiver = client.createReceiver(queue, options);
  try {
    const received: ServiceBusReceivedMessage[] = [];
    while (received.length < count) {
      const messages = await receiver.receiveMessages(count - received.length, { maxWaitTimeInMs: 1000 });
      if (messages.length === 0) break;
      for (const message of messages) await receiver.completeMessage(message);
      received.push(...messages);
    }
    return received;
  } finally {
    await receiver.close();
  }
}

/** Peek neither locks nor removes: it shows what is still in the queue, locked or not. */
async function peekAll(queue: string, options: { subQueueType?: "deadLetter" } = {}): Promise<ServiceBusReceivedMessage[]> {
  const receiver = client.createReceiver(queue, options);
  try {
    return await receiver.peekMessages(100);
  } finally {
    await receiver.close();
  }
}

async function sendRaw(queue: string, messages: Parameters<ReturnType<ServiceBusClient["createSender"]>["sendMessages"]>[0]) {
  const sender = client.createSender(queue);
  try {
    await sender.sendMessages(messages);
  } finally {
    await sender.close();
  }
}

describe("1. Send a message", () => {
  it("sends the order as a JSON body with its id as messageId, a content type and a subject", async () => {
    const queue = await newQueue("send");
    await sendOrder(client, queue, order(1));

    const [message] = await drain(queue, 1);
    expect(message, "one message in the queue").toBeDefined();
    expect(await peekAll(queue), "no second message").toEqual([]);
    expect(message!.body).toEqual(order(1));
    expect(message!.messageId).toBe("order-1");
    expect(message!.contentType).toBe("application/json");
    expect(message!.subject).toBe("order");
  });
});

describe("2. Send a batch", () => {
  it("sends a few orders in one batch, in order", async () => {
    const queue = await newQueue("batch-small");
    const orders = [order(1), order(2), order(3)];
    expect(await sendOrderBatch(client, queue, orders)).toBe(1);

    const received = await drain(queue, 3);
    expect(received.map((m) => m.body)).toEqual(orders);
    expect(await peekAll(queue), "no extra messages").toEqual([]);
    expect(received.map((m) => m.messageId)).toEqual(["order-1", "order-2", "order-3"]);
  });

  it("splits orders that do not fit in one message into several batches, losing none", async () => {
    const queue = await newQueue("batch-large");
    // 60 orders of about 10 KB are about 600 KB: more than one 256 KB message can carry.
    const orders = Array.from({ length: 60 }, (_, i) => ({ ...order(i + 1), note: "x".repeat(10_000) }));
    const batches = await sendOrderBatch(client, queue, orders);
    expect(batches, "number of batches sent").toBeGreaterThanOrEqual(3);
    expect(batches).toBeLessThanOrEqual(5);

    const received = await drain(queue, 60);
    expect(received.map((m) => m.messageId)).toEqual(orders.map((o) => o.id));
    expect(await peekAll(queue), "no extra messages").toEqual([]);
  });
});

describe("3. Receive and complete", () => {
  it("returns the orders and removes them from the queue", async () => {
    const queue = await newQueue("receive");
    await sendRaw(queue, [order(1), order(2), order(3)].map((o) => ({ body: o, messageId: o.id })));

    const orders = await receiveOrders(client, queue, 10);
    expect(orders).toEqual([order(1), order(2), order(3)]);
    // Completed messages are gone; merely received ones would still be there (locked).
    expect(await peekAll(queue)).toEqual([]);
    expect(await receiveOrders(client, queue, 10, 200)).toEqual([]);
  });
});

describe("4. Abandon on failure", () => {
  it("abandons a failed message so it comes back at once, then completes it when the handler succeeds", async () => {
    // A 10-second lock: if the message is not abandoned, it cannot come back within this test's waits.
    const queue = await createTestQueue("abandon", { LockDuration: "PT10S", MaxDeliveryCount: 5 });
    await sendRaw(queue, { body: order(7), messageId: "order-7" });

    const failing = async () => {
      throw new Error("payment service unavailable");
    };
    expect(await processNext(client, queue, failing)).toBe("abandoned");

    const receiver = client.createReceiver(queue);
    try {
      const [again] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2000 });
      expect(again, "the abandoned message is available again right away").toBeDefined();
      expect(again!.deliveryCount, "abandon counts as a delivery attempt").toBe(1);
      expect(again!.applicationProperties?.lastError).toBe("payment service unavailable");
      await receiver.abandonMessage(again!);
    } finally {
      await receiver.close();
    }

    const handled: Order[] = [];
    expect(await processNext(client, queue, async (o) => void handled.push(o))).toBe("completed");
    expect(handled).toEqual([order(7)]);
    expect(await peekAll(queue)).toEqual([]);
    expect(await processNext(client, queue, async () => {}, 200)).toBe("no-message");
  });
});

describe("5. Dead-letter a poison message", () => {
  it("dead-letters a message that is not an order, with a reason and description, without calling the handler", async () => {
    const queue = await newQueue("poison");
    await sendRaw(queue, { body: { id: "order-9", customer: "c", amount: "lots" }, messageId: "order-9" });

    let calls = 0;
    expect(await processNext(client, queue, async () => void calls++)).toBe("dead-lettered");
    expect(calls, "the handler must not run for a poison message").toBe(0);
    expect(await peekAll(queue), "nothing left in the queue itself").toEqual([]);

    const [dead] = await drain(queue, 1, { subQueueType: "deadLetter" });
    expect(dead, "the message is in the dead-letter queue").toBeDefined();
    expect(dead!.messageId).toBe("order-9");
    expect(dead!.deadLetterReason).toBe("InvalidOrder");
    expect(dead!.deadLetterErrorDescription, "a description saying what is wrong").toMatch(/\S/);
  });
});

describe("6. Read the dead-letter queue", () => {
  it("returns each dead letter's id, reason, description and body, and removes them", async () => {
    const queue = await newQueue("dlq");
    await sendRaw(queue, [
      { body: order(1), messageId: "order-1" },
      { body: "not json at all", messageId: "order-2" },
    ]);
    // The test dead-letters both messages itself.
    const receiver = client.createReceiver(queue);
    try {
      const messages: ServiceBusReceivedMessage[] = [];
      while (messages.length < 2) {
        const got = await receiver.receiveMessages(2 - messages.length, { maxWaitTimeInMs: 2000 });
        if (got.length === 0) break;
        messages.push(...got);
      }
      expect(messages).toHaveLength(2);
      await receiver.deadLetterMessage(messages[0]!, { deadLetterReason: "CustomerBlocked", deadLetterErrorDescription: "customer-1 is blocked" });
      await receiver.deadLetterMessage(messages[1]!, { deadLetterReason: "InvalidOrder", deadLetterErrorDescription: "not JSON" });
    } finally {
      await receiver.close();
    }

    const letters = await readDeadLetters(client, queue, 10);
    expect(letters).toEqual([
      { messageId: "order-1", reason: "CustomerBlocked", description: "customer-1 is blocked", body: order(1) },
      { messageId: "order-2", reason: "InvalidOrder", description: "not JSON", body: "not json at all" },
    ]);
    expect(await peekAll(queue, { subQueueType: "deadLetter" }), "the dead-letter queue is empty afterwards").toEqual([]);
  });
});
