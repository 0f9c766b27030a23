import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import type { ThreadEvent } from '../domain/events.ts';
import { startTypeScriptWorker } from '../linkage/typescript-worker.ts';
import { FamilyKeys, shardOf } from './family-keys.ts';
import type { ShardReply, ShardRequest } from './shard-worker.ts';

/** Events sent to a shard a message at a time (a message per event costs more than evaluating it). */
const BATCH = 2_000;

export interface ShardedOutcome {
  events: number;
  findings: number;
  findingIds: string[];
  /** Each worker's time spent evaluating. */
  busyMs: number[];
  pendingWakes: number;
  /** Families that moved shard because a merge joined them to a family of another shard. */
  moves: number;
  /** Of those, the ones a worker already held, handed over with their findings and deadlines. */
  handovers: number;
}

/**
 * Evaluation partitioned by family across worker threads: each event goes to the shard of
 * its family's key (FamilyKeys), whose engine holds only that shard's families. When an
 * event joins two families of different shards, the younger family's events, findings
 * and deadlines move to the older family's shard before the event is evaluated there.
 */
export class ShardedEvaluation {
  private readonly workers: Worker[];
  private readonly families = new FamilyKeys();
  private readonly shardOfKey = new Map<string, number>();
  /** Events routed but not yet sent, with the family key each was routed under. */
  private pending: { event: ThreadEvent; key: string }[][];
  /** Families some of whose events a worker already holds. */
  private readonly sent = new Set<string>();
  private moves = 0;
  private handovers = 0;

  constructor(
    private readonly shards: number,
    config: unknown,
    protocols = true,
    private readonly batchSize = BATCH,
  ) {
    // A worker's heap is small by default; a shard holds a share of the whole record.
    this.workers = Array.from({ length: shards }, () =>
      startTypeScriptWorker(new URL('./shard-worker.ts', import.meta.url), { maxOldGenerationSizeMb: 8192 }),
    );
    this.pending = this.workers.map(() => []);
    for (const worker of this.workers) worker.postMessage({ kind: 'start', config, protocols } satisfies ShardRequest);
  }

  private shard(key: string): number {
    let shard = this.shardOfKey.get(key);
    if (shard === undefined) {
      shard = shardOf(key, this.shards);
      this.shardOfKey.set(key, shard);
    }
    return shard;
  }

  /** Routes events (in log order) to their shards. */
  async submit(events: readonly ThreadEvent[]): Promise<void> {
    for (const event of events) {
      const { key, merges } = this.families.observe(event);
      for (const merge of merges) await this.merge(merge.from, merge.into, merge.persons);
      const shard = this.shard(key);
      const batch = this.pending[shard];
      batch.push({ event, key });
      if (batch.length >= this.batchSize) this.flush(shard);
    }
  }

  private flush(shard: number): void {
    const batch = this.pending[shard];
    if (batch.length === 0) return;
    for (const { key } of batch) this.sent.add(key);
    // As JSON text: objects rebuilt by structured clone (strings above all) are much slower for the engine to index and compare.
    this.workers[shard].postMessage({ kind: 'events', json: JSON.stringify(batch.map((entry) => entry.event)) } satisfies ShardRequest);
    this.pending[shard] = [];
  }

  /**
   * A family joined an older one. Its records not yet sent simply follow the older
   * family; records a worker already holds are moved, with the family's findings and
   * deadlines, from that worker to the older family's, after everything routed so far.
   */
  private async merge(from: string, into: string, persons: string[]): Promise<void> {
    const source = this.shard(from);
    const target = this.shard(into);
    const wasSent = this.sent.delete(from);
    if (wasSent) this.sent.add(into);
    if (source === target) {
      for (const entry of this.pending[source]) if (entry.key === from) entry.key = into;
      return;
    }
    this.moves++;
    if (!wasSent) {
      const moving = this.pending[source].filter((entry) => entry.key === from);
      this.pending[source] = this.pending[source].filter((entry) => entry.key !== from);
      for (const entry of moving) entry.key = into;
      // Kept in log order, so the target's clock meets each record at its own time.
      this.pending[target] = mergeBySeq(this.pending[target], moving);
      return;
    }
    this.flush(source);
    this.flush(target);
    const reply = once(this.workers[source], 'message') as Promise<[ShardReply]>;
    this.workers[source].postMessage({ kind: 'extract', persons } satisfies ShardRequest);
    const [answer] = await reply;
    if (answer.kind !== 'extracted') throw new Error('shard answered out of turn');
    this.workers[target].postMessage({ kind: 'adopt', handover: answer.handover } satisfies ShardRequest);
    this.handovers++;
  }

  /** Fires the deadlines due by `until` on every shard, and gathers the outcome. */
  async finish(until: number): Promise<ShardedOutcome> {
    const replies = this.workers.map((worker) => once(worker, 'message') as Promise<[ShardReply]>);
    for (let shard = 0; shard < this.shards; shard++) {
      this.flush(shard);
      this.workers[shard].postMessage({ kind: 'finish', until } satisfies ShardRequest);
    }
    const finished = (await Promise.all(replies)).map(([reply]) => {
      if (reply.kind !== 'finished') throw new Error('shard answered out of turn');
      return reply;
    });
    return {
      events: finished.reduce((n, r) => n + r.events, 0),
      findings: finished.reduce((n, r) => n + r.findings, 0),
      findingIds: finished.flatMap((r) => r.findingIds),
      busyMs: finished.map((r) => r.busyMs),
      pendingWakes: finished.reduce((n, r) => n + r.pendingWakes, 0),
      moves: this.moves,
      handovers: this.handovers,
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

function mergeBySeq<T extends { event: ThreadEvent }>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].event.seq <= b[j].event.seq)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}
