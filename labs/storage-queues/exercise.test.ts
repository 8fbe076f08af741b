// Tests for the storage-queues lab. Each test uses its own queue and checks the outcome with its own client.
import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { QueueServiceClient, type QueueClient } from "@azure/storage-queue";
import { processNext, receiveJson, sendJson, type ProcessOutcome } from "./exercise.js";

const connectionString = process.env.AZURE_STORAGE_CONNECTION_STRING;
if (!connectionString) {
  throw new Error(
    "AZURE_STORAGE_CONNECTION_STRING is not set. Run `npm test` in this lab's folder (it starts Azurite for you), " +
      "or export the connection string printed by `npx azlab emulators`.",
  );
}
const service = QueueServiceClient.fromConnectionString(connectionString);
const createdQueues: string[] = [];

/** A new empty queue with a unique name, so tests can run in parallel against one account. */
async function freshQueue(label: string): Promise<QueueClient> {
  const name = `${label}-${randomUUID().slice(0, 8)}`;
  createdQueues.push(name, `${name}-poison`);
  const queue = service.getQueueClient(name);
  await queue.create();
  return queue;
}

async function messageCount(queue: QueueClient): Promise<number> {
  // Counts hidden (received but not deleted) messages too, so it shows whether a message was really deleted.
  return (await queue.getProperties()).approximateMessagesCount ?? 0;
}

/** Polls (peek does not change the message) until a message is visible, or fails after `withinMs`. */
async function waitUntilVisible(queue: QueueClient, withinMs: number) {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const [message] = (await queue.peekMessages()).peekedMessageItems;
    if (message) return message;
    if (Date.now() > deadline) {
      throw new Error(`No message became visible again within ${withinMs} ms: was the visibility timeout used?`);
    }
    await delay(100);
  }
}

afterAll(async () => {
  await Promise.all(createdQueues.map((name) => service.getQueueClient(name).deleteIfExists()));
});

describe("1. Send a message", () => {
  it("sends the body as JSON text with the requested time-to-live", async () => {
    const queue = await freshQueue("send");
    const order = { orderId: "o-1042", items: [{ sku: "kb-01", quantity: 2 }], express: true };
    const messageId = await sendJson(queue, order, 3600);

    const [message] = (await queue.receiveMessages()).receivedMessageItems;
    expect(message, "a message in the queue").toBeDefined();
    expect(message!.messageId).toBe(messageId);
    expect(JSON.parse(message!.messageText)).toEqual(order);
    const ttlSeconds = (message!.expiresOn.getTime() - message!.insertedOn.getTime()) / 1000;
    expect(ttlSeconds, "expiresOn - insertedOn in seconds").toBeCloseTo(3600, -1);
  });
});

describe("2. Receive with a visibility timeout", () => {
  it("hides the received message for the timeout, then it comes back", async () => {
    const queue = await freshQueue("receive");
    const sent = await queue.sendMessage(JSON.stringify({ task: "resize", width: 640 }));

    const received = await receiveJson(queue, 2);
    expect(received).toMatchObject({ messageId: sent.messageId, dequeueCount: 1, body: { task: "resize", width: 640 } });
    expect(typeof received?.popReceipt).toBe("string");

    // Hidden from other consumers, but not deleted.
    expect((await queue.peekMessages()).peekedMessageItems).toEqual([]);
    expect(await messageCount(queue)).toBe(1);

    // Not deleted, so it is delivered again once the 2 s visibility timeout has passed.
    const again = await waitUntilVisible(queue, 8000);
    expect(again.messageId).toBe(sent.messageId);
    expect(again.dequeueCount).toBe(1);
  }, 15_000);

  it("returns undefined when the queue is empty", async () => {
    const queue = await freshQueue("receive-empty");
    expect(await receiveJson(queue, 30)).toBeUndefined();
  });
});

describe("3. Delete after processing", () => {
  const options = { visibilityTimeoutSeconds: 30, maxDequeueCount: 5 };

  it("deletes the message when the handler succeeds, and reports an empty queue", async () => {
    const queue = await freshQueue("process");
    await queue.sendMessage(JSON.stringify({ invoice: 77 }));
    const seen: unknown[] = [];

    expect(await processNext(service, queue.name, (body) => void seen.push(body), options)).toBe("completed");
    expect(seen).toEqual([{ invoice: 77 }]);
    expect(await messageCount(queue), "messages left in the queue").toBe(0);

    expect(await processNext(service, queue.name, (body) => void seen.push(body), options)).toBe("empty");
    expect(seen).toHaveLength(1);
  });

  it("keeps a failed message and makes it visible again at once", async () => {
    const queue = await freshQueue("process-fail");
    await queue.sendMessage(JSON.stringify({ invoice: 78 }));

    const outcome = await processNext(service, queue.name, () => {
      throw new Error("payment API unavailable");
    }, options);
    expect(outcome).toBe("retry");

    // No waiting for the 30 s visibility timeout: the failed message is available for the next attempt now.
    const [next] = (await queue.receiveMessages()).receivedMessageItems;
    expect(next, "the failed message, visible again").toBeDefined();
    expect(JSON.parse(next!.messageText)).toEqual({ invoice: 78 });
    expect(next!.dequeueCount).toBe(2);
  });
});

describe("4. Move poison messages", () => {
  it("moves a message to <queue>-poison after maxDequeueCount failed attempts", async () => {
    const queue = await freshQueue("poison");
    const text = JSON.stringify({ email: "not-an-address" });
    await queue.sendMessage(text);
    const failing = () => {
      throw new Error("invalid address");
    };

    const outcomes: ProcessOutcome[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      outcomes.push(await processNext(service, queue.name, failing, { visibilityTimeoutSeconds: 30, maxDequeueCount: 3 }));
    }
    expect(outcomes).toEqual(["retry", "retry", "poisoned"]);
    expect(await messageCount(queue), "messages left in the original queue").toBe(0);

    const poison = service.getQueueClient(`${queue.name}-poison`);
    const poisoned = (await poison.receiveMessages({ numberOfMessages: 32 })).receivedMessageItems;
    expect(poisoned.map((message) => message.messageText)).toEqual([text]);
  });

  it("moves a message already delivered too often without running the handler", async () => {
    const queue = await freshQueue("poison-crashed");
    const text = JSON.stringify({ report: "q3" });
    await queue.sendMessage(text);
    // Two consumers received it and "crashed" (never deleted it): dequeueCount is now 2.
    for (let delivery = 0; delivery < 2; delivery++) {
      const [message] = (await queue.receiveMessages({ visibilityTimeout: 30 })).receivedMessageItems;
      await queue.updateMessage(message!.messageId, message!.popReceipt, undefined, 0);
    }

    let handlerCalls = 0;
    const outcome = await processNext(service, queue.name, () => void handlerCalls++, {
      visibilityTimeoutSeconds: 30,
      maxDequeueCount: 2,
    });
    expect(outcome).toBe("poisoned");
    expect(handlerCalls, "handler calls").toBe(0);
    expect(await messageCount(queue)).toBe(0);
    const [poisoned] = (await service.getQueueClient(`${queue.name}-poison`).peekMessages()).peekedMessageItems;
    expect(poisoned?.messageText).toBe(text);
  });
});
