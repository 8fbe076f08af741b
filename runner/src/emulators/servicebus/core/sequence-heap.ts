// Available messages ordered by sequence number, so an abandoned or lock-expired message is offered again
// before newer ones (as Service Bus does). Entries are removed lazily: the caller checks the message is still available.

export class SequenceHeap {
  private items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(sequenceNumber: number): void {
    const items = this.items;
    items.push(sequenceNumber);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]! <= items[i]!) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  peek(): number | undefined {
    return this.items[0];
  }

  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && items[l]! < items[m]!) m = l;
        if (r < items.length && items[r]! < items[m]!) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
}
