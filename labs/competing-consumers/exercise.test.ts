// Tests for the competing-consumers lab. Each test makes its own queue with short locks, runs your workers on it
// with a handler that records every effect, and checks the queue and its dead-letter queue with its own client.
import { setTimeout as delay } from "node:timers/promises";
import { afterEach, afterAll, describe, expect, it } from "vitest";
import { ServiceBusClient, type ServiceBusMessage, type ServiceBusReceivedMessage } from "@azure/service-bus";
import { createTestQueue, serviceBusConnectionString } from "@azlab/runner/testing/servicebus";
import {
  runWithLockRenewal,
  startWorkers,
  type Job,
  type JobHandler,
  type ProcessedMessages,
  type WorkerContext,
  type WorkerPool,
} from "./exercise.js";

const client = new ServiceBusClient(serviceBusConnectionString());
afterAll(() => client.close());

const pools: WorkerPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.stop()));
});

/** The test's stand-in for a table with a unique key on the message id; it also counts every call. */
function processedStore() {
  const ids = new Set<string>();
  const tryAddCalls: string[] = [];
  const store: ProcessedMessages = {
    async tryAdd(id) {
      tryAddCalls.push(id);
      if (ids.has(id)) return false;
      ids.add(id);
      return true;
    },
    async remove(id) {
      ids.delete(id);
    },
  };
  return { store, ids, tryAddCalls };
}

/** A handler that records each job's effect and each attempt, with per-kind behaviour. */
function recordingHandler(behaviour: (job: Job, context: WorkerContext, attempt: number) => Promise<void> = async () => {}) {
  const effects: string[] = [];
  const attempts: Array<{ id: string } & WorkerContext> = [];
  const handle: JobHandler = async (job, context) => {
    attempts.push({ id: job.id, ...context });
    await behaviour(job, context, attempts.filter((a) => a.id === job.id).length);
    effects.push(job.id);
  };
  return { handle, effects, attempts, attemptsOf: (id: string) => attempts.filter((a) => a.id === id).length };
}

const job = (id: string, kind = "resize-image"): Job => ({ id, kind });

async function send(queue: string, messages: ServiceBusMessage[]) {
  const sender = client.createSender(queue);
  try {
    await sender.sendMessages(messages);
  } finally {
    await sender.close();
  }
}
const asMessage = (j: Job): ServiceBusMessage => ({ body: j, messageId: j.id });

