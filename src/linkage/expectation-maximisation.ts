import { NULL_LEVEL } from './comparison.ts';

export interface EmInput {
  /** Agreement patterns (level per comparison, NULL_LEVEL for missing) and their counts. */
  readonly patterns: readonly { readonly levels: Int8Array; readonly count: number }[];
  /** Comparisons estimated here; the others (those the pairs were blocked on) are left out of the likelihood. */
  readonly active: readonly boolean[];
  /** Starting m per comparison and level (held fixed when u is estimated). */
  readonly m: readonly (readonly number[])[];
  /** u per comparison and level (held fixed when m is estimated). */
  readonly u: readonly (readonly number[])[];
  readonly lambda: number;
  /**
   * Per pattern, the group whose own share of matches (λ) it draws on (pairs at
   * addresses shared by few or by many records); without it, one λ for all.
   */
  readonly groups?: readonly number[];
  /** Which of the two to estimate: m among matches (the default) or u among non-matches. */
  readonly estimate?: 'm' | 'u';
  /** Comparisons left out of the odds for one pattern (a household's shared fields), though still tallied. */
  readonly leftOutFor?: (levels: Int8Array) => readonly boolean[] | null;
}

export interface EmResult {
  readonly m: number[][];
  readonly u: number[][];
  /** Share of the pairs that are matches. */
  readonly lambda: number;
  /** The share per group (when the input had groups; otherwise one entry, equal to lambda). */
  readonly groupLambdas: number[];
  readonly iterations: number;
  readonly converged: boolean;
  /** Per comparison, whether any pair had both values (otherwise its levels stayed as given). */
  readonly observed: boolean[];
}

/**
 * Expectation maximisation for the Fellegi–Sunter model with one side fixed: the E step
 * gives each pattern its probability of being a match under the current m, u and λ, the
 * M step re-estimates λ and either m (from the matches' shares) or u (from the
 * non-matches'). No labels are needed.
 */
export function expectationMaximisation(
  input: EmInput,
  options: { readonly maxIterations?: number; readonly tolerance?: number } = {},
): EmResult {
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-5;
  const estimateU = input.estimate === 'u';
  let m = input.m.map((levels) => [...levels]);
  let u = input.u.map((levels) => [...levels]);
  const groupOf = input.groups ?? input.patterns.map(() => 0);
  const groupCount = Math.max(0, ...groupOf) + 1;
  let lambdas = new Array<number>(groupCount).fill(input.lambda);
  let lambda = input.lambda;
  const seen = input.m.map((levels) => new Float64Array(levels.length));
  for (const { levels, count } of input.patterns)
    for (let c = 0; c < levels.length; c++) if (levels[c] !== NULL_LEVEL) seen[c][levels[c]] += count;
  const observed = seen.map((counts) => counts.some((count) => count > 0));
  const leftOut = input.patterns.map(({ levels }) => input.leftOutFor?.(levels) ?? null);

  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const logBayes = m.map((levels, c) => levels.map((value, level) => Math.log(value / u[c][level])));
    const sideCounts = m.map((levels) => new Float64Array(levels.length));
    const groupMatches = new Float64Array(groupCount),
      groupTotals = new Float64Array(groupCount);
    const priorLogOdds = lambdas.map((share) => Math.log(share / (1 - share)));
    input.patterns.forEach(({ levels, count }, p) => {
      const skip = leftOut[p];
      let logOdds = priorLogOdds[groupOf[p]];
      for (let c = 0; c < levels.length; c++) {
        if (input.active[c] && levels[c] !== NULL_LEVEL && !skip?.[c]) logOdds += logBayes[c][levels[c]];
      }
      const matchShare = count / (1 + Math.exp(-logOdds));
      groupMatches[groupOf[p]] += matchShare;
      groupTotals[groupOf[p]] += count;
      const side = estimateU ? count - matchShare : matchShare;
      for (let c = 0; c < levels.length; c++) if (levels[c] !== NULL_LEVEL) sideCounts[c][levels[c]] += side;
    });
    const current = estimateU ? u : m;
    const next = current.map((levels, c) => (input.active[c] && observed[c] ? reestimated(sideCounts[c], seen[c], levels) : levels));
    const nextLambdas = lambdas.map((share, g) => (groupTotals[g] > 0 ? clamp(groupMatches[g] / groupTotals[g]) : share));
    const nextLambda = clamp(groupMatches.reduce((a, b) => a + b, 0) / groupTotals.reduce((a, b) => a + b, 0));
    const change = Math.max(
      ...nextLambdas.map((share, g) => Math.abs(share - lambdas[g])),
      ...next.flatMap((levels, c) => levels.map((value, l) => Math.abs(value - current[c][l]))),
    );
    if (estimateU) u = next;
    else m = next;
    lambda = nextLambda;
    lambdas = nextLambdas;
    if (change < tolerance) return { m, u, lambda, groupLambdas: lambdas, iterations: iteration, converged: true, observed };
  }
  return { m, u, lambda, groupLambdas: lambdas, iterations: maxIterations, converged: false, observed };
}

// Half a pair's worth of evidence per level (a Jeffreys prior): a level never seen
// among matches gets a small m rather than zero, which would veto every pair in it for
// ever. A level no pair fell into at all keeps its starting value: the data say nothing.
const PSEUDO_COUNT = 0.5;

function reestimated(sideCounts: Float64Array, seen: Float64Array, previous: readonly number[]): number[] {
  let keptShare = 0,
    observedSum = 0,
    observedLevels = 0;
  for (let level = 0; level < seen.length; level++) {
    if (seen[level] > 0) {
      observedSum += sideCounts[level] + PSEUDO_COUNT;
      observedLevels++;
    } else keptShare += previous[level];
  }
  if (observedLevels === 0) return [...previous];
  return previous.map((value, level) => (seen[level] > 0 ? ((sideCounts[level] + PSEUDO_COUNT) / observedSum) * (1 - keptShare) : value));
}

function clamp(probability: number): number {
  return Math.min(Math.max(probability, 1e-9), 1 - 1e-9);
}
