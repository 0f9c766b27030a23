// Diagnostic (uses labels): the agreement patterns of false links and of missed matches.
import { generatePopulation } from './linkage-synthetic-people.ts';
import { prepareRecord } from '../src/linkage/prepared-record.ts';
import { COMPARISONS } from '../src/linkage/comparisons/index.ts';
import { linkRecords } from '../src/linkage/link-records.ts';
import { PairScorer } from '../src/linkage/pair-scorer.ts';
import { buildTermFrequencies } from '../src/linkage/term-frequencies.ts';
import { forEachCandidatePair } from '../src/linkage/candidate-pairs.ts';
import { BLOCKING_RULES } from '../src/linkage/blocking-rule.ts';
import { probabilityToWeight, DEFAULT_THRESHOLDS } from '../src/linkage/model-parameters.ts';

const count = Number(process.argv[2] ?? 100000);
const { records, truth } = generatePopulation({ records: count });
const result = linkRecords(records);
const prepared = records.map(prepareRecord);
const scorer = new PairScorer(COMPARISONS, result.parameters, buildTermFrequencies(COMPARISONS, prepared));
const linkWeight = probabilityToWeight(DEFAULT_THRESHOLDS.link);
const falseLinks = new Map<string, number>(),
  missed = new Map<string, number>();
let candidatesTrue = 0;
forEachCandidatePair(prepared, BLOCKING_RULES, (i, j) => {
  const w = scorer.weight(prepared[i], prepared[j]);
  const same = truth[i] === truth[j];
  if (same) candidatesTrue++;
  if (w >= linkWeight === same) return;
  const pattern = COMPARISONS.map((c) => c.compare(prepared[i], prepared[j])).join(' ');
  const map = same ? missed : falseLinks;
  map.set(pattern, (map.get(pattern) ?? 0) + 1);
});
const sizes = new Map<number, number>();
for (const t of truth) sizes.set(t, (sizes.get(t) ?? 0) + 1);
let truePairs = 0;
for (const s of sizes.values()) truePairs += (s * (s - 1)) / 2;
console.log('levels order:', COMPARISONS.map((c) => c.key).join(' '));
console.log('blocking recall', candidatesTrue, '/', truePairs);
console.log(
  'false links',
  [...falseLinks.values()].reduce((a, b) => a + b, 0),
  [...falseLinks].sort((a, b) => b[1] - a[1]).slice(0, 20),
);
console.log(
  'missed',
  [...missed.values()].reduce((a, b) => a + b, 0),
  [...missed].sort((a, b) => b[1] - a[1]).slice(0, 20),
);
