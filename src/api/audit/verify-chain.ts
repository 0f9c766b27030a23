import type { Queryable } from '../../store/database.ts';
import { chainHash, entryFromRow, GENESIS_HASH, type AuditRow } from './audit-entry.ts';

export type ChainVerdict =
  { intact: true; entries: number; headHash: string } | { intact: false; entries: number; firstBroken: number; problem: string };

const PAGE = 5_000;

/**
 * Recomputes the whole chain. The first entry whose hash, link to its predecessor or
 * sequence number does not hold is named: an entry edited, removed or inserted by
 * someone who bypassed the append-only trigger breaks the chain from there on.
 */
export async function verifyAuditChain(db: Queryable): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let expected = 1;
  let entries = 0;
  for (;;) {
    const { rows } = await db.query<AuditRow>('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2', [expected, PAGE]);
    if (rows.length === 0) return { intact: true, entries, headHash: prevHash };
    for (const row of rows) {
      const entry = entryFromRow(row);
      if (entry.seq !== expected) {
        return { intact: false, entries, firstBroken: expected, problem: `entry ${expected} is missing (next is ${entry.seq})` };
      }
      if (entry.prevHash !== prevHash) {
        return { intact: false, entries, firstBroken: entry.seq, problem: `entry ${entry.seq} does not link to entry ${entry.seq - 1}` };
      }
      if (chainHash(prevHash, entry.seq, entry) !== entry.hash) {
        return { intact: false, entries, firstBroken: entry.seq, problem: `entry ${entry.seq} was changed after it was written` };
      }
      prevHash = entry.hash;
      expected += 1;
      entries += 1;
    }
  }
}
