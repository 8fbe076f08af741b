// Reference solution for the competing-consumers lab.
import type { ServiceBusClient, ServiceBusReceivedMessage, ServiceBusReceiver } from "@azure/service-bus";

/** A unit of work. The producer sets the message's `messageId` to the job's `id`. */
export interface Job {
  id: string;
  kind: string;
}

/** What a handler learns about the delivery it runs in. */
export interface WorkerContext {
  /** 1..N: which worker received the message. */
  workerId: number;
  /** How many times the message was delivered before this delivery (0 on the first). */
  deliveryCount: number;
}

/** The business effect of a job (write to a database, call an API...). Throws when it fails. */
export type JobHandler = (job: Job, context: WorkerContext) => Promise<void>;

/**
 * The ids of messages already processed, kept where the effects are kept (in production: a table with a
 * unique key on the message id, in the same database and transaction as the effect).
 */
export interface ProcessedMessages {
  /** Records `messageId` atomically; resolves false if it was already recorded (a duplicate). */
  tryAdd(messageId: string): Promise<boolean>;
  /** Forgets `messageId` again: its processing failed, so a redelivery must run it. */
  remove(messageId: string): Promise<void>;
}

export interface WorkerOptions {
  /** How many competing workers (receivers) to start. */
  workers: number;
  handle: JobHandler;
  processed: ProcessedMessages;
  /** Called with errors the workers cannot handle themselves (a settlement that failed, a lost connection). */
  onError?: (error: unknown) => void;
}

export interface WorkerPool {
  /** Stops taking messages, waits for the jobs in progress, then closes the receivers. */
  stop(): Promise<void>;
}

/** True when `body` has the shape of a Job (given: the lab is about messaging, not validation). */
export function isJob(body: unknown): body is Job {
  if (typeof body !== "object" || body === null) return false;
  const { id, kind } = body as Record<string, unknown>;
  return typeof id === "string" && id.length > 0 && typeof kind === "string";
}

export function startWorkers(client: ServiceBusClient, queueName: string, options: WorkerOptions): WorkerPool {
  const inFlight = new Set<Promise<void>>();
  const workers = Array.from({ length: options.workers }, (_, index) => {
    const workerId = index + 1;
    // One receiver (AMQP link) per worker: the broker spreads messages over links that have credit. In
    // production each worker is usually its own process or container, scaled on queue length.
    const receiver = client.createReceiver(queueName, { receiveMode: "peekLock", maxAutoLockRenewalDurationInMs: 0 });
    const subscription = receiver.subscribe(
      {
        processMessage: async (message) => {
          const work = processMessage(receiver, message, { workerId, deliveryCount: message.deliveryCount ?? 0 }, options);
          inFlight.add(work);
          try {
            await work;
          } finally {
            inFlight.delete(work);
          }
        },
        processError: async ({ error }) => options.onError?.(error),
      },
      // maxConcurrentCalls 1: a worker holds one lock at a time, so a busy worker leaves the next message to
      // an idle one instead of sitting on it (no prefetch hoarding).
      { autoCompleteMessages: false, maxConcurrentCalls: 1 },
    );
    return { receiver, subscription };
  });

  return {
    async stop() {
      // Graceful shutdown: stop taking new messages, let jobs in progress settle, then close the links.
      await Promise.all(workers.map((w) => w.subscription.close()));
      await Promise.allSettled([...inFlight]);
      await Promise.all(workers.map((w) => w.receiver.close()));
    },
  };
}

export async function processMessage(
  receiver: ServiceBusReceiver,
  message: ServiceBusReceivedMessage,
  context: WorkerContext,
  options: WorkerOptions,
): Promise<void> {
  const job = message.body as unknown;
  // Poison by content: retrying cannot fix it, so dead-letter it now instead of burning MaxDeliveryCount attempts.
  if (!isJob(job)) {
    await receiver.deadLetterMessage(message, {
      deadLetterReason: "InvalidJob",
      deadLetterErrorDescription: "The body is not a job: it needs a non-empty string id and a string kind.",
    });
    return;
  }

  // The idempotency key is the producer's messageId (a business id): a resend of the same job has the same id,
  // whereas sequenceNumber and lockToken differ on every copy.
  const messageId = String(message.messageId ?? job.id);
  // Claim atomically before running: two workers holding two copies of one job cannot both win.
  if (!(await options.processed.tryAdd(messageId))) {
    await receiver.completeMessage(message); // a duplicate: its effect already happened, just remove it
    return;
  }

  try {
    await runWithLockRenewal(receiver, message, () => options.handle(job, context));
  } catch {
    // Transient or not, let the broker decide: abandon = retry now with deliveryCount + 1; after
    // MaxDeliveryCount deliveries the broker moves it to the DLQ (reason MaxDeliveryCountExceeded).
    // Forget the claim first, or the retry would be skipped as a duplicate and the job lost.
    await options.processed.remove(messageId);
    await receiver.abandonMessage(message);
    return;
  }
  // If this complete fails (lock lost, connection dropped) the message comes back, and the claim makes the
  // redelivery a no-op: the effect stays exactly once.
  await receiver.completeMessage(message);
}

export async function runWithLockRenewal<T>(
  receiver: ServiceBusReceiver,
  message: ServiceBusReceivedMessage,
  work: () => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  const scheduleRenewal = () => {
    // Renew when half of the remaining lock time has passed: early enough to survive a slow round trip,
    // rare enough not to flood the broker. renewMessageLock updates message.lockedUntilUtc.
    const remainingMs = (message.lockedUntilUtc?.getTime() ?? Date.now()) - Date.now();
    timer = setTimeout(() => {
      receiver.renewMessageLock(message).then(
        () => {
          if (!done) scheduleRenewal();
        },
        // The lock is already lost: stop renewing. Completing will fail and the message will be redelivered,
        // which the idempotency check absorbs.
        () => {},
      );
    }, Math.max(0, remainingMs / 2));
  };
  scheduleRenewal();
  try {
    return await work();
  } finally {
    done = true;
    clearTimeout(timer);
  }
}
