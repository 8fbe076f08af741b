// A queue, a subscription or a dead-letter queue: stores messages, hands them to receivers with credit,
// and keeps Service Bus's delivery rules (peek-lock, lock expiry, delivery count, TTL, deferral, scheduling, sessions).
import { randomUUID } from "node:crypto";
import { BrokerError, brokerErrors } from "./errors.js";
import type { QueueProperties } from "./entity-properties.js";
import { DuplicateDetector } from "./duplicate-detector.js";
import type { Limits } from "./limits.js";
import { cloneContent, type MessageContent, type StoredMessage } from "./message.js";
import { SequenceHeap } from "./sequence-heap.js";
import { SessionLocks, type SessionLock } from "./session-locks.js";
import type { TimerQueue } from "./timer-queue.js";

export type EntityKind = "queue" | "subscription" | "deadletter";

/** A receiver as the core sees it; the protocol adapter implements it over a link. */
export interface Consumer {
  readonly id: number;
  readonly receiveAndDelete: boolean;
  /** Session receivers read only this session. */
  readonly sessionId?: string;
  credit(): number;
  /** lockedUntil is undefined in receive-and-delete mode. */
  deliver(message: StoredMessage, lockedUntil: number | undefined): void;
  /** The receiver can no longer be served (session lock lapsed, entity deleted). */
  lost(error: BrokerError): void;
}

export interface EntityHost {
  readonly timers: TimerQueue;
  readonly limits: Limits;
  now(): number;
  /** Delivers a message to another entity of the namespace (ForwardTo, ForwardDeadLetteredMessagesTo). */
  forward(targetPath: string, content: MessageContent, hops: number, deadLetterSource?: string): void;
}

export interface AcceptOptions {
  /** Subscriptions and dead-letter queues keep the number the message already has. */
  sequenceNumber?: number;
  enqueuedAt?: number;
  deliveryCount?: number;
  deadLetterSource?: string;
  hops?: number;
}

export interface DeadLetterOptions {
  reason?: string;
  description?: string;
  propertiesToModify?: Record<string, unknown>;
}

export interface LockedDelivery {
  message: StoredMessage;
  lockToken?: string;
  lockedUntil?: number;
}

export interface EntityCounts {
  activeMessageCount: number;
  deadLetterMessageCount: number;
  scheduledMessageCount: number;
  deferredMessageCount: number;
  lockedMessageCount: number;
  totalMessageCount: number;
}

export class MessageEntity {
  readonly deadLetterQueue: MessageEntity | undefined;
  readonly sessions: SessionLocks;
  private readonly messages = new Map<number, StoredMessage>();
  private readonly available = new Map<string, SequenceHeap>();
  private readonly locked = new Map<string, StoredMessage>();
  private readonly duplicates: DuplicateDetector | undefined;
  private consumers: Consumer[] = [];
  private nextConsumer = 0;
  private pumping = false;
  private pumpAgain = false;
  private lastSequence = 0;
  private closed = false;

  constructor(
    readonly path: string,
    readonly kind: EntityKind,
    readonly properties: QueueProperties,
    private readonly host: EntityHost,
  ) {
    this.sessions = new SessionLocks(host.timers, () => host.now(), () => properties.lockDurationMs, (lock) =>
      this.onSessionLockExpired(lock),
    );
    if (kind === "queue" && properties.requiresDuplicateDetection) {
      this.duplicates = new DuplicateDetector(properties.duplicateDetectionHistoryTimeWindowMs);
    }
    this.deadLetterQueue =
      kind === "deadletter"
        ? undefined
        : new MessageEntity(
            `${path}/$DeadLetterQueue`,
            "deadletter",
            {
              ...properties,
              maxDeliveryCount: Infinity,
              defaultMessageTimeToLiveMs: Infinity,
              requiresSession: false,
              requiresDuplicateDetection: false,
              forwardTo: undefined,
              forwardDeadLetteredMessagesTo: undefined,
            },
            host,
          );
  }

  get requiresSession(): boolean {
    return this.properties.requiresSession;
  }

  // ---- sending ----

