import type { Wake } from '../protocols/protocol.ts';
import { internFields } from './interned-strings.ts';

/** The queue as a snapshot keeps it (src/store/engine-snapshot.ts): plain data. */
export interface WakeQueueState {
  heap: Entry[];
  scheduled: Set<string>;
  counter: number;
}

interface Entry {
  readonly at: number;
  readonly order: number;
  readonly wake: Wake;
}

/**
 * A binary min-heap of wake-ups ordered by time, then by scheduling order. The time sits
 * on the entry itself and sifting moves a hole rather than swapping: the queue is on the
 * path of every event, and most of its cost was pointer chasing.
 */
export class WakeQueue {
  private heap: Entry[] = [];
  private scheduled = new Set<string>();
  private counter = 0;

  exportState(): WakeQueueState {
    return { heap: this.heap, scheduled: this.scheduled, counter: this.counter };
  }

  importState(state: WakeQueueState): void {
    for (const entry of state.heap) internFields(entry.wake);
    this.heap = state.heap;
    this.scheduled = state.scheduled;
    this.counter = state.counter;
  }

  /** Every pending wake-up in firing order, for comparing two queues. */
  pending(): Wake[] {
    return [...this.heap].sort((x, y) => (before(x, y) ? -1 : 1)).map((entry) => entry.wake);
  }

  clear(): void {
    this.heap.length = 0;
    this.scheduled.clear();
    this.counter = 0;
  }

  get size(): number {
    return this.heap.length;
  }

  /** Schedules a wake once: the same protocol, subject and key are kept only once. */
  push(wake: Wake): boolean {
    if (!this.claim(wake)) return false;
    this.insert(wake);
    return true;
  }

  /** Marks the wake as scheduled; false if the same protocol, subject and key already was. */
  claim(wake: Wake): boolean {
    const id = `${wake.protocol}\u0000${wake.subject}\u0000${wake.key}`;
    if (this.scheduled.has(id)) return false;
    this.scheduled.add(id);
    return true;
  }

  /** Queues a wake already claimed (here or by the queue it was held back from). */
  insert(wake: Wake): void {
    this.up({ at: wake.at, order: this.counter++, wake });
  }

  /** Removes and returns every wake in firing order. */
  drain(): Wake[] {
    const all: Wake[] = [];
    for (let wake = this.pop(); wake; wake = this.pop()) all.push(wake);
    return all;
  }

  /** Removes and returns the wake-ups about these subjects (their family moved to another shard). */
  extract(subjects: ReadonlySet<string>): Wake[] {
    const taken = this.heap.filter((entry) => subjects.has(entry.wake.subject));
    if (taken.length === 0) return [];
    const kept = this.heap.filter((entry) => !subjects.has(entry.wake.subject));
    for (const entry of taken) this.scheduled.delete(`${entry.wake.protocol}\u0000${entry.wake.subject}\u0000${entry.wake.key}`);
    this.heap = [];
    for (const entry of kept) this.up(entry);
    return taken.sort((x, y) => (before(x, y) ? -1 : 1)).map((entry) => entry.wake);
  }

  peekTime(): number {
    return this.heap.length > 0 ? this.heap[0].at : Number.POSITIVE_INFINITY;
  }

  pop(): Wake | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (!top) return undefined;
    const last = heap.pop()!;
    if (heap.length > 0) this.down(last);
    return top.wake;
  }

  private up(entry: Entry): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = heap[parentIndex];
      if (!before(entry, parent)) break;
      heap[i] = parent;
      i = parentIndex;
    }
    heap[i] = entry;
  }

  /** Places `entry` at the root's hole and sifts it down. */
  private down(entry: Entry): void {
    const heap = this.heap;
    const n = heap.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(heap[r], heap[l]) ? r : l;
      if (!before(heap[child], entry)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = entry;
  }
}

function before(x: Entry, y: Entry): boolean {
  return x.at < y.at || (x.at === y.at && x.order < y.order);
}
