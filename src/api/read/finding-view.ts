import type { Finding } from '../../domain/findings.ts';
import { agencyName } from '../../protocols/support/describe.ts';

export interface FindingView {
  id: string;
  code: string;
  title: string;
  subject: string;
  severity: Finding['severity'];
  status: Finding['status'];
  raisedAt: number;
  deadline?: number;
  overdue: boolean;
  owner: string;
  ownerName: string;
  /** The named practitioner who owns it (the allocated lead), when there is one. */
  ownerPerson?: string;
  /** Each time it went to a safeguarding lead because it was still open past its deadline. */
  escalations: { level: 'organisation' | 'partnership'; at: number; to: string; toName: string }[];
  action: string;
  explanation: string;
  evidence: string[];
  protocol: string;
}

export function findingTitle(code: string): string {
  const text = code.replaceAll('-', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function isOpen(finding: Pick<Finding, 'status'>): boolean {
  return finding.status === 'open' || finding.status === 'acknowledged';
}

export function findingView(finding: Finding, now: number): FindingView {
  return {
    id: finding.id,
    code: finding.code,
    title: findingTitle(finding.code),
    subject: finding.subject,
    severity: finding.severity,
    status: finding.status,
    raisedAt: finding.raisedAt,
    deadline: finding.deadline,
    overdue: isOpen(finding) && finding.deadline !== undefined && finding.deadline < now,
    owner: finding.owner,
    ownerName: agencyName(finding.owner),
    ownerPerson: finding.ownerName,
    escalations: (finding.escalations ?? []).map((e) => ({
      ...e,
      toName: e.level === 'organisation' ? `${agencyName(e.to)}'s safeguarding lead` : `the safeguarding lead of ${e.to}`,
    })),
    action: finding.action,
    explanation: finding.explanation,
    evidence: finding.evidence,
    protocol: `${finding.protocol}@${finding.protocolVersion}`,
  };
}

/** Most urgent first: overdue, then by deadline, then high severity, then newest. */
export function byUrgency(a: FindingView, b: FindingView): number {
  const rank = { high: 0, medium: 1, low: 2 } as const;
  return (
    Number(b.overdue) - Number(a.overdue) ||
    (a.deadline ?? Infinity) - (b.deadline ?? Infinity) ||
    rank[a.severity] - rank[b.severity] ||
    b.raisedAt - a.raisedAt
  );
}
