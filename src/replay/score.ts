import type { Finding } from '../domain/findings.ts';
import { endOfLocalDay, parseLocal } from '../domain/time.ts';
import type { Expectation } from './scenario-file.ts';
import type { ReplayResult } from './replay-scenario.ts';

export interface ExpectationOutcome {
  expectation: Expectation;
  status: 'met' | 'missed' | 'early' | 'late';
  finding?: Finding;
}

export interface Score {
  met: number;
  total: number;
  outcomes: ExpectationOutcome[];
  /** Scored findings (before the incident) that no expectation asked for. */
  unexpected: Finding[];
}

/** `by` is inclusive to its own precision: a date covers the whole day, a minute the whole minute. */
function windowEnd(by: string, zone: string): number {
  const start = parseLocal(by, zone)!;
  if (by.length === 10) return endOfLocalDay(start, zone);
  if (by.length === 16) return start + 59_999;
  return start + 999;
}

export function isScored(finding: Finding, result: ReplayResult): boolean {
  return result.incidentAt === undefined || finding.raisedAt <= result.incidentAt;
}

export function score(result: ReplayResult): Score {
  const zone = result.scenario.timezone;
  const outcomes: ExpectationOutcome[] = [];
  const used = new Set<Finding>();
  for (const expectation of result.scenario.expect ?? []) {
    const from = parseLocal(expectation.from, zone)!;
    const by = windowEnd(expectation.by, zone);
    const candidates = result.findings.filter((f) => f.code === expectation.code && f.subject === expectation.subject);
    // Each finding meets one expectation: two expectations of the same code need two findings.
    const inWindow = candidates.find((f) => !used.has(f) && f.raisedAt >= from && f.raisedAt <= by);
    if (inWindow) {
      used.add(inWindow);
      outcomes.push({ expectation, status: 'met', finding: inWindow });
      continue;
    }
    const early = candidates.find((f) => f.raisedAt < from);
    const late = candidates.find((f) => f.raisedAt > by);
    if (late) used.add(late);
    if (early) used.add(early);
    outcomes.push({ expectation, status: late ? 'late' : early ? 'early' : 'missed', finding: late ?? early });
  }
  const unexpected = result.findings.filter((f) => isScored(f, result) && !used.has(f));
  return { met: outcomes.filter((o) => o.status === 'met').length, total: outcomes.length, outcomes, unexpected };
}
