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
}

export function findingId(code: string, subject: string, dedupeKey: string): string {
  return `${code}:${subject}:${dedupeKey}`;
}
