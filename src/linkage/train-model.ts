import { NULL_LEVEL, type Comparison } from './comparison.ts';
import { AgreementPatterns } from './comparison-vectors.ts';
import { blockCount, blockSize, groupByKey, pairsWithinBlocks, type Blocks } from './blocks.ts';
import { estimateU } from './estimate-u.ts';
import { expectationMaximisation } from './expectation-maximisation.ts';
import { HOUSEHOLD_COMPARISONS, RECORDS_AT_ADDRESS_BANDS, bandOf, householdPattern } from './household.ts';
import { priorForPopulation, type HouseholdParameters, type ModelParameters } from './model-parameters.ts';
import type { PreparedRecord } from './prepared-record.ts';
import { randomInt, seededRandom } from './random.ts';
import type { TermFrequencyTables } from './term-frequencies.ts';
import { TRAINING_SESSIONS, type TrainingSession } from './training-sessions.ts';

const MIN_PAIRS_FOR_U = 1_000;
const MIN_PAIRS_FOR_SESSION = 50;

export interface TrainingOptions {
  /** Where EM starts, and the fallback for anything the data cannot estimate. */
  readonly start: ModelParameters;
  readonly sessions?: readonly TrainingSession[];
  readonly seed?: number;
  /** Random pairs drawn to estimate u. */
  readonly maxPairsForU?: number;
  /** Pairs sampled from each EM pass's blocks (EM needs patterns, not every pair). */
  readonly maxPairsPerSession?: number;
}

export interface SessionReport {
  readonly name: string;
  readonly pairsInBlocks: number;
  readonly pairsUsed: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** λ implied by this pass for two records drawn at random, when it could be worked out. */
  readonly priorEstimate: number | null;
}

export interface HouseholdReport {
  readonly pairsInHouseholds: number;
  readonly pairsUsed: number;
  readonly iterations: number;
  /** Share of pairs of one household that are one person. */
  readonly priorEstimate: number;
  /** The same, by band of records at the address. */
  readonly priorByRecordsAtAddress: readonly number[];
}

export interface TrainingReport {
  readonly records: number;
  readonly sessions: readonly SessionReport[];
  readonly household: HouseholdReport;
  readonly untrainedComparisons: readonly string[];
}

/**
 * Trains m, u and λ without labels, as Splink does: u from random pairs, m from EM
 * passes over pairs blocked on different fields, then λ from how many pairs each pass
 * found to match, scaled back up to all pairs.
 */
