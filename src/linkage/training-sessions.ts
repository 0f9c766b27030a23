import type { PreparedRecord } from './prepared-record.ts';

/**
 * An EM pass over pairs that share a key (Splink's
 * estimate_parameters_using_expectation_maximisation with a blocking rule). Every pair
 * agrees on the blocked comparisons, so they say nothing in the pass: they are left
 * out of it and estimated in another pass instead.
 */
export interface TrainingSession {
  readonly name: string;
  key(record: PreparedRecord): string | number | null;
  /**
   * The comparisons the key blocks on, and the levels that equal keys amount to
   * (equal postcode districts: same postcode, sector or district).
   */
  readonly blockedOn: readonly { readonly comparison: string; readonly levels: readonly number[] }[];
  /** Comparisons the key all but decides for different people too: left out of the pass as well. */
  readonly confounded?: readonly string[];
}

const EXACT = [0];

// A third pass, on the full name within a postcode district, was dropped: its pairs are
// so nearly all matches that EM explained a father and a son of one name as one person
// with a wrong date of birth (m for "different" dates 0.07 against 0.001 measured).

export const TRAINING_SESSIONS: readonly TrainingSession[] = [
  {
    name: 'same date of birth',
    key: (r) => r.born?.dayNumber ?? null,
    blockedOn: [{ comparison: 'date-of-birth', levels: EXACT }],
  },
  {
    name: 'same given and family name',
    key: (r) => (r.given !== null && r.family !== null ? `${r.given}|${r.family}` : null),
    blockedOn: [
      { comparison: 'given-name', levels: EXACT },
      { comparison: 'family-name', levels: EXACT },
    ],
    // Given names fix sex, and email addresses are often made of the name.
    confounded: ['sex', 'email'],
  },
];
