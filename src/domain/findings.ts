import type { Agency, FindingCode } from './vocabulary.ts';

export type FindingSeverity = 'high' | 'medium' | 'low';
export type FindingStatus = 'open' | 'acknowledged' | 'actioned' | 'closed';

/** What a protocol proposes; the engine adds identity, protocol and time. */
export interface FindingDraft {
  code: FindingCode;
  /** The child or unborn baby the finding protects. */
  subject: string;
  /** Same code + subject + dedupeKey is the same condition: raised once. */
  dedupeKey: string;
  severity: FindingSeverity;
  /** Plain English, citing the records it rests on. */
  explanation: string;
  /** Keys of the events the finding rests on. */
  evidence: string[];
  /** What to do. */
  action: string;
  owner: Agency;
  /** The named practitioner who owns it within the owning agency (the allocated lead), if any. */
  ownerName?: string;
  deadline?: number;
  /** A finding that itself requires a same-day referral to children's social care. */
  requiresReferral?: boolean;
}

export interface Finding extends FindingDraft {
  id: string;
  protocol: string;
  protocolVersion: string;
  raisedAt: number;
  status: FindingStatus;
  /** Each step by which the overdue finding went to a safeguarding lead, oldest first. */
  escalations?: FindingEscalation[];
}

/** An overdue finding sent up: to the owning organisation's, then the partnership's, safeguarding lead. */
export interface FindingEscalation {
  level: 'organisation' | 'partnership';
  at: number;
  /** The organisation whose safeguarding lead is told, or the partnership's name. */
  to: string;
}

export function findingId(code: string, subject: string, dedupeKey: string): string {
  return `${code}:${subject}:${dedupeKey}`;
}
