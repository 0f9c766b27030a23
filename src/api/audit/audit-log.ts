import type { Database, Transaction } from '../../store/database.ts';
import { chainHash, GENESIS_HASH, type AuditEntry } from './audit-entry.ts';

interface Pending {
  entry: AuditEntry;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 2_000;
/** Serialises writers across servers sharing one PostgreSQL database. */
export const CHAIN_LOCK = 7262;

/**
 * The append-only, hash-chained audit log. `record` resolves once the entry is
 * committed, so a record is shown only after its reading is durably audited. Entries
 * arriving while a batch is being written are written together in the next one (group
 * commit), which keeps the cost of auditing every read small under load.
 */
export class AuditLog {
  private pending: Pending[] = [];
  private flushing: Promise<void> | undefined;

  constructor(private readonly db: Database) {}

  record(entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ entry, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  /** Resolves when every entry recorded so far is committed. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    // Let the entries of requests arriving in the same turn join the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_BATCH);
      try {
        await this.db.transaction((tx) =>
          this.append(
            tx,
            batch.map((p) => p.entry),
          ),
        );
        for (const p of batch) p.resolve();
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
    this.flushing = undefined;
  }

  private async append(tx: Transaction, entries: readonly AuditEntry[]): Promise<void> {
    if (this.db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    const { rows } = await tx.query<{ seq: number | string; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    let seq = rows[0] ? Number(rows[0].seq) : 0;
    let prev = rows[0]?.hash ?? GENESIS_HASH;
    const columns: unknown[][] = Array.from({ length: 14 }, () => []);
    for (const entry of entries) {
      seq += 1;
      const hash = chainHash(prev, seq, entry);
      const values = [
        seq,
        new Date(entry.at).toISOString(),
        entry.actor ?? null,
        entry.actorRole ?? null,
        entry.actorAgency ?? null,
        entry.actorOrganisation ?? null,
        entry.action,
        entry.route,
        entry.subject ?? null,
        entry.outcome,
        entry.status,
        entry.detail ?? null,
        prev,
        hash,
      ];
      values.forEach((value, i) => columns[i].push(value));
      prev = hash;
    }
    await tx.query(
      `INSERT INTO audit_log (seq, at, actor, actor_role, actor_agency, actor_organisation, action, route, subject, outcome, status, detail,
                              prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                            $9::text[], $10::text[], $11::int[], $12::text[], $13::text[], $14::text[])`,
      columns,
    );
  }
}
