import type { KeyObject } from 'node:crypto';
import type { Queryable } from '../../store/database.ts';
import { keyIdOf, signatureHolds, storedCheckpoints, type Checkpoint } from './audit-checkpoints.ts';
import { verifyAuditChain } from './verify-chain.ts';

export interface AnchoredVerdict {
  intact: boolean;
  /** Entries that verify as one unbroken chain from the first. */
  entries: number;
  /** Every problem found, in words. */
  problems: string[];
  /** Checkpoints whose signature holds. */
  checkpoints: number;
  latest?: Checkpoint;
  /** Entries after the latest checkpoint: chained, but not yet anchored by a signature. */
  unanchored: number;
}

const same = (a: Checkpoint, b: Checkpoint) =>
  a.at === b.at && a.seq === b.seq && a.headHash === b.headHash && a.keyId === b.keyId && a.signature === b.signature;

/** The database's checkpoints and the copy kept outside it, as one list; disagreements are problems. */
function mergeCheckpoints(stored: Checkpoint[], external: readonly Checkpoint[], problems: string[]): Checkpoint[] {
  const byNumber = new Map(stored.map((c) => [c.number, c]));
  for (const copy of external) {
    const inDatabase = byNumber.get(copy.number);
    if (!inDatabase) {
      problems.push(`checkpoint ${copy.number} (entry ${copy.seq}) is in the copy outside the database but missing from it`);
      byNumber.set(copy.number, copy);
    } else if (!same(inDatabase, copy)) {
      problems.push(`checkpoint ${copy.number} in the database differs from the copy outside it`);
      byNumber.set(copy.number, copy);
    }
  }
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}

/**
 * Verifies the audit log against its signed checkpoints: the hash chain from the first
 * entry, then each checkpoint's signature (with the public key only) and whether the
 * entry it signed is still there with the same hash. Deleting the newest entries, or
 * rewriting an entry and recomputing every later hash, is found up to the latest
 * checkpoint; entries after it are counted as not yet anchored.
 */
export async function verifyAnchoredAudit(
  db: Queryable,
  publicKey: KeyObject,
  external: readonly Checkpoint[] = [],
): Promise<AnchoredVerdict> {
  const problems: string[] = [];
  const keyId = keyIdOf(publicKey);
  const all = mergeCheckpoints(await storedCheckpoints(db), external, problems);
  const valid: Checkpoint[] = [];
  for (const checkpoint of all) {
    if (checkpoint.keyId !== keyId || !signatureHolds(checkpoint, publicKey)) {
      problems.push(
        `checkpoint ${checkpoint.number}: its signature does not verify with this key (forged, altered, or signed by another key)`,
      );
    } else {
      valid.push(checkpoint);
    }
  }
  for (let i = 0; i < valid.length; i++) {
    const expected = (valid[i - 1]?.number ?? 0) + 1;
    if (valid[i].number !== expected) problems.push(`checkpoints ${expected} to ${valid[i].number - 1} are missing`);
    if (i > 0 && valid[i].seq < valid[i - 1].seq)
      problems.push(`checkpoint ${valid[i].number} signs an earlier entry than checkpoint ${valid[i - 1].number}`);
  }

  const chain = await verifyAuditChain(db, undefined, new Set(valid.map((c) => c.seq)));
  if (!chain.intact) problems.push(chain.problem);
  const verifiedUpTo = chain.intact ? chain.lastSeq : chain.firstBroken - 1;
  let lastGood = 0;
  for (const checkpoint of valid) {
    const hash = chain.hashesAt.get(checkpoint.seq);
    if (chain.intact && checkpoint.seq > chain.lastSeq) {
      problems.push(
        `the log was truncated: checkpoint ${checkpoint.number} signed ${checkpoint.seq} entries but only ${chain.lastSeq} remain (entries ${chain.lastSeq + 1} to ${checkpoint.seq} removed)`,
      );
    } else if (hash !== undefined && hash !== checkpoint.headHash) {
      problems.push(
        `entries were rewritten and rehashed: entry ${checkpoint.seq} no longer has the hash checkpoint ${checkpoint.number} signed (the change is between entries ${lastGood + 1} and ${checkpoint.seq})`,
      );
    } else if (hash !== undefined) {
      lastGood = checkpoint.seq;
    }
  }
  const latest = valid.at(-1);
  return {
    intact: problems.length === 0,
    entries: chain.entries,
    problems,
    checkpoints: valid.length,
    latest,
    unanchored: Math.max(0, verifiedUpTo - (latest?.seq ?? 0)),
  };
}
