// Diagnostic (uses labels): F1 when m comes from the labels rather than EM, to tell
// estimation error from model error.
import { generatePopulation } from './linkage-synthetic-people.ts';
import { prepareRecord } from '../src/linkage/prepared-record.ts';
import { COMPARISONS } from '../src/linkage/comparisons/index.ts';
import { linkRecords } from '../src/linkage/link-records.ts';
import { forEachCandidatePair } from '../src/linkage/candidate-pairs.ts';
import { BLOCKING_RULES } from '../src/linkage/blocking-rule.ts';
import { pairwiseAccuracy } from '../src/linkage/pairwise-accuracy.ts';
import { NULL_LEVEL } from '../src/linkage/comparison.ts';

const count = Number(process.argv[2] ?? 100000);
const { records, truth } = generatePopulation({ records: count });
const trained = linkRecords(records);
const prepared = records.map(prepareRecord);
const counts = COMPARISONS.map((c) => new Float64Array(c.levels.length));
forEachCandidatePair(prepared, BLOCKING_RULES, (i, j) => {
  if (truth[i] !== truth[j]) return;
  COMPARISONS.forEach((c, k) => {
    const l = c.compare(prepared[i], prepared[j]);
    if (l !== NULL_LEVEL) counts[k][l]++;
  });
});
const oracle = {
  ...trained.parameters,
  comparisons: trained.parameters.comparisons.map((c, k) => {
    const total = counts[k].reduce((a, b) => a + b, 0);
    return { ...c, levels: c.levels.map((l, i) => ({ ...l, m: total > 0 ? Math.max(counts[k][i] / total, 1e-5) : l.m })) };
  }),
};
const result = linkRecords(records, { parameters: oracle });
console.log('EM m    ', pairwiseAccuracy(trained.clusterOf, truth));
console.log('oracle m', pairwiseAccuracy(result.clusterOf, truth));
