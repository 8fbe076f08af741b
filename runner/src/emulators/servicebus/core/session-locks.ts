// Session bookkeeping for one entity: who holds which session and until when, session state, and receivers
// waiting for "the next available session".
import { BrokerError, brokerErrors } from "./errors.js";
import type { TimerHandle, TimerQueue } from "./timer-queue.js";

export interface SessionLock {
  sessionId: string;
  owner: number;
  until: number;
  timer: TimerHandle;
}

interface Waiter {
  owner: number;
  resolve(lock: SessionLock): void;
  reject(error: BrokerError): void;
  timer: TimerHandle;
}

export class SessionLocks {
  private locks = new Map<string, SessionLock>();
  private states = new Map<string, Buffer>();
  private waiters: Waiter[] = [];

  constructor(
    private readonly timers: TimerQueue,
    private readonly now: () => number,
    private readonly lockDurationMs: () => number,
    /** Called when a lock lapses without renewal: the entity returns the session's messages. */
    private readonly onExpired: (lock: SessionLock) => void,
  ) {}

  get(sessionId: string): SessionLock | undefined {
    const lock = this.locks.get(sessionId);
    return lock && lock.until > this.now() ? lock : undefined;
  }

  isLocked(sessionId: string): boolean {
    return this.get(sessionId) !== undefined;
  }

  lock(sessionId: string, owner: number): SessionLock {
    const held = this.get(sessionId);
    if (held && held.owner !== owner) throw brokerErrors.sessionLocked(sessionId);
    held?.timer.cancel();
    const until = this.now() + this.lockDurationMs();
    const lock: SessionLock = { sessionId, owner, until, timer: this.timers.at(until, () => this.expire(sessionId, lock)) };
    this.locks.set(sessionId, lock);
    return lock;
  }

  renew(sessionId: string): number {
    const held = this.get(sessionId);
    if (!held) throw brokerErrors.sessionLockLost(sessionId);
    return this.lock(sessionId, held.owner).until;
  }

  release(sessionId: string, owner: number): boolean {
    const held = this.locks.get(sessionId);
    if (!held || held.owner !== owner) return false;
    held.timer.cancel();
    this.locks.delete(sessionId);
    return true;
  }

  /** Sessions held by an owner (a receiver link), e.g. to release them when it detaches. */
  heldBy(owner: number): string[] {
    return [...this.locks.values()].filter((l) => l.owner === owner).map((l) => l.sessionId);
  }

  getState(sessionId: string): Buffer | undefined {
    return this.states.get(sessionId);
  }

  setState(sessionId: string, state: Buffer | undefined): void {
    if (state === undefined || state.length === 0) this.states.delete(sessionId);
    else this.states.set(sessionId, state);
  }

  sessionsWithState(): string[] {
    return [...this.states.keys()];
  }

  /** Waits up to timeoutMs for `pick` to find a session; the entity calls offer() whenever one may have become free. */
  wait(owner: number, timeoutMs: number): Promise<SessionLock> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        owner,
        resolve,
        reject,
        timer: this.timers.at(this.now() + timeoutMs, () => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(brokerErrors.noSessionAvailable());
        }),
      };
      this.waiters.push(waiter);
    });
  }

  hasWaiters(): boolean {
    return this.waiters.length > 0;
  }

  /** Hands a free session to the longest waiting receiver. */
  offer(sessionId: string): boolean {
    const waiter = this.waiters.shift();
    if (!waiter) return false;
    waiter.timer.cancel();
    waiter.resolve(this.lock(sessionId, waiter.owner));
    return true;
  }

  cancelWaits(owner: number): void {
    for (const w of this.waiters.filter((x) => x.owner === owner)) {
      w.timer.cancel();
      w.reject(new BrokerError("ServiceTimeout", "The receiver was closed while waiting for a session."));
    }
    this.waiters = this.waiters.filter((x) => x.owner !== owner);
  }

  close(): void {
    for (const lock of this.locks.values()) lock.timer.cancel();
    for (const w of this.waiters) {
      w.timer.cancel();
      w.reject(new BrokerError("MessagingEntityNotFound", "The messaging entity was deleted."));
    }
    this.locks.clear();
    this.waiters = [];
  }

  private expire(sessionId: string, lock: SessionLock): void {
    if (this.locks.get(sessionId) !== lock) return;
    this.locks.delete(sessionId);
    this.onExpired(lock);
  }
}