export function trainModel(
  records: readonly PreparedRecord[],
  comparisons: readonly Comparison[],
  termFrequencies: TermFrequencyTables,
  options: TrainingOptions,
): { parameters: ModelParameters; report: TrainingReport } {
  const random = seededRandom(options.seed ?? 1);
  const start = comparisons.map((comparison) => startLevels(options.start, comparison));
  // Too few pairs say more about chance than about the population: keep the starting u.
  const enoughForU = (records.length * (records.length - 1)) / 2 >= MIN_PAIRS_FOR_U;
  const estimatedU = enoughForU
    ? estimateU(records, comparisons, termFrequencies, {
        maxPairs: options.maxPairsForU ?? 400_000,
        random,
        fallback: start.map((levels) => levels.u),
      })
    : comparisons.map(() => null);
  const u = comparisons.map((_, c) => estimatedU[c] ?? start[c].u);

  // A pair at one address is judged without the fields relatives share (address, town and
  // family name), and with its own share of matches: otherwise EM takes twins and a
  // father and son of one name for one person whose given name or date of birth is wrong.
  const isHousehold = householdPattern(comparisons.map((comparison) => comparison.key));
  const sharedByRelatives = comparisons.map((comparison) => HOUSEHOLD_COMPARISONS.has(comparison.key) || comparison.key === 'family-name');
  const householdFields = (levels: Int8Array) => (isHousehold(levels) ? sharedByRelatives : null);

  const mEstimates: { m: number[]; purity: number }[][] = comparisons.map(() => []);
  const passes: {
    session: TrainingSession;
    pairsInBlocks: number;
    pairsUsed: number;
    lambda: number;
    iterations: number;
    converged: boolean;
  }[] = [];
  for (const session of options.sessions ?? TRAINING_SESSIONS) {
    const blocks = groupByKey(records, (record) => session.key(record));
    const pairsInBlocks = pairsWithinBlocks(blocks);
    if (pairsInBlocks < MIN_PAIRS_FOR_SESSION) continue;
    const patterns = new AgreementPatterns(comparisons);
    const pairsUsed = samplePairs(blocks, options.maxPairsPerSession ?? 300_000, random, (i, j) => patterns.add(records[i], records[j]));
    const leftOut = new Set([...session.blockedOn.map((blocked) => blocked.comparison), ...(session.confounded ?? [])]);
    const active = comparisons.map((comparison) => !leftOut.has(comparison.key));
    const entries = [...patterns.entries()];
    const result = expectationMaximisation({
      patterns: entries,
      groups: entries.map(({ levels }) => (isHousehold(levels) ? 1 : 0)),
      active,
      m: start.map((levels) => levels.m),
      u,
      lambda: 0.1,
      leftOutFor: householdFields,
    });
    comparisons.forEach((_, c) => {
      if (active[c] && result.observed[c]) mEstimates[c].push({ m: result.m[c], purity: result.lambda });
    });
    passes.push({ session, pairsInBlocks, pairsUsed, lambda: result.lambda, iterations: result.iterations, converged: result.converged });
  }

  // Each m comes from the pass where matches made up the largest share of the pairs:
  // there, non-matches that EM half-believes are matches distort it least.
  const m = comparisons.map((_, c) => (mEstimates[c].length > 0 ? purest(mEstimates[c]) : start[c].m));
  const completeness = comparisons.map((comparison) => shareWithValue(records, comparison));
  const totalPairs = (records.length * (records.length - 1)) / 2;
  const sessions = passes.map((pass): SessionReport => {
    // P(pair in this pass | match): both records have every blocked value and agree at the key's levels.
    let agreeAmongMatches = 1;
    for (const blocked of pass.session.blockedOn) {
      const c = comparisons.findIndex((comparison) => comparison.key === blocked.comparison);
      agreeAmongMatches *= blocked.levels.reduce((sum, level) => sum + m[c][level], 0) * completeness[c] ** 2;
    }
    const priorEstimate = agreeAmongMatches > 0 ? (pass.lambda * pass.pairsInBlocks) / (agreeAmongMatches * totalPairs) : null;
    return {
      name: pass.session.name,
      pairsInBlocks: pass.pairsInBlocks,
      pairsUsed: pass.pairsUsed,
      iterations: pass.iterations,
      converged: pass.converged,
      priorEstimate,
    };
  });
  const priors = sessions
    .map((session) => session.priorEstimate)
    .filter((prior): prior is number => prior !== null && prior > 0 && prior < 1);
  const prior =
    priors.length > 0 ? Math.exp(average(priors.map((p) => [Math.log(p)]))[0]) : priorForPopulation(options.start, records.length - 1);

  const household = trainHousehold(records, comparisons, {
    m,
    u,
    start: options.start,
    random,
    maxPairs: options.maxPairsPerSession ?? 300_000,
  });
  const parameters: ModelParameters = {
    version: 2,
    priorMatchProbability: prior,
    recordsTrainedOn: records.length,
    provenance: `trained without labels on ${records.length} records: u from random pairs, m by EM over ${sessions.map((s) => s.name).join('; ')}`,
    comparisons: comparisons.map((comparison, c) => ({
      key: comparison.key,
      levels: comparison.levels.map((level, l) => ({ label: level.label, m: m[c][l], u: u[c][l] })),
    })),
    household: household.parameters,
  };
  const untrainedComparisons = comparisons.filter((_, c) => mEstimates[c].length === 0).map((comparison) => comparison.key);
  return { parameters, report: { records: records.length, sessions, household: household.report, untrainedComparisons } };
}

/**
 * u among relatives and the share of one person among pairs of one household, by EM with
 * the model's m held fixed (a person's records differ in the same ways at home as
 * anywhere): the other side of the passes above, which hold u and estimate m.
 */
