// Diagnostic support (uses labels): parameters measured on the labels instead of
// estimated by EM: m among pairs of one person, u and the prior among pairs of one household.
import { NULL_LEVEL } from '../src/linkage/comparison.ts';
import { COMPARISONS } from '../src/linkage/comparisons/index.ts';
import { RECORDS_AT_ADDRESS_BANDS, addressBand } from '../src/linkage/household.ts';
import { buildTermFrequencies } from '../src/linkage/term-frequencies.ts';
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
  // Pairs at one postcode (pairs sharing only a landline are left out: a measure, not the model).
  const tables = buildTermFrequencies(COMPARISONS, prepared);
  const byPostcode = new Map<string, number[]>();
  prepared.forEach((r, i) => {
    if (r.postcode !== null) byPostcode.set(r.postcode.full, [...(byPostcode.get(r.postcode.full) ?? []), i]);
  });
  const bandPairs = new Float64Array(RECORDS_AT_ADDRESS_BANDS.length + 1),
    bandMatches = new Float64Array(RECORDS_AT_ADDRESS_BANDS.length + 1);
  for (const list of byPostcode.values())
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x],
          j = list[y];
        const band = addressBand(prepared[i], prepared[j], tables);
        bandPairs[band]++;
        if (truth[i] === truth[j]) {
          bandMatches[band]++;
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
    comparisons: trained.comparisons.map((c, k) => ({
      ...c,
      levels: c.levels.map((l, i) => ({ ...l, m: shares(matchCounts[k], l.m, i) })),
    })),
    household: {
      priorMatchProbability: bandMatches.reduce((a, b) => a + b, 0) / bandPairs.reduce((a, b) => a + b, 0),
      priorByRecordsAtAddress: Array.from(bandPairs, (pairs, band) => (pairs > 0 ? Math.min(bandMatches[band] / pairs, 0.999) : 0.3)),
      comparisons: trained.household.comparisons.map((c) => {
        const k = COMPARISONS.findIndex((x) => x.key === c.key);
        return { ...c, levels: c.levels.map((l, i) => ({ ...l, u: shares(relativeCounts[k], l.u, i) })) };
      }),
    },
  };
  return oracle;
}
