// Competing consumers: fill in each function, then run `npm test` in this folder.
// N workers receive from one queue; the broker gives each message to one of them. Your job is to make the
// total effect exactly once although Service Bus delivers at least once.
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

/**
 * Task 1. Start `options.workers` workers on the queue. Each worker is its own receiver, created with
 * `{ maxAutoLockRenewalDurationInMs: 0 }` (lock renewal is your job in Task 3), that processes one message at
 * a time with `subscribe(...)` and settles messages itself (`autoCompleteMessages: false`), passing each
 * message to `processMessage`. Errors reported by the SDK go to `options.onError`.
 */
export function startWorkers(client: ServiceBusClient, queueName: string, options: WorkerOptions): WorkerPool {
  // TODO: create the receivers, subscribe each one, and return a pool whose stop() closes everything.
  throw new Error("TODO: startWorkers is not implemented yet");
}

/**
 * Tasks 1, 2 and 4. Process one received message and settle it:
 * - Task 4: a body that is not a Job can never succeed: dead-letter it with reason "InvalidJob";
 * - Task 2: a message id already in `options.processed` is a duplicate: complete it without running the job;
 * - Task 1: otherwise run `options.handle(job, context)` (Task 3: inside `runWithLockRenewal`) and complete it;
 * - Task 2: if the handler throws, forget the id and abandon the message so that it is retried (Task 4: the
 *   broker dead-letters it by itself once it was delivered MaxDeliveryCount times).
 */
export async function processMessage(
  receiver: ServiceBusReceiver,
  message: ServiceBusReceivedMessage,
  context: WorkerContext,
  options: WorkerOptions,
): Promise<void> {
  // TODO: dead-letter, skip duplicates, handle and complete, or abandon.
  throw new Error("TODO: processMessage is not implemented yet");
}

/**
 * Task 3. Run `work()` while keeping the message locked: renew the lock before it expires (for example when
 * half of the time left until `message.lockedUntilUtc` has passed), and stop renewing as soon as `work`
 * settles. Resolve or reject with what `work` resolves or rejects with.
 */
export async function runWithLockRenewal<T>(
  receiver: ServiceBusReceiver,
  message: ServiceBusReceivedMessage,
  work: () => Promise<T>,
): Promise<T> {
  // TODO: a timer that calls receiver.renewMessageLock(message), rescheduled after each renewal.
  throw new Error("TODO: runWithLockRenewal is not implemented yet");
}