  /** Stores a message (or forwards it); returns its sequence number, or undefined when it was dropped or forwarded. */
  accept(content: MessageContent, options: AcceptOptions = {}): number | undefined {
    const now = this.host.now();
    if (this.requiresSession && content.sessionId === undefined) throw brokerErrors.sessionIdMissing();
    if (this.duplicates && content.messageId !== undefined && this.duplicates.isDuplicate(content.messageId, now)) {
      return undefined;
    }
    if (this.kind !== "deadletter" && this.properties.forwardTo) {
      this.host.forward(this.properties.forwardTo, content, (options.hops ?? 0) + 1);
      return undefined;
    }
    if (this.messages.size >= this.host.limits.maxMessagesPerEntity) {
      throw new BrokerError(
        "QuotaExceeded",
        `The maximum entity size has been reached or exceeded for '${this.path}' (${this.host.limits.maxMessagesPerEntity} messages).`,
      );
    }
    const sequenceNumber = options.sequenceNumber ?? ++this.lastSequence;
    const message: StoredMessage = {
      content,
      sequenceNumber,
      enqueuedAt: options.enqueuedAt ?? now,
      expiresAt: Infinity,
      deliveryCount: options.deliveryCount ?? 0,
      state: "active",
      ...(options.deadLetterSource !== undefined ? { deadLetterSource: options.deadLetterSource } : {}),
    };
    this.messages.set(sequenceNumber, message);
    const at = content.scheduledEnqueueTime;
    if (at !== undefined && at > now) {
      message.state = "scheduled";
      message.timer = this.host.timers.at(at, () => this.activate(message));
    } else {
      this.activate(message, options.enqueuedAt);
    }
    return sequenceNumber;
  }

  /** Stores a message straight in this entity's dead-letter queue (a rule that failed on it, for instance). */
  acceptDeadLettered(content: MessageContent, reason: string, description: string, options: AcceptOptions = {}): void {
    const copy = cloneContent(content);
    copy.applicationProperties.DeadLetterReason = reason;
    copy.applicationProperties.DeadLetterErrorDescription = description;
    delete copy.scheduledEnqueueTime;
    this.deadLetterQueue?.accept(copy, options);
  }

  /** Takes the next sequence number without storing anything (topics number messages before fan-out). */
  nextSequenceNumber(): number {
    return ++this.lastSequence;
  }

  cancelScheduled(sequenceNumber: number): void {
    const message = this.messages.get(sequenceNumber);
    // Azure ignores unknown numbers: cancelling twice is not an error.
    if (!message || message.state !== "scheduled") return;
    this.remove(message);
  }

  // ---- receivers ----

  addConsumer(consumer: Consumer): void {
    if (this.closed) {
      consumer.lost(brokerErrors.entityNotFound(this.path));
      return;
    }
    if (this.requiresSession && consumer.sessionId === undefined) throw brokerErrors.sessionfulReceiverRequired();
    if (!this.requiresSession && consumer.sessionId !== undefined) throw brokerErrors.sessionsNotSupported();
    this.consumers.push(consumer);
    this.pump();
  }

  /** A receiver went away. Peek-locked messages stay locked until their lock expires (Azure keeps them too);
   *  a session it held is released at once and its unsettled messages return with delivery count + 1. */
  removeConsumer(consumer: Consumer): void {
    this.consumers = this.consumers.filter((c) => c !== consumer);
    this.sessions.cancelWaits(consumer.id);
    if (consumer.sessionId !== undefined && this.sessions.release(consumer.sessionId, consumer.id)) {
      this.returnSessionMessages(consumer.sessionId);
      this.offerSession(consumer.sessionId);
    }
  }

  /** Locks a session for a receiver: the named one, or the next one with messages (waiting up to timeoutMs). */
  async acceptSession(sessionId: string | undefined, owner: number, timeoutMs: number): Promise<SessionLock> {
    if (!this.requiresSession) throw brokerErrors.sessionsNotSupported();
    if (this.closed) throw brokerErrors.entityNotFound(this.path);
    if (sessionId !== undefined) return this.sessions.lock(sessionId, owner);
    const free = this.nextFreeSession();
    if (free !== undefined) return this.sessions.lock(free, owner);
    return this.sessions.wait(owner, timeoutMs);
  }

  renewSessionLock(sessionId: string): number {
    return this.sessions.renew(sessionId);
  }

  getSessionState(sessionId: string): Buffer | undefined {
    this.requireSessionLock(sessionId);
    return this.sessions.getState(sessionId);
  }

  setSessionState(sessionId: string, state: Buffer | undefined): void {
    this.requireSessionLock(sessionId);
    this.sessions.setState(sessionId, state);
  }

