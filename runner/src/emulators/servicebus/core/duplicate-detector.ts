// Remembers MessageIds for the entity's DuplicateDetectionHistoryTimeWindow; a repeat inside the window is
// accepted by the sender and silently dropped, as Service Bus does.

export class DuplicateDetector {
  // Insertion order = time order, so expired ids are always at the front.
  private seen = new Map<string, number>();

  constructor(private windowMs: number) {}

  setWindow(windowMs: number): void {
    this.windowMs = windowMs;
  }

  /** True when the id was seen inside the window; otherwise records it. */
  isDuplicate(messageId: string, now: number): boolean {
    for (const [id, at] of this.seen) {
      if (at + this.windowMs > now) break;
      this.seen.delete(id);
    }
    if (this.seen.has(messageId)) return true;
    this.seen.set(messageId, now);
    return false;
  }
}
