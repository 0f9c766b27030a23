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
  let lambda = input.lambda;
  const seen = input.m.map((levels) => new Float64Array(levels.length));
  for (const { levels, count } of input.patterns)
    for (let c = 0; c < levels.length; c++) if (levels[c] !== NULL_LEVEL) seen[c][levels[c]] += count;
  const observed = seen.map((counts) => counts.some((count) => count > 0));
  const leftOut = input.patterns.map(({ levels }) => input.leftOutFor?.(levels) ?? null);

  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const logBayes = m.map((levels, c) => levels.map((value, level) => Math.log(value / u[c][level])));
    const sideCounts = m.map((levels) => new Float64Array(levels.length));
    let matchTotal = 0,
      total = 0;
    const priorLogOdds = Math.log(lambda / (1 - lambda));
    input.patterns.forEach(({ levels, count }, p) => {
      const skip = leftOut[p];
      let logOdds = priorLogOdds;
      for (let c = 0; c < levels.length; c++) {
        if (input.active[c] && levels[c] !== NULL_LEVEL && !skip?.[c]) logOdds += logBayes[c][levels[c]];
      }
      const matchShare = count / (1 + Math.exp(-logOdds));
      matchTotal += matchShare;
      total += count;
      const side = estimateU ? count - matchShare : matchShare;
      for (let c = 0; c < levels.length; c++) if (levels[c] !== NULL_LEVEL) sideCounts[c][levels[c]] += side;
    });
    const current = estimateU ? u : m;
    const next = current.map((levels, c) => (input.active[c] && observed[c] ? reestimated(sideCounts[c], seen[c], levels) : levels));
    const nextLambda = clamp(matchTotal / total);
    const change = Math.max(
      Math.abs(nextLambda - lambda),
      ...next.flatMap((levels, c) => levels.map((value, l) => Math.abs(value - current[c][l]))),
    );
    if (estimateU) u = next;
    else m = next;
    lambda = nextLambda;
    if (change < tolerance) return { m, u, lambda, iterations: iteration, converged: true, observed };
  }
  return { m, u, lambda, iterations: maxIterations, converged: false, observed };
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
