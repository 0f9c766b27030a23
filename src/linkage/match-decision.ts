import { NULL_LEVEL } from './comparison.ts';
import { dateOfBirth } from './comparisons/date-of-birth.ts';
import { sex } from './comparisons/sex.ts';
import type { DecisionThresholds } from './model-parameters.ts';
import type { PreparedRecord } from './prepared-record.ts';

/** What happens to a scored pair: linked, put to a practitioner, or left apart. */
export type MatchDecision = 'link' | 'review' | 'no-link';

export function decide(probability: number, thresholds: DecisionThresholds): MatchDecision {
  if (probability >= thresholds.link) return 'link';
  if (probability >= thresholds.review) return 'review';
  return 'no-link';
}

const WITHIN_A_MONTH = dateOfBirth.levels.findIndex((level) => level.label === 'within a month');

/**
 * The same valid NHS number identifies the same person, unless the record itself
 * contradicts it: a baby recorded under its mother's NHS number is a known error, so a
 * date of birth more than a month out or a different sex falls back to the model.
 */
export function sameNhsNumberLinks(a: PreparedRecord, b: PreparedRecord): boolean {
  if (a.nhsNumber === null || a.nhsNumber !== b.nhsNumber) return false;
  const born = dateOfBirth.compare(a, b);
  if (born !== NULL_LEVEL && born > WITHIN_A_MONTH) return false;
  return sex.compare(a, b) !== 1;
}
