// Diagnostic support (uses labels): parameters measured on the labels instead of
// estimated by EM: m among pairs of one person, u and the prior among pairs of one household.
import { NULL_LEVEL } from '../src/linkage/comparison.ts';
import { COMPARISONS } from '../src/linkage/comparisons/index.ts';
import { sameHousehold } from '../src/linkage/household.ts';
import type { ModelParameters } from '../src/linkage/model-parameters.ts';
import type { PersonRecord } from '../src/linkage/person-record.ts';
import { prepareRecord } from '../src/linkage/prepared-record.ts';

export function oracleParameters(records: readonly PersonRecord[], truth: ArrayLike<number>, trained: ModelParameters): ModelParameters {
  const prepared = records.map(prepareRecord);
  const matchCounts = COMPARISONS.map((c) => new Float64Array(c.levels.length));
  const relativeCounts = COMPARISONS.map((c) => new Float64Array(c.levels.length));
  const byPerson = new Map<number, number[]>();
  Array.from(truth).forEach((person, i) => byPerson.set(person, [...(byPerson.get(person) ?? []), i]));
  for (const list of byPerson.values())
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++)
        COMPARISONS.forEach((c, k) => {
          const level = c.compare(prepared[list[x]], prepared[list[y]]);
          if (level !== NULL_LEVEL) matchCounts[k][level]++;
        });
  const byFamily = new Map<string, number[]>();
  prepared.forEach((r, i) => {
    if (r.family !== null && r.postcode !== null) byFamily.set(`${r.family}|${r.postcode.full}`, [...(byFamily.get(`${r.family}|${r.postcode.full}`) ?? []), i]);
  });
  let householdPairs = 0,
    householdMatches = 0;
  for (const list of byFamily.values())
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x],
          j = list[y];
        if (!sameHousehold(prepared[i], prepared[j])) continue;
        householdPairs++;
        if (truth[i] === truth[j]) {
          householdMatches++;
          continue;
        }
        COMPARISONS.forEach((c, k) => {
          const level = c.compare(prepared[i], prepared[j]);
          if (level !== NULL_LEVEL) relativeCounts[k][level]++;
        });
      }
  const shares = (counts: Float64Array, fallback: number, l: number) => {
    const total = counts.reduce((a, b) => a + b, 0);
    return total > 0 ? Math.max(counts[l] / total, 1e-5) : fallback;
  };
  const oracle: ModelParameters = {
    ...trained,
    comparisons: trained.comparisons.map((c, k) => ({ ...c, levels: c.levels.map((l, i) => ({ ...l, m: shares(matchCounts[k], l.m, i) })) })),
    household: {
      priorMatchProbability: householdMatches / householdPairs,
      comparisons: trained.household.comparisons.map((c) => {
        const k = COMPARISONS.findIndex((x) => x.key === c.key);
        return { ...c, levels: c.levels.map((l, i) => ({ ...l, u: shares(relativeCounts[k], l.u, i) })) };
      }),
    },
  };
  return oracle;
}