/** Polls until `condition()` holds; fails with `what` after `withinMs`. */
async function waitFor(what: string, condition: () => boolean | Promise<boolean>, withinMs: number) {
  const deadline = Date.now() + withinMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${withinMs} ms waiting for: ${what}`);
    await delay(25);
  }
}

/** Peek shows every message still in the queue, locked or not. */
async function queueIsEmpty(queue: string): Promise<boolean> {
  const receiver = client.createReceiver(queue);
  try {
    return (await receiver.peekMessages(10)).length === 0;
  } finally {
    await receiver.close();
  }
}

async function deadLetters(queue: string, count: number, withinMs: number): Promise<ServiceBusReceivedMessage[]> {
  const receiver = client.createReceiver(queue, { subQueueType: "deadLetter" });
  try {
    const received: ServiceBusReceivedMessage[] = [];
    const deadline = Date.now() + withinMs;
    while (received.length < count && Date.now() < deadline) {
      const messages = await receiver.receiveMessages(count - received.length, { maxWaitTimeInMs: deadline - Date.now() });
      for (const message of messages) await receiver.completeMessage(message);
      received.push(...messages);
    }
    return received;
  } finally {
    await receiver.close();
  }
}

function start(queue: string, workers: number, handle: JobHandler, store: ProcessedMessages) {
  const errors: unknown[] = [];
  const pool = startWorkers(client, queue, { workers, handle, processed: store, onError: (e) => errors.push(e) });
  pools.push(pool);
  return { pool, errors };
}

describe("1. Start competing workers", () => {
  it("shares the queue between the workers and processes every job once", async () => {
    const queue = await createTestQueue("workers", { LockDuration: "PT2S", MaxDeliveryCount: 3 });
    const jobs = Array.from({ length: 12 }, (_, i) => job(`job-${i + 1}`));
    const { handle, effects, attempts } = recordingHandler(() => delay(60));
    const { store } = processedStore();
    const { pool, errors } = start(queue, 3, handle, store);
    await send(queue, jobs.map(asMessage));

    await waitFor("all 12 jobs processed", () => effects.length >= 12, 10_000);
    await waitFor("the queue to be empty (every message completed)", () => queueIsEmpty(queue), 5_000);
    await pool.stop();
    expect([...effects].sort()).toEqual(jobs.map((j) => j.id).sort());
    const workersUsed = new Set(attempts.map((a) => a.workerId));
    expect(workersUsed.size, "jobs were spread over more than one worker").toBeGreaterThanOrEqual(2);
    expect([...workersUsed].every((id) => id >= 1 && id <= 3), "worker ids are 1..3").toBe(true);
    expect(errors).toEqual([]);
  });
});

describe("2. Process each message once", () => {
  it("completes a duplicate without running the job again", async () => {
    const queue = await createTestQueue("duplicates", { LockDuration: "PT2S", MaxDeliveryCount: 3 });
    const { handle, effects } = recordingHandler(() => delay(20));
    const { store, tryAddCalls } = processedStore();
    const { errors } = start(queue, 3, handle, store);
    // The producer retried two sends after a timeout: jobs b and d arrive twice, with the same messageId.
    await send(queue, ["a", "b", "c", "b", "d", "e", "d"].map((id) => asMessage(job(id))));

    await waitFor("all 7 messages seen", () => tryAddCalls.length >= 7, 10_000);
    await waitFor("the queue to be empty (duplicates completed too)", () => queueIsEmpty(queue), 5_000);
    expect([...effects].sort(), "each job's effect exactly once").toEqual(["a", "b", "c", "d", "e"]);
    expect(errors).toEqual([]);
  });

  it("abandons a failed job so that it is retried at once, and runs it again", async () => {
    // 10-second locks: only an abandon brings the message back within this test's 4-second wait.
    const queue = await createTestQueue("retry", { LockDuration: "PT10S", MaxDeliveryCount: 3 });
    const { handle, effects, attempts, attemptsOf } = recordingHandler(async (j, _context, attempt) => {
      if (j.id === "flaky" && attempt === 1) throw new Error("database timeout");
    });
    const { store, ids } = processedStore();
    start(queue, 2, handle, store);
    await send(queue, ["one", "flaky", "two"].map((id) => asMessage(job(id))));

    await waitFor("the failed job to be retried and succeed", () => effects.includes("flaky"), 4_000);
    await waitFor("the queue to be empty", () => queueIsEmpty(queue), 5_000);
    expect([...effects].sort()).toEqual(["flaky", "one", "two"]);
    expect(attemptsOf("flaky")).toBe(2);
    expect(attempts.find((a) => a.id === "flaky" && a.deliveryCount > 0)?.deliveryCount, "the retry is delivery 1").toBe(1);
    expect(ids.has("flaky"), "the retry's success was recorded").toBe(true);
  });
});

describe("3. Renew the lock of a slow job", () => {
  it("runWithLockRenewal keeps a 2-second lock alive for 3.5 seconds, then stops renewing", async () => {
    const queue = await createTestQueue("renew", { LockDuration: "PT2S", MaxDeliveryCount: 3 });
    await send(queue, [asMessage(job("slow"))]);
    const receiver = client.createReceiver(queue, { maxAutoLockRenewalDurationInMs: 0 });
    try {
      const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 2000 });
      expect(message).toBeDefined();
      const firstLockedUntil = message!.lockedUntilUtc!.getTime();
      let renewals = 0;
      const renew = receiver.renewMessageLock.bind(receiver);
      receiver.renewMessageLock = (m) => {
        renewals++;
        return renew(m);
      };

      const result = await runWithLockRenewal(receiver, message!, async () => {
        await delay(3500);
        return "resized";
      });
      expect(result).toBe("resized");
      expect(renewals, "the lock was renewed").toBeGreaterThanOrEqual(2);
      expect(message!.lockedUntilUtc!.getTime() - firstLockedUntil, "lockedUntilUtc moved forward").toBeGreaterThan(1500);
      // Completing proves the lock is still ours: an expired lock fails with MessageLockLost.
      await receiver.completeMessage(message!);

      const renewalsWhenDone = renewals;
      await delay(1200);
      expect(renewals, "no renewal after the work finished").toBe(renewalsWhenDone);
    } finally {
      await receiver.close();
    }
  });

  it("a worker keeps the lock of a job slower than the lock duration, so it is not redelivered", async () => {
    const queue = await createTestQueue("slow", { LockDuration: "PT2S", MaxDeliveryCount: 3 });
    const { handle, effects, attemptsOf } = recordingHandler(async (j) => {
      if (j.kind === "transcode-video") await delay(3500);
    });
    const { store, tryAddCalls } = processedStore();
    const { pool, errors } = start(queue, 1, handle, store);
    await send(queue, [asMessage(job("video", "transcode-video")), asMessage(job("thumb"))]);

    await waitFor("both jobs processed", () => effects.length >= 2, 12_000);
    await waitFor("the queue to be empty", () => queueIsEmpty(queue), 5_000);
    await pool.stop();
    expect(attemptsOf("video"), "the slow job ran once").toBe(1);
    expect(tryAddCalls.filter((id) => id === "video"), "the slow job was delivered once").toHaveLength(1);
    expect(errors, "no MessageLockLost or other errors").toEqual([]);
  });
});

describe("4. Send poison messages to the dead-letter queue", () => {
  it("a job that always fails ends in the DLQ after MaxDeliveryCount attempts; the others are not held up", async () => {
    const queue = await createTestQueue("poison", { LockDuration: "PT2S", MaxDeliveryCount: 3 });
    const { handle, effects, attemptsOf } = recordingHandler(async (j) => {
      if (j.kind === "corrupt-pdf") throw new Error("cannot parse PDF");
    });
    const { store, ids } = processedStore();
    start(queue, 2, handle, store);
    await send(queue, [asMessage(job("ok-1")), asMessage(job("bad", "corrupt-pdf")), asMessage(job("ok-2"))]);

    const [dead, ...more] = await deadLetters(queue, 1, 8_000);
    expect(dead, "the failing job is in the dead-letter queue").toBeDefined();
    expect(more).toEqual([]);
    expect(dead!.messageId).toBe("bad");
    expect(dead!.deadLetterReason).toBe("MaxDeliveryCountExceeded");
    expect(attemptsOf("bad"), "tried MaxDeliveryCount = 3 times").toBe(3);
    await waitFor("the other jobs processed", () => effects.length >= 2, 5_000);
    expect([...effects].sort()).toEqual(["ok-1", "ok-2"]);
    expect(ids.has("bad"), "a failed job is not recorded as processed").toBe(false);
  });

  it("dead-letters a message that is not a job at once, with reason InvalidJob, without running it", async () => {
    const queue = await createTestQueue("invalid", { LockDuration: "PT2S", MaxDeliveryCount: 3 });
    const { handle, attempts, effects } = recordingHandler();
    const { store } = processedStore();
    start(queue, 2, handle, store);
    await send(queue, [{ body: "resize all the images please", messageId: "free-text" }, asMessage(job("fine"))]);

    const [dead] = await deadLetters(queue, 1, 5_000);
    expect(dead, "the invalid message is in the dead-letter queue").toBeDefined();
    expect(dead!.messageId).toBe("free-text");
    expect(dead!.deadLetterReason).toBe("InvalidJob");
    await waitFor("the valid job processed", () => effects.includes("fine"), 5_000);
    expect(attempts.map((a) => a.id)).toEqual(["fine"]);
  });
});
