import type { Queryable } from '../../store/database.ts';

export interface ProtocolFailureCount {
  protocol: string;
  version: string;
  trigger: string;
  errorType: string;
  count: number;
  firstAt: number;
  lastAt: number;
}

export interface AuditAnchorState {
  entries: number;
  latestCheckpoint?: { number: number; seq: number; at: number };
  /** Entries written since the latest checkpoint. */
  unanchored: number;
}

/** Protocols that threw on live events, most recent first: counts only, no person and no message. */
export async function protocolFailureCounts(db: Queryable): Promise<ProtocolFailureCount[]> {
  const { rows } = await db.query<{
    protocol: string;
    version: string;
    trigger: string;
    error_type: string;
    count: number | string;
    first_at: Date | string;
    last_at: Date | string;
  }>('SELECT * FROM protocol_failures ORDER BY last_at DESC, protocol');
  return rows.map((r) => ({
    protocol: r.protocol,
    version: r.version,
    trigger: r.trigger,
    errorType: r.error_type,
    count: Number(r.count),
    firstAt: new Date(r.first_at).getTime(),
    lastAt: new Date(r.last_at).getTime(),
  }));
}

/** How far the audit's signed checkpoints reach, without recomputing the chain. */
export async function auditAnchorState(db: Queryable): Promise<AuditAnchorState> {
  const head = await db.query<{ seq: number | string }>('SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1');
  const latest = await db.query<{ number: number | string; seq: number | string; at: Date | string }>(
    'SELECT number, seq, at FROM audit_checkpoints ORDER BY number DESC LIMIT 1',
  );
  const entries = Number(head.rows[0]?.seq ?? 0);
  const checkpoint = latest.rows[0];
  return {
    entries,
    latestCheckpoint: checkpoint
      ? { number: Number(checkpoint.number), seq: Number(checkpoint.seq), at: new Date(checkpoint.at).getTime() }
      : undefined,
    unanchored: entries - Number(checkpoint?.seq ?? 0),
  };
}
