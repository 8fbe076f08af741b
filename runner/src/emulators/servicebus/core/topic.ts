// A topic: numbers each published message, applies duplicate detection and scheduling, and fans out to subscriptions.
import type { TopicProperties } from "./entity-properties.js";
import { DuplicateDetector } from "./duplicate-detector.js";
import type { MessageContent } from "./message.js";
import type { Subscription } from "./subscription.js";
import type { TimerHandle, TimerQueue } from "./timer-queue.js";

interface ScheduledPublish {
  content: MessageContent;
  timer: TimerHandle;
  hops: number;
}

export class Topic {
  readonly subscriptions = new Map<string, Subscription>();
  private readonly scheduled = new Map<number, ScheduledPublish>();
  private readonly duplicates: DuplicateDetector | undefined;
  private lastSequence = 0;

  constructor(
    readonly name: string,
    readonly properties: TopicProperties,
    private readonly timers: TimerQueue,
    private readonly now: () => number,
  ) {
    if (properties.requiresDuplicateDetection) {
      this.duplicates = new DuplicateDetector(properties.duplicateDetectionHistoryTimeWindowMs);
    }
  }

  getSubscription(name: string): Subscription | undefined {
    return this.subscriptions.get(name.toLowerCase());
  }

  /** Returns the sequence number, or undefined for a duplicate (accepted and dropped, as Azure does). */
  publish(content: MessageContent, hops = 0): number | undefined {
    const now = this.now();
    if (this.duplicates && content.messageId !== undefined && this.duplicates.isDuplicate(content.messageId, now)) {
      return undefined;
    }
    const sequenceNumber = ++this.lastSequence;
    const ttl = Math.min(content.timeToLiveMs ?? Infinity, this.properties.defaultMessageTimeToLiveMs);
    const limited = ttl < (content.timeToLiveMs ?? Infinity) ? { ...content, timeToLiveMs: ttl } : content;
    const at = content.scheduledEnqueueTime;
    if (at !== undefined && at > now) {
      const timer = this.timers.at(at, () => {
        this.scheduled.delete(sequenceNumber);
        this.fanOut(limited, sequenceNumber, this.now(), hops);
      });
      this.scheduled.set(sequenceNumber, { content: limited, timer, hops });
    } else {
      this.fanOut(limited, sequenceNumber, now, hops);
    }
    return sequenceNumber;
  }

  cancelScheduled(sequenceNumber: number): void {
    const entry = this.scheduled.get(sequenceNumber);
    if (!entry) return;
    entry.timer.cancel();
    this.scheduled.delete(sequenceNumber);
  }

  get scheduledCount(): number {
    return this.scheduled.size;
  }

  close(): void {
    for (const entry of this.scheduled.values()) entry.timer.cancel();
    this.scheduled.clear();
    for (const s of this.subscriptions.values()) s.entity.close();
    this.subscriptions.clear();
  }

  private fanOut(content: MessageContent, sequenceNumber: number, enqueuedAt: number, hops: number): void {
    for (const subscription of this.subscriptions.values()) subscription.route(content, sequenceNumber, enqueuedAt, hops);
  }
}

