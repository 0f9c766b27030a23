import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { Database, Queryable } from '../../store/database.ts';
import { CHAIN_LOCK } from './audit-log.ts';
import { verifyAuditChain } from './verify-chain.ts';

/** A signed statement: "the audit chain had `seq` entries and its head hash was `headHash` at `at`". */
export interface Checkpoint {
  number: number;
  at: number;
  seq: number;
  headHash: string;
  /** Which key signed it: the first 16 hex digits of the SHA-256 of the public key. */
  keyId: string;
  /** Ed25519 signature of `signedText`, base64. */
  signature: string;
}

/** The copy of the checkpoints kept outside the database, in the keys folder. */
export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex')
    .slice(0, 16);
}

/** Exactly what is signed: every field, in a fixed order, in one line. */
export function signedText(checkpoint: Omit<Checkpoint, 'signature'>): string {
  return `threadline-audit-checkpoint/1 ${checkpoint.number} ${checkpoint.seq} ${checkpoint.headHash} ${new Date(checkpoint.at).toISOString()} ${checkpoint.keyId}`;
}

export function signatureHolds(checkpoint: Checkpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(signedText(checkpoint)), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

interface CheckpointRow {
  number: number | string;
  at: Date | string;
  seq: number | string;
  head_hash: string;
  key_id: string;
  signature: string;
}

const fromRow = (row: CheckpointRow): Checkpoint => ({
  number: Number(row.number),
  at: new Date(row.at).getTime(),
  seq: Number(row.seq),
  headHash: row.head_hash,
  keyId: row.key_id,
  signature: row.signature,
});

export async function storedCheckpoints(db: Queryable): Promise<Checkpoint[]> {
  const { rows } = await db.query<CheckpointRow>('SELECT * FROM audit_checkpoints ORDER BY number');
  return rows.map(fromRow);
}

/** The copy kept outside the database: one JSON line per checkpoint. */
export function readCheckpointFile(file: string): Checkpoint[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Checkpoint);
}

export type CheckpointOutcome =
  | { written: true; checkpoint: Checkpoint }
  | { written: false; reason: 'unchanged' | 'empty' }
  | { written: false; reason: 'broken'; problem: string };

/**
 * Writes signed checkpoints of the audit chain's head: into the database, into a file
 * beside the key (outside the database) and to whoever listens (the server's log), so
 * that a truncation or a rewrite of the log up to the latest checkpoint cannot go
 * unseen by someone who does not hold the key. A checkpoint is written only over a
 * chain verified since the previous one, so a tampered head is never signed.
 */
export class AuditCheckpoints {
  private readonly keyId: string;

  constructor(
    private readonly db: Database,
    private readonly signingKey: KeyObject,
    private readonly now: () => number = Date.now,
    private readonly file?: string,
    private readonly announce?: (checkpoint: Checkpoint) => void,
  ) {
    this.keyId = keyIdOf(signingKey);
  }

  async write(): Promise<CheckpointOutcome> {
    const outcome = await this.db.transaction(async (tx): Promise<CheckpointOutcome> => {
      if (this.db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
      const last = (await tx.query<CheckpointRow>('SELECT * FROM audit_checkpoints ORDER BY number DESC LIMIT 1')).rows[0];
      const previous = last ? fromRow(last) : undefined;
      const head = (await tx.query<{ seq: number | string; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'))
        .rows[0];
      if (!head) return { written: false, reason: 'empty' };
      if (previous && Number(head.seq) === previous.seq) return { written: false, reason: 'unchanged' };
      const verdict = await verifyAuditChain(tx, previous ? { seq: previous.seq, hash: previous.headHash } : undefined);
      if (!verdict.intact) return { written: false, reason: 'broken', problem: verdict.problem };
      const unsigned = {
        number: (previous?.number ?? 0) + 1,
        at: this.now(),
        seq: verdict.lastSeq,
        headHash: verdict.headHash,
        keyId: this.keyId,
      };
      const checkpoint: Checkpoint = {
        ...unsigned,
        signature: sign(null, Buffer.from(signedText(unsigned)), this.signingKey).toString('base64'),
      };
      await tx.query('INSERT INTO audit_checkpoints (number, at, seq, head_hash, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6)', [
        checkpoint.number,
        new Date(checkpoint.at).toISOString(),
        checkpoint.seq,
        checkpoint.headHash,
        checkpoint.keyId,
        checkpoint.signature,
      ]);
      return { written: true, checkpoint };
    });
    if (outcome.written) {
      if (this.file) appendFileSync(this.file, `${JSON.stringify(outcome.checkpoint)}\n`, { mode: 0o600 });
      this.announce?.(outcome.checkpoint);
    }
    return outcome;
  }
}
