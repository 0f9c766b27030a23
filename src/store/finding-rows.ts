import type { Finding } from '../domain/findings.ts';

export const FINDING_COLUMNS = [
  'id',
  'code',
  'subject',
  'protocol',
  'protocol_version',
  'severity',
  'raised_at',
  'explanation',
  'action',
  'owner',
  'deadline',
  'evidence',
  'requires_referral',
  'status',
  'owner_name',
] as const;

export function findingValues(f: Finding): unknown[] {
  return [
    f.id,
    f.code,
    f.subject,
    f.protocol,
    f.protocolVersion,
    f.severity,
    new Date(f.raisedAt).toISOString(),
    f.explanation,
    f.action,
    f.owner,
    f.deadline === undefined ? null : new Date(f.deadline).toISOString(),
    f.evidence,
    f.requiresReferral ?? false,
    f.status,
    f.ownerName ?? null,
  ];
}

export interface FindingRow {
  id: string;
  code: string;
  subject: string;
  protocol: string;
  protocol_version: string;
  severity: string;
  raised_at: Date | string;
  explanation: string;
  action: string;
  owner: string;
  deadline: Date | string | null;
  evidence: string[];
  requires_referral: boolean;
  status: string;
  owner_name?: string | null;
}

export function findingFromRow(row: FindingRow): Finding {
  return {
    id: row.id,
    code: row.code as Finding['code'],
    subject: row.subject,
    protocol: row.protocol,
    protocolVersion: row.protocol_version,
    severity: row.severity as Finding['severity'],
    raisedAt: new Date(row.raised_at).getTime(),
    explanation: row.explanation,
    action: row.action,
    owner: row.owner as Finding['owner'],
    deadline: row.deadline === null ? undefined : new Date(row.deadline).getTime(),
    evidence: row.evidence,
    requiresReferral: row.requires_referral,
    status: row.status as Finding['status'],
    dedupeKey: row.id,
    ...(row.owner_name ? { ownerName: row.owner_name } : {}),
  };
}

/** A multi-row INSERT for findings; raising is idempotent, so conflicts are ignored. */
export function insertFindingsSql(findings: readonly Finding[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const rows = findings.map((f) => {
    const values = findingValues(f);
    const placeholders = values.map((v) => {
      params.push(v);
      return `$${params.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  return { sql: `INSERT INTO findings (${FINDING_COLUMNS.join(', ')}) VALUES ${rows.join(', ')} ON CONFLICT (id) DO NOTHING`, params };
}
