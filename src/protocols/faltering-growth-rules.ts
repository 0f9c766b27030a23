import { SDS_OF_CENTILE_LINE, centileSpacesFallen } from '../growth/centile-spaces.ts';
import { dayOfLife, describeWeight, weightBasis, weightSds, type RecordedWeight, type WeighedChild } from './faltering-growth-weights.ts';

export interface FalteringGrowthConfig {
  childUnderMonths: number;
  earlyLossPercent: number;
  regainBirthWeightByDays: number;
  centileRulesFromDays: number;
  spacesIfBirthBelow9th: number;
  spacesIfBirth9thTo91st: number;
  spacesIfBirthAbove91st: number;
  belowCentile: 0.4 | 2 | 9;
  reviewWithinDays: number;
}

/** One NG75 criterion met by a weight; `key` identifies the episode so it is raised once. */
export interface CriterionMet {
  key: string;
  sentence: string;
  evidence: string[];
  severe: boolean;
}

const BELOW_LINE_SDS = { 0.4: SDS_OF_CENTILE_LINE['0.4'], 2: SDS_OF_CENTILE_LINE['2'], 9: SDS_OF_CENTILE_LINE['9'] } as const;
const fmt = (n: number) => n.toFixed(1);

function spacesNeeded(birthSds: number, config: FalteringGrowthConfig): { spaces: number; band: string } {
  if (birthSds < SDS_OF_CENTILE_LINE['9']) return { spaces: config.spacesIfBirthBelow9th, band: 'below the 9th centile' };
  if (birthSds > SDS_OF_CENTILE_LINE['91']) return { spaces: config.spacesIfBirthAbove91st, band: 'above the 91st centile' };
  return { spaces: config.spacesIfBirth9thTo91st, band: 'between the 9th and 91st centiles' };
}

/** NG75: in the early days, a loss of more than the threshold percentage of birth weight. */
function earlyLoss(
  child: WeighedChild,
  birth: RecordedWeight,
  current: RecordedWeight,
  config: FalteringGrowthConfig,
  zone: string,
): CriterionMet | undefined {
  if (dayOfLife(child, current.at) > config.regainBirthWeightByDays) return undefined;
  const lossPercent = ((birth.kg - current.kg) / birth.kg) * 100;
  if (!(lossPercent > config.earlyLossPercent)) return undefined;
  return {
    key: 'early-weight-loss',
    sentence: `Weight ${describeWeight(child, current, weightSds(child, current), zone)} is ${fmt(lossPercent)}% below the ${describeWeight(child, birth, weightSds(child, birth), zone)}; NICE NG75 treats a loss of more than ${config.earlyLossPercent}% in the early days as a concern.`,
    evidence: [birth.key, current.key],
    severe: lossPercent > config.earlyLossPercent * 1.5,
  };
}

/** NG75: not back to birth weight by 3 weeks. `weights` are those recorded up to now. */
export function birthWeightNotRegained(
  child: WeighedChild,
  weights: readonly RecordedWeight[],
  at: number,
  config: FalteringGrowthConfig,
  zone: string,
): CriterionMet | undefined {
  const birth = weights.find((w) => w.isBirthWeight);
  const since = weights.filter((w) => !w.isBirthWeight && w.at > (birth?.at ?? Infinity) && w.at <= at);
  const latest = since.at(-1);
  if (!birth || !latest || since.some((w) => w.kg >= birth.kg)) return undefined;
  if (dayOfLife(child, at) < config.regainBirthWeightByDays) return undefined;
  return {
    key: 'birth-weight-not-regained',
    sentence: `By ${config.regainBirthWeightByDays} days the baby is not back to ${describeWeight(child, birth, weightSds(child, birth), zone)}: the latest weight is ${describeWeight(child, latest, weightSds(child, latest), zone)}; NICE NG75 expects birth weight to be regained by 3 weeks.`,
    evidence: [birth.key, latest.key],
    severe: false,
  };
}

