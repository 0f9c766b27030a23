import type { Wake } from '../protocols/protocol.ts';

/** A binary min-heap of wake-ups ordered by time, then by scheduling order. */
export class WakeQueue {
  private readonly heap: { wake: Wake; order: number }[] = [];
  private readonly scheduled = new Set<string>();
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Schedules a wake once: the same protocol, subject and key are kept only once. */
  push(wake: Wake): boolean {
    const id = `${wake.protocol}\u0000${wake.subject}\u0000${wake.key}`;
    if (this.scheduled.has(id)) return false;
    this.scheduled.add(id);
    this.heap.push({ wake, order: this.counter++ });
    this.up(this.heap.length - 1);
    return true;
  }

  peekTime(): number {
    return this.heap.length > 0 ? this.heap[0]!.wake.at : Number.POSITIVE_INFINITY;
  }

  pop(): Wake | undefined {
    const top = this.heap[0];
    if (!top) return undefined;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top.wake;
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    return x.wake.at < y.wake.at || (x.wake.at === y.wake.at && x.order < y.order);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      [this.heap[i], this.heap[parent]] = [this.heap[parent]!, this.heap[i]!];
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < n && this.less(l, smallest)) smallest = l;
      if (r < n && this.less(r, smallest)) smallest = r;
      if (smallest === i) return;
      [this.heap[i], this.heap[smallest]] = [this.heap[smallest]!, this.heap[i]!];
      i = smallest;
    }
  }
}