function trainHousehold(
  records: readonly PreparedRecord[],
  comparisons: readonly Comparison[],
  model: {
    readonly m: readonly (readonly number[])[];
    readonly u: readonly (readonly number[])[];
    readonly start: ModelParameters;
    readonly random: () => number;
    readonly maxPairs: number;
  },
): { parameters: HouseholdParameters; report: HouseholdReport } {
  const weighed = comparisons.map((comparison) => !HOUSEHOLD_COMPARISONS.has(comparison.key));
  const bands = RECORDS_AT_ADDRESS_BANDS.length + 1;
  const byBand = Array.from({ length: bands }, () => new AgreementPatterns(comparisons));
  const pairs = forEachHouseholdPair(records, model.maxPairs, model.random, (i, j, band) => byBand[band].add(records[i], records[j]));
  const patterns = byBand.flatMap((band) => [...band.entries()]);
  const groups = byBand.flatMap((band, b) => [...band.entries()].map(() => b));
  // EM starts from u = how all pairs at one address differ (matches among them too): it
  // claims nothing, where the random pairs' u would claim that a shared family name
  // sets two people apart, and EM would settle on calling whole families one person.
  const startU = comparisons.map((comparison, c) => (weighed[c] ? levelShares(patterns, c, comparison.levels.length) : model.u[c]));
  // Too few pairs at one address to learn from: keep the starting parameters' household.
  const start = model.start.household;
  let prior = start.priorMatchProbability;
  let priors = [...start.priorByRecordsAtAddress];
  let u = comparisons.map((comparison, c) =>
    weighed[c]
      ? (start.comparisons.find((found) => found.key === comparison.key)?.levels.map((level) => level.u) ?? startU[c])
      : model.u[c],
  );
  let iterations = 0;
  let relatives = start.relativesSharingFamilyName ?? 0;
  if (pairs.used >= MIN_PAIRS_FOR_SESSION) {
    const result = expectationMaximisation({
      patterns,
      groups,
      active: weighed,
      m: model.m,
      u: startU,
      lambda: 0.3,
      estimate: 'u',
    });
    prior = result.lambda;
    relatives = relativesSharingFamilyName(records, comparisons, {
      patterns,
      groups,
      m: model.m,
      u: result.u,
      lambdas: result.groupLambdas,
      weighed,
      sampled: pairs.used / Math.max(pairs.total, 1),
    });
    // A band with no pairs keeps the overall share.
    priors = result.groupLambdas.map((share, b) => (byBand[b].total > 0 ? share : result.lambda));
    u = result.u;
    iterations = result.iterations;
  }
  return {
    parameters: {
      priorMatchProbability: prior,
      priorByRecordsAtAddress: priors,
      relativesSharingFamilyName: relatives,
      comparisons: comparisons
        .map((comparison, c) => ({
          key: comparison.key,
          levels: comparison.levels.map((level, l) => ({ label: level.label, u: u[c][l] })),
        }))
        .filter((_, c) => weighed[c]),
    },
    report: { pairsInHouseholds: pairs.total, pairsUsed: pairs.used, iterations, priorEstimate: prior, priorByRecordsAtAddress: priors },
  };
}

/**
 * Records of relatives sharing a record's family name: the pairs at one address that
 * share the family name and are, by the fitted model, two people, counted for both
 * records and spread over the records with an address.
 */
function relativesSharingFamilyName(
  records: readonly PreparedRecord[],
  comparisons: readonly Comparison[],
  fit: {
    readonly patterns: readonly { levels: Int8Array; count: number }[];
    readonly groups: readonly number[];
    readonly m: readonly (readonly number[])[];
    readonly u: readonly (readonly number[])[];
    readonly lambdas: readonly number[];
    readonly weighed: readonly boolean[];
    /** Share of the household pairs that the patterns hold. */
    readonly sampled: number;
  },
): number {
  const family = comparisons.findIndex((comparison) => comparison.key === 'family-name');
  const withAddress = records.filter((r) => r.postcode !== null || r.landline !== null).length;
  if (family < 0 || withAddress === 0 || fit.sampled === 0) return 0;
  let relativePairs = 0;
  fit.patterns.forEach(({ levels, count }, p) => {
    if (levels[family] !== 0) return;
    let logOdds = Math.log(fit.lambdas[fit.groups[p]] / (1 - fit.lambdas[fit.groups[p]]));
    for (let c = 0; c < levels.length; c++)
      if (fit.weighed[c] && levels[c] !== NULL_LEVEL) logOdds += Math.log(fit.m[c][levels[c]] / fit.u[c][levels[c]]);
    relativePairs += count / (1 + Math.exp(logOdds));
  });
  return (2 * relativePairs) / fit.sampled / withAddress;
}

