import type { Database, Queryable } from './database.ts';
import { parseLogPosition, type LogPosition } from './log-position.ts';
import type { ReadReplica } from './read-replica.ts';

export interface ReadRoutingOptions {
  /** How long a read waits for the replica to reach its reader's own writes before going to the writer. */
  waitMs?: number;
  /** A replica further behind than this serves nobody: every read goes to the writer until it catches up. */
  maxLagMs?: number;
  /** How often the replica's position is compared with the writer's. */
  pollMs?: number;
  now?: () => number;
}

export const DEFAULT_READ_WAIT_MS = 100;
export const DEFAULT_MAX_LAG_MS = 30_000;
export const DEFAULT_POLL_MS = 250;
const WAIT_STEP_MS = 5;
const KEPT_SAMPLES = 1_000;

export type ReadServer = 'replica' | 'writer';

export interface ReadChoice {
  db: Queryable;
  server: ReadServer;
  /** The replica has replayed the position the reader asked for (or none was asked). */
  reached: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Where a read runs: on the replica (DATABASE_READ_URL) when there is one, it answers and
 * it is not too far behind, and it has replayed the reader's own latest write (the
 * position the writer had just after it); otherwise on the writer. Without a replica every
 * read goes to the writer. Writes, sessions, sign-in lock-out, break-glass grants and the
 * audit never come here: they use the writer directly.
 *
 * Consistency: a reader whose request carries the position of their last write sees it
 * (read-your-writes: the replica is waited for up to `waitMs`, then the writer answers);
 * everyone else sees the replica's state, which holds every write committed more than
 * `maxLagMs` (plus one poll) ago, since a replica further behind is not used.
 */
export class ReadRouting {
  /** Reads served by each server, and how many waited for the replica or went to the writer because it was behind. */
  readonly counts = { replica: 0, writer: 0, waited: 0, behind: 0, failed: 0 };
  private replayedUpTo: LogPosition = 0n;
  /** Writer positions seen by the monitor and not yet replayed by the replica, oldest first. */
  private unreplayed: { at: number; position: LogPosition }[] = [];
  private answering = true;
  private timer?: ReturnType<typeof setInterval>;
  private readonly waitMs: number;
  private readonly maxLagMs: number;
  private readonly now: () => number;
  private readonly replicaReads: Queryable;

  constructor(
    readonly writer: Database,
    private readonly replica?: ReadReplica,
    options: ReadRoutingOptions = {},
  ) {
    this.waitMs = options.waitMs ?? DEFAULT_READ_WAIT_MS;
    this.maxLagMs = options.maxLagMs ?? DEFAULT_MAX_LAG_MS;
    this.now = options.now ?? Date.now;
    // A query the replica cannot answer (it is down, or cancelled by a conflict with replay) is asked of the writer.
    this.replicaReads = {
      query: async (sql, params) => {
        try {
          return await replica!.query(sql, params);
        } catch {
          this.counts.failed++;
          this.answering = false;
          return writer.query(sql, params);
        }
      },
    };
    if (replica) {
      this.timer = setInterval(() => void this.poll(), options.pollMs ?? DEFAULT_POLL_MS);
      this.timer.unref();
    }
  }

  /** Whether a replica serves reads at all. */
  get enabled(): boolean {
    return this.replica !== undefined;
  }

  /** How far behind the replica is: the age of the oldest write the monitor saw that it has not replayed (0 when caught up). */
  get lagMs(): number {
    return this.unreplayed.length > 0 ? this.now() - this.unreplayed[0].at : 0;
  }

  /** The writer's log position now: everything committed on it so far is at or before it. */
  async writerPosition(): Promise<LogPosition | undefined> {
    if (!this.replica) return undefined;
    const { rows } = await this.writer.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    return parseLogPosition(rows[0]?.lsn);
  }

  /** Where a read that must see the writer's position `minimum` (if given) runs. */
  async choose(minimum?: LogPosition): Promise<ReadChoice> {
    if (!this.replica) return this.onWriter(true);
    if (!this.answering || this.lagMs > this.maxLagMs) {
      this.counts.behind++;
      return this.onWriter(false);
    }
    if (minimum === undefined || minimum <= this.replayedUpTo) return this.onReplica();
    this.counts.waited++;
    const deadline = this.now() + this.waitMs;
    for (;;) {
      try {
        if ((await this.refreshReplayed()) >= minimum) return this.onReplica();
      } catch {
        this.answering = false;
        break;
      }
      if (this.now() >= deadline) break;
      await sleep(WAIT_STEP_MS);
    }
    this.counts.behind++;
    return this.onWriter(false);
  }

  /** Compares the replica's position with the writer's (every `pollMs`; tests call it directly). */
  async poll(): Promise<void> {
    if (!this.replica) return;
    try {
      const [written, replayed] = await Promise.all([this.writerPosition(), this.refreshReplayed()]);
      this.answering = true;
      const last = this.unreplayed.at(-1);
      if (written !== undefined && written > replayed && (!last || written > last.position))
        this.unreplayed.push({ at: this.now(), position: written });
      // Only the oldest matters for the lag; keep a bounded number of the rest.
      if (this.unreplayed.length > KEPT_SAMPLES) this.unreplayed.splice(1, 1);
    } catch {
      this.answering = false;
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.replica?.close();
  }

  private async refreshReplayed(): Promise<LogPosition> {
    const replayed = await this.replica!.replayed();
    if (replayed > this.replayedUpTo) this.replayedUpTo = replayed;
    while (this.unreplayed.length > 0 && this.unreplayed[0].position <= this.replayedUpTo) this.unreplayed.shift();
    return this.replayedUpTo;
  }

  private onReplica(): ReadChoice {
    this.counts.replica++;
    return { db: this.replicaReads, server: 'replica', reached: true };
  }

  private onWriter(reached: boolean): ReadChoice {
    this.counts.writer++;
    return { db: this.writer, server: 'writer', reached };
  }
}
