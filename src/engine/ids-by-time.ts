/**
 * Ids with a time each, taken earliest first: a binary min-heap kept in two parallel
 * arrays (no object an entry). The wake queue keeps every claimed wake id here so that
 * forgetting the ids fired long ago takes them from the front instead of walking them all.
 */
export class IdsByTime {
  private times: number[] = [];
  private ids: string[] = [];

  get size(): number {
    return this.times.length;
  }

  clear(): void {
    this.times = [];
    this.ids = [];
  }

  /** Replaces the contents with these ids and times. */
  fill(entries: Iterable<[string, number]>): void {
    this.clear();
    for (const [id, time] of entries) this.add(time, id);
  }

  /** The earliest time held; +Infinity when empty. */
  peekTime(): number {
    return this.times.length > 0 ? this.times[0] : Number.POSITIVE_INFINITY;
  }

  add(time: number, id: string): void {
    const { times, ids } = this;
    let i = times.length;
    times.push(time);
    ids.push(id);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent] <= time) break;
      times[i] = times[parent];
      ids[i] = ids[parent];
      i = parent;
    }
    times[i] = time;
    ids[i] = id;
  }

  /** Removes the earliest entry and returns its id (the caller has read its time with peekTime). */
  take(): string {
    const { times, ids } = this;
    const top = ids[0];
    const time = times.pop()!;
    const id = ids.pop()!;
    const n = times.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && times[r] < times[l] ? r : l;
      if (times[child] >= time) break;
      times[i] = times[child];
      ids[i] = ids[child];
      i = child;
    }
    times[i] = time;
    ids[i] = id;
    return top;
  }
}
