import type { Wake } from '../protocols/protocol.ts';
import { internFields } from './interned-strings.ts';

/** The queue as a snapshot keeps it (src/store/engine-snapshot.ts): plain data. */
export interface WakeQueueState {
  heap: Entry[];
  /** The ids of the wakes scheduled and not yet forgotten (waiting, or fired within the remembering window), with when each is due. */
  scheduled: Map<string, number>;
  /** For each protocol and subject, the latest due time among the fired wakes already forgotten. */
  forgottenUpTo: Map<string, number>;
  counter: number;
}

/**
 * How long after its time a fired wake's id is kept in full. Past this, only the latest
 * forgotten time for its protocol and subject is kept, and any wake of that protocol and
 * subject due at or before it is refused: so a protocol that asks again for a wake that
 * has fired (most do, on every event about the child) is never woken twice, and the
 * queue holds at most one number per protocol and subject for the wakes of long ago
 * instead of every id ever scheduled.
 */
export const REMEMBER_FIRED_MS = 400 * 24 * 60 * 60 * 1000;
/** Forgetting walks every remembered id, so it runs once in this much wake time: ids are kept between 400 and 500 days. */
const FORGET_EVERY_MS = 100 * 24 * 60 * 60 * 1000;

interface Entry {
  readonly at: number;
  readonly order: number;
  readonly wake: Wake;
  /** The wake's protocol, subject and key, made once. */
  readonly id: string;
}

/**
 * A binary min-heap of wake-ups ordered by time, then by scheduling order. The time sits
 * on the entry itself and sifting moves a hole rather than swapping: the queue is on the
 * path of every event, and most of its cost was pointer chasing.
 */
export class WakeQueue {
  private heap: Entry[] = [];
  private scheduled = new Map<string, number>();
  private forgottenUpTo = new Map<string, number>();
  private counter = 0;
  private nextForgetAt = Number.NEGATIVE_INFINITY;

  exportState(): WakeQueueState {
    return { heap: this.heap, scheduled: this.scheduled, forgottenUpTo: this.forgottenUpTo, counter: this.counter };
  }

  importState(state: WakeQueueState): void {
    for (const entry of state.heap) internFields(entry.wake);
    this.heap = state.heap;
    this.scheduled = state.scheduled;
    this.forgottenUpTo = state.forgottenUpTo;
    this.counter = state.counter;
  }

  /** How many wake ids the queue remembers (waiting, fired recently, forgotten protocol and subject pairs). */
  get remembered(): number {
    return this.scheduled.size + this.forgottenUpTo.size;
  }

  /** Every pending wake-up in firing order, for comparing two queues. */
  pending(): Wake[] {
    return [...this.heap].sort((x, y) => (before(x, y) ? -1 : 1)).map((entry) => entry.wake);
  }

  clear(): void {
    this.heap.length = 0;
    this.scheduled.clear();
    this.forgottenUpTo.clear();
    this.counter = 0;
    this.nextForgetAt = Number.NEGATIVE_INFINITY;
  }

  get size(): number {
    return this.heap.length;
  }

  /** Schedules a wake once: the same protocol, subject and key are kept only once. */
  push(wake: Wake): boolean {
    const id = this.claim(wake);
    if (id === undefined) return false;
    this.up({ at: wake.at, order: this.counter++, wake, id });
    return true;
  }

  /** Marks the wake as scheduled and returns its id; undefined if the same protocol, subject and key already was, or has fired. */
  claim(wake: Wake): string | undefined {
    const id = wakeId(wake);
    if (this.scheduled.has(id)) return undefined;
    if (this.forgottenUpTo.size > 0) {
      const forgotten = this.forgottenUpTo.get(pairId(wake));
      if (forgotten !== undefined && wake.at <= forgotten) return undefined;
    }
    this.scheduled.set(id, wake.at);
    return id;
  }

  /** Queues a wake already claimed (here or by the queue it was held back from). */
  insert(wake: Wake): void {
    this.up({ at: wake.at, order: this.counter++, wake, id: wakeId(wake) });
  }

  /** Removes and returns the wake-ups about these subjects (their family moved to another shard). */
  extract(subjects: ReadonlySet<string>): Wake[] {
    const taken = this.heap.filter((entry) => subjects.has(entry.wake.subject));
    if (taken.length === 0) return [];
    const kept = this.heap.filter((entry) => !subjects.has(entry.wake.subject));
    for (const entry of taken) this.scheduled.delete(entry.id);
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
    if (top.at >= this.nextForgetAt) {
      this.forgetFiredBefore(top.at - REMEMBER_FIRED_MS);
      this.nextForgetAt = top.at + FORGET_EVERY_MS;
    }
    return top.wake;
  }

  /** Every wake still waiting is due after the one firing now, so an id due before `time` is a fired wake's. */
  private forgetFiredBefore(time: number): void {
    for (const [id, at] of this.scheduled) {
      if (at >= time) continue;
      this.scheduled.delete(id);
      const pair = id.slice(0, id.lastIndexOf('\u0000'));
      const upTo = this.forgottenUpTo.get(pair);
      if (upTo === undefined || at > upTo) this.forgottenUpTo.set(pair, at);
    }
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

function wakeId(wake: Wake): string {
  return `${pairId(wake)}\u0000${wake.key}`;
}

function pairId(wake: Wake): string {
  return `${wake.protocol}\u0000${wake.subject}`;
}

function before(x: Entry, y: Entry): boolean {
  return x.at < y.at || (x.at === y.at && x.order < y.order);
}