  /** Sessions that hold messages or state (get-message-sessions). */
  listSessions(): string[] {
    const ids = new Set<string>(this.sessions.sessionsWithState());
    for (const m of this.messages.values()) if (m.content.sessionId !== undefined) ids.add(m.content.sessionId);
    return [...ids];
  }

  /** Offers available messages to receivers with credit, round robin. Safe to call at any time. */
  pump(): void {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        let delivered = true;
        while (delivered && this.consumers.length > 0) {
          delivered = false;
          const n = this.consumers.length;
          for (let i = 0; i < n; i++) {
            const index = (this.nextConsumer + i) % n;
            const consumer = this.consumers[index]!;
            if (consumer.credit() <= 0) continue;
            const message = this.take(consumer.sessionId ?? "");
            if (!message) continue;
            this.nextConsumer = (index + 1) % n;
            this.hand(consumer, message);
            delivered = true;
            break;
          }
        }
      } while (this.pumpAgain);
    } finally {
      this.pumping = false;
    }
  }

  // ---- settlement ----

  complete(lockToken: string): void {
    this.remove(this.lockedMessage(lockToken));
  }

  abandon(lockToken: string, propertiesToModify?: Record<string, unknown>): void {
    const message = this.lockedMessage(lockToken);
    modify(message, propertiesToModify);
    this.unlock(message, true);
  }

  defer(lockToken: string, propertiesToModify?: Record<string, unknown>): void {
    const message = this.lockedMessage(lockToken);
    modify(message, propertiesToModify);
    message.state = "deferred";
    this.unlock(message, false);
  }

  deadLetter(lockToken: string, options: DeadLetterOptions = {}): void {
    const message = this.lockedMessage(lockToken);
    modify(message, options.propertiesToModify);
    this.remove(message);
    this.sendToDeadLetter(message, options.reason, options.description);
  }

  renewLock(lockToken: string): number {
    const message = this.lockedMessage(lockToken);
    const lock = message.lock!;
    if (this.requiresSession) {
      throw new BrokerError("InvalidOperation", "Message lock renewal is not supported for session messages: renew the session lock instead.");
    }
    lock.timer?.cancel();
    lock.until = this.host.now() + this.properties.lockDurationMs;
    lock.timer = this.host.timers.at(lock.until, () => this.lockExpired(message, lock.token));
    return lock.until;
  }

  /** True while the lock token still holds its message (not settled, not expired). */
  holdsLock(lockToken: string): boolean {
    const message = this.locked.get(lockToken);
    if (!message?.lock) return false;
    if (this.requiresSession && message.content.sessionId !== undefined) return this.sessions.isLocked(message.content.sessionId);
    return message.lock.until > this.host.now();
  }

  // ---- $management reads ----

  /** Messages from a sequence number on, without locking them (active, locked, deferred and scheduled). */
  peek(fromSequenceNumber: number, count: number, sessionId?: string): StoredMessage[] {
    const found: StoredMessage[] = [];
    let sorted = true;
    let last = -Infinity;
    for (const m of this.messages.values()) {
      if (m.sequenceNumber < fromSequenceNumber) continue;
      if (sessionId !== undefined && m.content.sessionId !== sessionId) continue;
      if (m.sequenceNumber < last) sorted = false;
      last = m.sequenceNumber;
      found.push(m);
      if (sorted && found.length >= count) break;
    }
    if (!sorted) found.sort((a, b) => a.sequenceNumber - b.sequenceNumber);
    return found.slice(0, count);
  }

  /** Receives deferred messages by sequence number; in peek-lock mode each comes back locked. */
  receiveDeferred(sequenceNumbers: number[], receiveAndDelete: boolean, sessionId?: string): LockedDelivery[] {
    const messages = sequenceNumbers.map((n) => {
      const m = this.messages.get(n);
      if (!m || m.state !== "deferred" || m.lock) throw brokerErrors.messageNotFound(n);
      if (this.requiresSession && m.content.sessionId !== sessionId) throw brokerErrors.messageNotFound(n);
      return m;
    });
    if (this.requiresSession && sessionId !== undefined) this.requireSessionLock(sessionId);
    return messages.map((message) => {
      if (receiveAndDelete) {
        this.remove(message);
        return { message };
      }
      const lockedUntil = this.lock(message, sessionId);
      return { message, lockToken: message.lock!.token, lockedUntil };
    });
  }

  counts(): EntityCounts {
    const counts = { active: 0, scheduled: 0, deferred: 0, locked: 0 };
    for (const m of this.messages.values()) {
      if (m.lock) counts.locked++;
      if (m.state === "active") counts.active++;
      else if (m.state === "scheduled") counts.scheduled++;
      else counts.deferred++;
    }
    const deadLetterMessageCount = this.deadLetterQueue?.messages.size ?? 0;
    return {
      activeMessageCount: counts.active,
      deadLetterMessageCount,
      scheduledMessageCount: counts.scheduled,
      deferredMessageCount: counts.deferred,
      lockedMessageCount: counts.locked,
      totalMessageCount: this.messages.size + deadLetterMessageCount,
    };
  }

  /** Deletes the entity: timers cancelled, receivers told the entity is gone. */
  close(): void {
    this.closed = true;
    for (const m of this.messages.values()) {
      m.timer?.cancel();
      m.lock?.timer?.cancel();
    }
    this.messages.clear();
    this.locked.clear();
    this.available.clear();
    this.sessions.close();
    const consumers = this.consumers;
    this.consumers = [];
    for (const c of consumers) c.lost(brokerErrors.entityNotFound(this.path));
    this.deadLetterQueue?.close();
  }

  // ---- internals ----

  private activate(message: StoredMessage, enqueuedAt?: number): void {
    message.state = "active";
    message.timer = undefined;
    // A scheduled message counts as enqueued when it becomes visible.
    message.enqueuedAt = enqueuedAt ?? this.host.now();
    if (this.kind !== "deadletter") {
      const ttl = Math.min(message.content.timeToLiveMs ?? Infinity, this.properties.defaultMessageTimeToLiveMs);
      message.expiresAt = message.enqueuedAt + ttl;
      if (Number.isFinite(message.expiresAt)) {
        message.timer = this.host.timers.at(message.expiresAt, () => this.expireIfIdle(message));
      }
    }
    this.makeAvailable(message);
  }

  private sessionKey(message: StoredMessage): string {
    return this.requiresSession ? (message.content.sessionId ?? "") : "";
  }

  private makeAvailable(message: StoredMessage): void {
    const key = this.sessionKey(message);
    let heap = this.available.get(key);
    if (!heap) {
      heap = new SequenceHeap();
      this.available.set(key, heap);
    }
    heap.push(message.sequenceNumber);
    if (this.requiresSession) this.offerSession(key);
    this.pump();
  }

  /** The next message of a heap that is still available, without taking it. */
  private head(key: string): StoredMessage | undefined {
    const heap = this.available.get(key);
    if (!heap) return undefined;
    for (;;) {
      const seq = heap.peek();
      if (seq === undefined) {
        this.available.delete(key);
        return undefined;
      }
      const m = this.messages.get(seq);
      if (m && m.state === "active" && !m.lock) {
        if (m.expiresAt <= this.host.now()) {
          heap.pop();
          this.expire(m);
          continue;
        }
        return m;
      }
      heap.pop();
    }
  }

  private take(key: string): StoredMessage | undefined {
    const m = this.head(key);
    if (m) this.available.get(key)?.pop();
    return m;
  }

  private hand(consumer: Consumer, message: StoredMessage): void {
    if (consumer.receiveAndDelete) {
      this.remove(message);
      consumer.deliver(message, undefined);
      return;
    }
    consumer.deliver(message, this.lock(message, consumer.sessionId));
  }

  private lock(message: StoredMessage, sessionId: string | undefined): number {
    const token = randomUUID();
    if (this.requiresSession && sessionId !== undefined) {
      // Messages of a session are covered by the session lock, not by locks of their own.
      const until = this.sessions.get(sessionId)?.until ?? this.host.now();
      message.lock = { token, until };
    } else {
      const until = this.host.now() + this.properties.lockDurationMs;
      message.lock = { token, until, timer: this.host.timers.at(until, () => this.lockExpired(message, token)) };
    }
    this.locked.set(token, message);
    return message.lock.until;
  }

  private lockedMessage(lockToken: string): StoredMessage {
    const message = this.locked.get(lockToken);
    if (!message || !message.lock) throw brokerErrors.lockLost();
    if (this.requiresSession && message.content.sessionId !== undefined) {
      if (!this.sessions.isLocked(message.content.sessionId)) throw brokerErrors.sessionLockLost(message.content.sessionId);
    } else if (message.lock.until <= this.host.now()) {
      this.lockExpired(message, lockToken);
      throw brokerErrors.lockLost();
    }
    return message;
  }

  private lockExpired(message: StoredMessage, token: string): void {
    if (message.lock?.token !== token) return;
    this.unlock(message, true);
  }

  private unlock(message: StoredMessage, countDelivery: boolean): void {
    if (message.lock) {
      message.lock.timer?.cancel();
      this.locked.delete(message.lock.token);
      delete message.lock;
    }
    if (!this.messages.has(message.sequenceNumber)) return;
    if (countDelivery) message.deliveryCount++;
    if (message.deliveryCount >= this.properties.maxDeliveryCount) {
      this.remove(message);
      this.sendToDeadLetter(
        message,
        "MaxDeliveryCountExceeded",
        `Message could not be consumed after ${this.properties.maxDeliveryCount} delivery attempts.`,
      );
      return;
    }
    if (message.expiresAt <= this.host.now()) {
      this.expire(message);
      return;
    }
    if (message.state === "active") this.makeAvailable(message);
  }

  private expireIfIdle(message: StoredMessage): void {
    if (this.messages.get(message.sequenceNumber) !== message) return;
    // A locked message expires when its lock ends; a scheduled one is not yet counted.
    if (message.lock || message.state === "scheduled") return;
    this.expire(message);
  }

  private expire(message: StoredMessage): void {
    this.remove(message);
    if (this.properties.deadLetteringOnMessageExpiration) {
      this.sendToDeadLetter(message, "TTLExpiredException", "The message expired and was dead lettered.");
    }
  }

  private remove(message: StoredMessage): void {
    this.messages.delete(message.sequenceNumber);
    message.timer?.cancel();
    if (message.lock) {
      message.lock.timer?.cancel();
      this.locked.delete(message.lock.token);
    }
  }

  private sendToDeadLetter(message: StoredMessage, reason?: string, description?: string): void {
    const content = cloneContent(message.content);
    if (reason !== undefined) content.applicationProperties.DeadLetterReason = reason;
    if (description !== undefined) content.applicationProperties.DeadLetterErrorDescription = description;
    const target = this.properties.forwardDeadLetteredMessagesTo;
    if (target) {
      this.host.forward(target, content, 1, this.path);
      return;
    }
    // A dead-letter queue has no dead-letter queue of its own: its messages stay until received.
    this.deadLetterQueue?.accept(content, {
      sequenceNumber: message.sequenceNumber,
      enqueuedAt: message.enqueuedAt,
      deliveryCount: message.deliveryCount,
    });
  }

  private requireSessionLock(sessionId: string): void {
    if (!this.sessions.isLocked(sessionId)) throw brokerErrors.sessionLockLost(sessionId);
  }

  private nextFreeSession(): string | undefined {
    let best: StoredMessage | undefined;
    let bestKey: string | undefined;
    for (const key of [...this.available.keys()]) {
      if (this.sessions.isLocked(key)) continue;
      const m = this.head(key);
      if (m && (!best || m.sequenceNumber < best.sequenceNumber)) {
        best = m;
        bestKey = key;
      }
    }
    return bestKey;
  }

  private offerSession(sessionId: string): void {
    if (!this.sessions.hasWaiters() || this.sessions.isLocked(sessionId) || !this.head(sessionId)) return;
    this.sessions.offer(sessionId);
  }

  private returnSessionMessages(sessionId: string): void {
    for (const m of [...this.locked.values()]) {
      if (m.content.sessionId === sessionId) this.unlock(m, true);
    }
  }

  private onSessionLockExpired(lock: SessionLock): void {
    const lost = this.consumers.filter((c) => c.sessionId === lock.sessionId && c.id === lock.owner);
    this.consumers = this.consumers.filter((c) => !lost.includes(c));
    this.returnSessionMessages(lock.sessionId);
    for (const c of lost) c.lost(brokerErrors.sessionLockLost(lock.sessionId));
    this.offerSession(lock.sessionId);
  }
}

/** Azure applies a disposition's properties-to-modify to the message's application properties. */
function modify(message: StoredMessage, properties: Record<string, unknown> | undefined): void {
  if (!properties) return;
  message.content = cloneContent(message.content);
  Object.assign(message.content.applicationProperties, properties);
}
