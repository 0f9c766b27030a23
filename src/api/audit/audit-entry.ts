import { createHash } from 'node:crypto';

export type AuditAction = 'read' | 'write' | 'search' | 'sign-in' | 'sign-out' | 'break-glass' | 'account';
export type AuditOutcome = 'allowed' | 'refused' | 'invalid' | 'failed';

/** One line of the audit: who did what to whose record, and whether it was allowed. */
export interface AuditEntry {
  at: number;
  actor?: string;
  actorRole?: string;
  actorAgency?: string;
  /** The code of the actor's organisation (need-to-know is decided by organisation). */
  actorOrganisation?: string;
  action: AuditAction;
  /** The method and route pattern, e.g. "GET /api/persons/:id". */
  route: string;
  /** The person whose record it was, when there is one. */
  subject?: string;
  outcome: AuditOutcome;
  status: number;
  /** A break-glass reason, a refusal's reason, a search's terms. */
  detail?: string;
}

export interface ChainedEntry extends AuditEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The entry as hashed: a fixed order of fields, absent ones as null. The actor's
 * organisation, recorded since organisations replaced sectors, is hashed after the rest
 * when present, so entries written before it keep the hashes they were chained with.
 */
export function canonicalEntry(seq: number, entry: AuditEntry): string {
  const organisation = entry.actorOrganisation === undefined ? [] : [entry.actorOrganisation];
  return JSON.stringify([
    seq,
    new Date(entry.at).toISOString(),
    entry.actor ?? null,
    entry.actorRole ?? null,
    entry.actorAgency ?? null,
    entry.action,
    entry.route,
    entry.subject ?? null,
    entry.outcome,
    entry.status,
    entry.detail ?? null,
    ...organisation,
  ]);
}

export function chainHash(prevHash: string, seq: number, entry: AuditEntry): string {
  return createHash('sha256').update(prevHash).update(canonicalEntry(seq, entry)).digest('hex');
}

export interface AuditRow {
  seq: number | string;
  at: Date | string;
  actor: string | null;
  actor_role: string | null;
  actor_agency: string | null;
  actor_organisation: string | null;
  action: AuditAction;
  route: string;
  subject: string | null;
  outcome: AuditOutcome;
  status: number;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export function entryFromRow(row: AuditRow): ChainedEntry {
  return {
    seq: Number(row.seq),
    at: new Date(row.at).getTime(),
    actor: row.actor ?? undefined,
    actorRole: row.actor_role ?? undefined,
    actorAgency: row.actor_agency ?? undefined,
    actorOrganisation: row.actor_organisation ?? undefined,
    action: row.action,
    route: row.route,
    subject: row.subject ?? undefined,
    outcome: row.outcome,
    status: Number(row.status),
    detail: row.detail ?? undefined,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
