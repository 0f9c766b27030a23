import { once } from 'node:events';
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
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
  /** Each worker's time spent waiting for a family handed over by another worker. */
  handoverWaitMs: number[];
  /** This thread's time spent routing events (finding families, encoding and sending batches). */
  routingMs: number;
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
 *
 * Routing never waits for a worker: a handover goes from worker to worker, the receiving
 * worker pausing at that point of the log until it arrives (the sending worker reaches
 * the same point without waiting for anyone, so the workers never wait on each other in
 * a circle), while this thread goes on feeding both.
 */
export class ShardedEvaluation {
  private readonly workers: Worker[];
  private readonly families = new FamilyKeys();
  private readonly shardOfKey = new Map<string, number>();
  /** Events routed but not yet sent (in log order), with the family key each was routed under. */
  private pending: { event: ThreadEvent; key: string }[] = [];
  /** Families that joined another before all of their pending events were sent: the key they now go by. */
  private readonly renamed = new Map<string, string>();
  /** Families some of whose events a worker already holds. */
  private readonly sent = new Set<string>();
  private moves = 0;
  private handovers = 0;
  private routingMs = 0;
  private readonly started: Promise<unknown>;

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
    // A channel for each ordered pair of workers carries handovers; the shared counters wake the receiver.
    const signals = new SharedArrayBuffer(4 * shards);
    const outboxes: (MessagePort | undefined)[][] = this.workers.map(() => []);
    const inboxes: (MessagePort | undefined)[][] = this.workers.map(() => []);
    for (let from = 0; from < shards; from++)
      for (let to = 0; to < shards; to++) {
        if (from === to) continue;
        const { port1, port2 } = new MessageChannel();
        outboxes[from][to] = port1;
        inboxes[to][from] = port2;
      }
    this.started = Promise.all(this.workers.map((worker) => once(worker, 'message')));
    this.workers.forEach((worker, shard) => {
      const ports = [...outboxes[shard], ...inboxes[shard]].filter((port) => port !== undefined);
      worker.postMessage(
        { kind: 'start', config, protocols, shard, signals, outboxes: outboxes[shard], inboxes: inboxes[shard] } satisfies ShardRequest,
        ports,
      );
    });
  }

  /** Resolves once every worker has loaded its modules and started its engine. */
  async ready(): Promise<void> {
    await this.started;
  }

  private shard(key: string): number {
    let shard = this.shardOfKey.get(key);
    if (shard === undefined) {
      shard = shardOf(key, this.shards);
      this.shardOfKey.set(key, shard);
    }
    return shard;
  }

  /** The key a family's pending events go by (its own, or that of the family it joined before they were sent). */
  private currentKey(key: string): string {
    for (let next = this.renamed.get(key); next !== undefined; next = this.renamed.get(key)) key = next;
    return key;
  }

  /** Routes events (in log order) to their shards. */
  async submit(events: readonly ThreadEvent[]): Promise<void> {
    const started = performance.now();
    for (const event of events) {
      const { key, merges } = this.families.observe(event);
      for (const merge of merges) this.merge(merge.from, merge.into, merge.persons);
      this.pending.push({ event, key });
      if (this.pending.length >= this.batchSize * this.shards) this.flush();
    }
    this.routingMs += performance.now() - started;
  }

  /** Sends every pending event to its shard, in log order. */
  private flush(): void {
    if (this.pending.length === 0) return;
    const batches: ThreadEvent[][] = this.workers.map(() => []);
    for (const entry of this.pending) {
      const key = this.currentKey(entry.key);
      this.sent.add(key);
      batches[this.shard(key)].push(entry.event);
    }
    this.pending = [];
    // Structured clone costs this thread less than JSON text does (stringified, then copied), and the worker no more (the engine pools the strings either way).
    batches.forEach((batch, shard) => {
      if (batch.length > 0) this.workers[shard].postMessage({ kind: 'events', events: batch } satisfies ShardRequest);
    });
  }

  /**
   * A family joined an older one. Its records not yet sent simply follow the older
   * family; records a worker already holds are moved, with the family's findings and
   * deadlines, from that worker to the older family's, after everything routed so far.
   */
  private merge(from: string, into: string, persons: string[]): void {
    const source = this.shard(from);
    const target = this.shard(into);
    const wasSent = this.sent.delete(from);
    if (source !== target) this.moves++;
    if (wasSent && source !== target) {
      this.flush();
      this.workers[source].postMessage({ kind: 'extract', persons, to: target } satisfies ShardRequest);
      this.workers[target].postMessage({ kind: 'adopt', from: source } satisfies ShardRequest);
      this.handovers++;
    }
    if (wasSent) this.sent.add(into);
    this.renamed.set(from, into);
  }

  /** Fires the deadlines due by `until` on every shard, and gathers the outcome. */
  async finish(until: number): Promise<ShardedOutcome> {
    await this.started;
    const replies = this.workers.map((worker) => once(worker, 'message') as Promise<[ShardReply]>);
    const started = performance.now();
    this.flush();
    this.routingMs += performance.now() - started;
    for (const worker of this.workers) worker.postMessage({ kind: 'finish', until } satisfies ShardRequest);
    const finished = (await Promise.all(replies)).map(([reply]) => {
      if (reply.kind !== 'finished') throw new Error('shard answered out of turn');
      return reply;
    });
    return {
      events: finished.reduce((n, r) => n + r.events, 0),
      findings: finished.reduce((n, r) => n + r.findings, 0),
      findingIds: finished.flatMap((r) => r.findingIds),
      busyMs: finished.map((r) => r.busyMs),
      handoverWaitMs: finished.map((r) => r.handoverWaitMs),
      routingMs: this.routingMs,
      pendingWakes: finished.reduce((n, r) => n + r.pendingWakes, 0),
      moves: this.moves,
      handovers: this.handovers,
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
