// Diagnostic (uses labels): on the hard set, where precision and recall go. False
// pairs in clusters by kind (within a household: same date of birth, same given name;
// across households) and by how they came together (a direct link or through others);
// true pairs missed by kind (never compared, scored below the link weight, or linked
// but kept apart by clustering), with the commonest agreement patterns.
// Run: npx tsx bench/linkage-diagnose-hard-set.ts [records] [--oracle]
import { BLOCKING_RULES } from '../src/linkage/blocking-rule.ts';
import { forEachCandidatePair } from '../src/linkage/candidate-pairs.ts';
import { COMPARISONS } from '../src/linkage/comparisons/index.ts';
import { linkRecords } from '../src/linkage/link-records.ts';
import { probabilityToWeight, DEFAULT_THRESHOLDS } from '../src/linkage/model-parameters.ts';
import { pairwiseAccuracy } from '../src/linkage/pairwise-accuracy.ts';
import { prepareRecord } from '../src/linkage/prepared-record.ts';
import { pairWeight } from '../src/linkage/score-candidates.ts';
import { PairScorer } from '../src/linkage/pair-scorer.ts';
import { buildTermFrequencies } from '../src/linkage/term-frequencies.ts';
import { generateHardSet } from './linkage-hard-set.ts';
import { oracleParameters } from './linkage-oracle-parameters.ts';

const args = process.argv.slice(2);
const count = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 20_000);
const set = generateHardSet({ records: count, seed: Number(process.env.SEED ?? 15) });
const { records, truth, householdOf } = set;
let result = linkRecords(records);
if (args.includes('--oracle')) result = linkRecords(records, { parameters: oracleParameters(records, truth, result.parameters) });
console.log(pairwiseAccuracy(result.clusterOf, truth));
const prepared = records.map(prepareRecord);
const scorer = new PairScorer(COMPARISONS, result.parameters, buildTermFrequencies(COMPARISONS, prepared));
const linkWeight = probabilityToWeight(DEFAULT_THRESHOLDS.link);
const tally = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by);
const show = (i: number) => {
  const r = records[i];
  return [r.name?.given, r.name?.family, r.born, r.sex, r.postcode, r.area, r.phone, r.email, r.nhsNumber].map((v) => v ?? '·').join(' ');
};
const pattern = (i: number, j: number) => COMPARISONS.map((c) => c.compare(prepared[i], prepared[j])).join(' ');

const compared = new Set<string>();
forEachCandidatePair(prepared, BLOCKING_RULES, (i, j) => compared.add(`${i},${j}`));
const wrong = new Map<string, number>();
const examples: string[] = [];
const members = new Map<number, number[]>();
result.clusterOf.forEach((cluster, i) => members.set(cluster, [...(members.get(cluster) ?? []), i]));
for (const list of members.values())
  for (let x = 0; x < list.length; x++)
    for (let y = x + 1; y < list.length; y++) {
      const i = list[x],
        j = list[y];
      if (truth[i] === truth[j]) continue;
      const w = pairWeight(scorer, prepared[i], prepared[j]);
      const direct = compared.has(`${i},${j}`) && w >= linkWeight ? 'direct' : 'through others';
      const a = prepared[i],
        b = prepared[j];
      const kind =
        householdOf[i] !== householdOf[j]
          ? 'other households'
          : a.born && b.born && a.born.iso === b.born.iso
            ? 'household, same birthday'
            : a.given !== null && a.given === b.given
              ? 'household, same given name'
              : 'household, other';
      tally(wrong, `${kind}, ${direct}`);
      if (direct === 'direct' && examples.length < 15)
        examples.push(`${kind} w=${w.toFixed(1)} [${pattern(i, j)}]\n    ${show(i)}\n    ${show(j)}`);
    }
console.log('levels:', COMPARISONS.map((c) => c.key).join(' '));
console.log('wrong pairs in clusters', wrong);
for (const e of examples) console.log(e);

const missed = new Map<string, number>();
const belowPatterns = new Map<string, number>();
const missedExamples: string[] = [];
for (const list of new Map(
  [...Array.from(truth).entries()].reduce((m, [i, t]) => m.set(t, [...(m.get(t) ?? []), i]), new Map<number, number[]>()),
).values())
  for (let x = 0; x < list.length; x++)
    for (let y = x + 1; y < list.length; y++) {
      const i = list[x],
        j = list[y];
      if (result.clusterOf[i] === result.clusterOf[j]) continue;
      if (!compared.has(`${i},${j}`)) {
        tally(missed, 'never compared');
        continue;
      }
      const w = pairWeight(scorer, prepared[i], prepared[j]);
      if (w >= linkWeight) {
        tally(missed, 'linked but kept apart');
        continue;
      }
      tally(missed, w >= probabilityToWeight(DEFAULT_THRESHOLDS.review) ? 'review band' : 'below review');
      tally(belowPatterns, pattern(i, j));
      if (missedExamples.length < 10 && Math.random() < 0.05)
        missedExamples.push(`w=${w.toFixed(1)} [${pattern(i, j)}]\n    ${show(i)}\n    ${show(j)}`);
    }
console.log('missed true pairs', missed);
console.log([...belowPatterns].sort((a, b) => b[1] - a[1]).slice(0, 20));
for (const e of missedExamples) console.log(e);
