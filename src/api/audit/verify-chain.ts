import type { Queryable } from '../../store/database.ts';
import { chainHash, entryFromRow, GENESIS_HASH, type AuditRow } from './audit-entry.ts';

export type ChainVerdict = (
  | { intact: true; entries: number; lastSeq: number; headHash: string }
  | { intact: false; entries: number; firstBroken: number; problem: string }
) & {
  /** The hash of each entry asked for in `watch`, as verified (entries before a break only). */
  hashesAt: Map<number, string>;
};

const PAGE = 5_000;

/**
 * Recomputes the chain, from the start or from a point already trusted (a checkpoint's
 * entry and hash). The first entry whose hash, link to its predecessor or sequence
 * number does not hold is named: an entry edited, removed or inserted by someone who
 * bypassed the append-only trigger breaks the chain from there on, unless they also
 * recompute every later hash, which only a signed checkpoint can reveal.
 */
export async function verifyAuditChain(
  db: Queryable,
  from?: { seq: number; hash: string },
  watch: ReadonlySet<number> = new Set(),
): Promise<ChainVerdict> {
  let prevHash = from?.hash ?? GENESIS_HASH;
  let expected = (from?.seq ?? 0) + 1;
  let entries = 0;
  const hashesAt = new Map<number, string>();
  for (;;) {
    const { rows } = await db.query<AuditRow>('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2', [expected, PAGE]);
    if (rows.length === 0) return { intact: true, entries, lastSeq: expected - 1, headHash: prevHash, hashesAt };
    for (const row of rows) {
      const entry = entryFromRow(row);
      const broken = (firstBroken: number, problem: string): ChainVerdict => ({ intact: false, entries, firstBroken, problem, hashesAt });
      if (entry.seq !== expected) return broken(expected, `entry ${expected} is missing (next is ${entry.seq})`);
      if (entry.prevHash !== prevHash) return broken(entry.seq, `entry ${entry.seq} does not link to entry ${entry.seq - 1}`);
      if (chainHash(prevHash, entry.seq, entry) !== entry.hash)
        return broken(entry.seq, `entry ${entry.seq} was changed after it was written`);
      if (watch.has(entry.seq)) hashesAt.set(entry.seq, entry.hash);
      prevHash = entry.hash;
      expected += 1;
      entries += 1;
    }
  }
}