function levelShares(patterns: readonly { levels: Int8Array; count: number }[], comparison: number, levels: number): number[] {
  const counts = new Float64Array(levels).fill(0.5);
  for (const { levels: pattern, count } of patterns) if (pattern[comparison] !== NULL_LEVEL) counts[pattern[comparison]] += count;
  const total = counts.reduce((sum, count) => sum + count, 0);
  return Array.from(counts, (count) => count / total);
}

/**
 * Pairs of records at one address (each once, with the band of how many records share
 * the address), or a uniform sample of them when there are more than `maxPairs`.
 */
function forEachHouseholdPair(
  records: readonly PreparedRecord[],
  maxPairs: number,
  random: () => number,
  visit: (i: number, j: number, band: number) => void,
): { total: number; used: number } {
  const byPostcode = groupByKey(records, (r) => (r.postcodeId < 0 ? null : r.postcodeId));
  const byLandline = groupByKey(records, (r) => r.landline);
  const total = pairsWithinBlocks(byPostcode) + pairsWithinBlocks(byLandline);
  const keep = Math.min(1, maxPairs / Math.max(total, 1));
  let used = 0;
  for (const blocks of [byPostcode, byLandline]) {
    for (let b = 0; b < blockCount(blocks); b++) {
      const band = bandOf(blockSize(blocks, b));
      for (let x = blocks.starts[b]; x < blocks.starts[b + 1]; x++) {
        for (let y = x + 1; y < blocks.starts[b + 1]; y++) {
          const i = blocks.members[x],
            j = blocks.members[y];
          // A pair at one postcode and on one landline is visited with the postcodes only.
          if (blocks === byLandline && byPostcode.blockOf[i] >= 0 && byPostcode.blockOf[i] === byPostcode.blockOf[j]) continue;
          if (keep < 1 && random() >= keep) continue;
          visit(i, j, band);
          used++;
        }
      }
    }
  }
  return { total, used };
}

function startLevels(start: ModelParameters, comparison: Comparison): { m: number[]; u: number[] } {
  const found = start.comparisons.find((candidate) => candidate.key === comparison.key);
  if (!found || found.levels.length !== comparison.levels.length)
    throw new Error(`starting parameters do not fit the ${comparison.key} comparison`);
  return { m: found.levels.map((level) => level.m), u: found.levels.map((level) => level.u) };
}

/** Every pair within the blocks when there are few enough, otherwise a uniform sample of them. */
function samplePairs(blocks: Blocks, maxPairs: number, random: () => number, visit: (i: number, j: number) => void): number {
  const total = pairsWithinBlocks(blocks);
  const count = blockCount(blocks);
  if (total <= maxPairs) {
    for (let b = 0; b < count; b++) {
      for (let x = blocks.starts[b]; x < blocks.starts[b + 1]; x++) {
        for (let y = x + 1; y < blocks.starts[b + 1]; y++) visit(blocks.members[x], blocks.members[y]);
      }
    }
    return total;
  }
  const cumulative = new Float64Array(count);
  let running = 0;
  for (let b = 0; b < count; b++) {
    const size = blockSize(blocks, b);
    running += (size * (size - 1)) / 2;
    cumulative[b] = running;
  }
  for (let drawn = 0; drawn < maxPairs; drawn++) {
    const block = firstAtLeast(cumulative, random() * running);
    const size = blockSize(blocks, block);
    const x = randomInt(random, size);
    let y = randomInt(random, size - 1);
    if (y >= x) y++;
    visit(blocks.members[blocks.starts[block] + x], blocks.members[blocks.starts[block] + y]);
  }
  return maxPairs;
}

function firstAtLeast(sorted: Float64Array, target: number): number {
  let low = 0,
    high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

function shareWithValue(records: readonly PreparedRecord[], comparison: Comparison): number {
  if (records.length === 0) return 0;
  let present = 0;
  for (const record of records) if (comparison.compare(record, record) !== NULL_LEVEL) present++;
  return present / records.length;
}

function purest(estimates: readonly { m: number[]; purity: number }[]): number[] {
  return estimates.reduce((best, estimate) => (estimate.purity > best.purity ? estimate : best)).m;
}

function average(vectors: readonly number[][]): number[] {
  return vectors[0].map((_, index) => vectors.reduce((sum, vector) => sum + vector[index], 0) / vectors.length);
}
