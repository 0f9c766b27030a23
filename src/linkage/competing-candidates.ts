import { EdgeList } from './edge-list.ts';
import { weightToProbability } from './model-parameters.ts';

export interface CompetingCandidatesInput {
  readonly records: number;
  /** Pairs at or above the link weight. */
  readonly links: EdgeList;
  /** Pairs in the review band. */
  readonly review: EdgeList;
  /** Match weight of any two records. */
  readonly weightBetween: (i: number, j: number) => number;
  /**
   * Whether two records could be relatives competing for a third record's identity:
   * one household (same postcode or telephone) in a batch; in the record, also people
   * recorded in one family.
   */
  readonly mayBeRelatives: (i: number, j: number) => boolean;
  /** Whether two records are known to be different people (a practitioner said so, or a family record). */
  readonly knownDistinct?: (i: number, j: number) => boolean;
  readonly linkProbability: number;
}

export interface CompetingCandidatesResult {
  readonly links: EdgeList;
  readonly review: EdgeList;
  /** Links sent to review because another person matched the record as well. */
  readonly demoted: number;
}

/**
 * A record that matches two relatives (a father and his son of one name, twins, when
 * the record lacks the date of birth or the given name that would tell them apart) is
 * one of them at most. For a link X–A and each other candidate B of X who may be A's
 * relative, the three records are weighed together: all one person (odds
 * o(XA)·o(XB)·o(AB)), X with A only (o(XA)), X with B only (o(XB)), A with B only
 * (o(AB)), or three people (1). When the chance that X is A falls below the link
 * probability for some B, the link goes to a practitioner instead. A and B known to be
 * different people (a practitioner's rejection, a family record) have o(AB) = 0; A and
 * B that a fourth record links to both count as linked at the weaker of those two links
 * (one person's records seldom all agree pairwise).
 */
export function demoteContestedLinks(input: CompetingCandidatesInput): CompetingCandidatesResult {
  const partners = adjacency(input.records, [input.links, input.review]);
  const knownDistinct = input.knownDistinct ?? (() => false);
  const share = (x: number, a: number, weight: number): number => {
    let lowest = 1;
    for (let p = partners.starts[x]; p < partners.starts[x + 1]; p++) {
      const b = partners.partner[p];
      if (b === a || !(input.mayBeRelatives(a, b) || knownDistinct(a, b))) continue;
      const ab = knownDistinct(a, b) ? null : Math.max(input.weightBetween(a, b), throughAnother(a, b, x));
      lowest = Math.min(lowest, chanceOfFirst(weight, partners.weight[p], ab));
    }
    return lowest === 1 ? weightToProbability(weight) : lowest;
  };
  // The strongest path from a to b through one other record than x (−Infinity when none).
  const throughAnother = (a: number, b: number, x: number): number => {
    let best = -Infinity;
    for (let p = partners.starts[a]; p < partners.starts[a + 1]; p++) {
      const c = partners.partner[p];
      if (c === x || c === b || partners.weight[p] <= best) continue;
      for (let q = partners.starts[b]; q < partners.starts[b + 1]; q++)
        if (partners.partner[q] === c) best = Math.max(best, Math.min(partners.weight[p], partners.weight[q]));
    }
    return best;
  };
  const links = new EdgeList(),
    review = new EdgeList();
  review.append(input.review);
  let demoted = 0;
  for (let e = 0; e < input.links.length; e++) {
    const i = input.links.i(e),
      j = input.links.j(e),
      weight = input.links.weight(e);
    const contested = Math.min(share(i, j, weight), share(j, i, weight)) < input.linkProbability;
    if (contested) {
      review.push(i, j, weight);
      demoted++;
    } else links.push(i, j, weight);
  }
  return { links, review, demoted };
}

/**
 * The chance that X is A when X also matches B: match weights X–A, X–B and A–B (null
 * when A and B are known to be different people), weighed over the five ways three
 * records can be people (all one; X with A; X with B; A with B; three).
 */
export function chanceOfFirst(xaWeight: number, xbWeight: number, abWeight: number | null): number {
  const xa = 2 ** xaWeight,
    xb = 2 ** xbWeight,
    ab = abWeight === null ? 0 : 2 ** abWeight;
  const xIsA = xa * xb * ab + xa;
  return xIsA / (xIsA + xb + ab + 1);
}

/** Each record's partners in the given edge lists, with the pair's weight (compressed rows). */
function adjacency(records: number, lists: readonly EdgeList[]) {
  const starts = new Int32Array(records + 1);
  for (const list of lists)
    for (let e = 0; e < list.length; e++) {
      starts[list.i(e) + 1]++;
      starts[list.j(e) + 1]++;
    }
  for (let r = 0; r < records; r++) starts[r + 1] += starts[r];
  const fill = starts.slice(0, records);
  const partner = new Int32Array(starts[records]),
    weight = new Float64Array(starts[records]);
  for (const list of lists)
    for (let e = 0; e < list.length; e++) {
      const i = list.i(e),
        j = list.j(e);
      partner[fill[i]] = j;
      weight[fill[i]++] = list.weight(e);
      partner[fill[j]] = i;
      weight[fill[j]++] = list.weight(e);
    }
  return { starts, partner, weight };
}
