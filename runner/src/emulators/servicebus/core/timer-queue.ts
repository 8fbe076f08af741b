// One timer for the whole broker: lock expiry, TTL and scheduled messages are entries in a min-heap,
// so stop() clears exactly one Node timer and thousands of locks cost no thousands of timeouts.

export interface TimerHandle {
  cancel(): void;
}

interface Entry {
  at: number;
  seq: number;
  run: () => void;
  cancelled: boolean;
}

export class TimerQueue {
  private heap: Entry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private counter = 0;
  private stopped = false;

  constructor(private readonly now: () => number = Date.now) {}

  /** Runs `run` at time `at` (ms since epoch), or soon if that is past. */
  at(at: number, run: () => void): TimerHandle {
    const entry: Entry = { at, seq: this.counter++, run, cancelled: false };
    this.push(entry);
    this.arm();
    return {
      cancel: () => {
        entry.cancelled = true;
      },
    };
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.heap = [];
  }

  private arm(): void {
    if (this.stopped) return;
    const first = this.heap[0];
    if (!first) return;
    if (this.timer && this.timerAt <= first.at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = first.at;
    // setTimeout caps at 2^31-1 ms; a later entry simply re-arms when this one fires.
    const delay = Math.min(Math.max(0, first.at - this.now()), 2_147_483_647);
    this.timer = setTimeout(() => this.fire(), delay);
  }

  private fire(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = this.now();
    while (!this.stopped && this.heap.length > 0 && this.heap[0]!.at <= now) {
      const entry = this.pop()!;
      if (!entry.cancelled) entry.run();
    }
    this.arm();
  }

  private less(a: Entry, b: Entry): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): Entry | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && this.less(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && this.less(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }
}