/** NG75: a fall across centile spaces, measured from the highest earlier centile. */
function centileFall(
  child: WeighedChild,
  weights: readonly RecordedWeight[],
  current: RecordedWeight,
  currentSds: number,
  config: FalteringGrowthConfig,
  zone: string,
): CriterionMet | undefined {
  const basis = weightBasis(child, current);
  let reference: RecordedWeight | undefined;
  let referenceSds = -Infinity;
  for (const weight of weights) {
    if (weight.at >= current.at || weight.key === current.key) continue;
    const sds = weightSds(child, weight, basis);
    if (sds !== null && sds > referenceSds) {
      reference = weight;
      referenceSds = sds;
    }
  }
  if (!reference) return undefined;
  const birth = weights.find((w) => w.isBirthWeight);
  const birthSds = birth ? weightSds(child, birth) : null;
  const { spaces, band } = spacesNeeded(birthSds ?? referenceSds, config);
  const fallen = centileSpacesFallen(referenceSds, currentSds);
  if (fallen < spaces - 1e-9) return undefined;
  const bandOf = birthSds !== null ? 'birth weight was' : 'the earliest centile known was';
  return {
    key: `centile-fall:${reference.key}`,
    sentence: `Weight ${describeWeight(child, current, currentSds, zone)} has fallen ${fmt(fallen)} centile spaces (${fmt(referenceSds - currentSds)} SDS) from the ${describeWeight(child, reference, referenceSds, zone)}; NICE NG75 calls a fall across ${spaces} or more spaces a concern when ${bandOf} ${band}.`,
    evidence: [reference.key, current.key],
    severe: fallen >= spaces + 1,
  };
}

/** NG75: current weight below the 2nd centile whatever the birth weight. Keyed by the run's first weight. */
function belowCentile(
  child: WeighedChild,
  weights: readonly RecordedWeight[],
  current: RecordedWeight,
  currentSds: number,
  config: FalteringGrowthConfig,
  zone: string,
): CriterionMet | undefined {
  const line = BELOW_LINE_SDS[config.belowCentile];
  if (!(currentSds < line)) return undefined;
  let runStart = current;
  for (let i = weights.length - 1; i >= 0; i--) {
    const weight = weights[i];
    if (weight.at >= current.at) continue;
    if (dayOfLife(child, weight.at) < config.centileRulesFromDays) break;
    const sds = weightSds(child, weight);
    if (sds === null || sds >= line) break;
    runStart = weight;
  }
  return {
    key: `below-centile:${runStart.key}`,
    sentence: `Weight ${describeWeight(child, current, currentSds, zone)} is below the ${config.belowCentile === 0.4 ? '0.4th' : config.belowCentile === 2 ? '2nd' : '9th'} centile; NICE NG75 treats this as a concern whatever the birth weight.`,
    evidence: [current.key],
    severe: currentSds < SDS_OF_CENTILE_LINE['0.4'],
  };
}

/** Every NG75 criterion that a new weight meets, given the weights recorded before it. */
export function criteriaMetBy(
  child: WeighedChild,
  weights: readonly RecordedWeight[],
  current: RecordedWeight,
  config: FalteringGrowthConfig,
  zone: string,
): CriterionMet[] {
  const met: (CriterionMet | undefined)[] = [];
  const birth = weights.find((w) => w.isBirthWeight);
  if (birth && current.at > birth.at) {
    met.push(earlyLoss(child, birth, current, config, zone));
    if (dayOfLife(child, current.at) >= config.regainBirthWeightByDays) {
      met.push(birthWeightNotRegained(child, weights, current.at, config, zone));
    }
  }
  if (dayOfLife(child, current.at) >= config.centileRulesFromDays) {
    const currentSds = weightSds(child, current);
    if (currentSds !== null) {
      met.push(centileFall(child, weights, current, currentSds, config, zone));
      met.push(belowCentile(child, weights, current, currentSds, config, zone));
    }
  }
  return met.filter((m): m is CriterionMet => m !== undefined);
}
