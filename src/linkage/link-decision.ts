/**
 * A practitioner's word on a link, which the model never overrides: accept (these two
 * records are one person), reject (they are not, ever, not even through others), or
 * split (this record is not the person it was clustered with).
 */
export type LinkDecision = PairDecision | SplitDecision;

export interface DecisionAuthor {
  readonly name: string;
  readonly role?: string;
}

interface DecisionBase {
  readonly by: DecisionAuthor;
  readonly reason: string;
  /** When the decision was made (ISO date-time); a later decision on the same pair replaces an earlier one. */
  readonly at: string;
}

export interface PairDecision extends DecisionBase {
  readonly kind: 'accept' | 'reject';
  readonly records: readonly [string, string];
}

export interface SplitDecision extends DecisionBase {
  readonly kind: 'split';
  readonly record: string;
  /** The records it had been clustered with: none of them is the same person. */
  readonly from: readonly string[];
}

/** Pairs that must, and must never, be in the same cluster. */
export interface PairConstraints {
  readonly mustLink: readonly (readonly [string, string])[];
  readonly cannotLink: readonly (readonly [string, string])[];
}

/** Reduces decisions to constraints: for each pair, the latest decision stands. */
export function constraintsFrom(decisions: readonly LinkDecision[]): PairConstraints {
  const latest = new Map<string, { kind: 'accept' | 'reject'; pair: readonly [string, string] }>();
  const ordered = decisions
    .map((decision, order) => ({ decision, order }))
    .sort((x, y) => (x.decision.at < y.decision.at ? -1 : x.decision.at > y.decision.at ? 1 : x.order - y.order));
  for (const { decision } of ordered) {
    const pairs =
      decision.kind === 'split'
        ? decision.from.filter((other) => other !== decision.record).map((other) => [decision.record, other] as const)
        : [decision.records];
    const kind = decision.kind === 'accept' ? 'accept' : 'reject';
    for (const pair of pairs) latest.set(pairKey(pair[0], pair[1]), { kind, pair });
  }
  const mustLink: (readonly [string, string])[] = [],
    cannotLink: (readonly [string, string])[] = [];
  for (const { kind, pair } of latest.values()) (kind === 'accept' ? mustLink : cannotLink).push(pair);
  return { mustLink, cannotLink };
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}
