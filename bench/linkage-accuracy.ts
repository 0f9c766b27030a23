// Accuracy on every labelled set: pairwise precision, recall and F1 of the links, and
// blocking recall (the share of true pairs compared at all) with the pairs compared.
// The labels only score the result; the model is trained on each set without them.
// Run: npx tsx bench/linkage-accuracy.ts [--hard-records 20000] [--synthetic-records 100000]
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { BLOCKING_RULES } from '../src/linkage/blocking-rule.ts';
import { blockingRecall } from '../src/linkage/blocking-recall.ts';
import { linkRecords } from '../src/linkage/link-records.ts';
import { pairwiseAccuracy } from '../src/linkage/pairwise-accuracy.ts';
import type { PersonRecord } from '../src/linkage/person-record.ts';
import { prepareRecord } from '../src/linkage/prepared-record.ts';
import { generateHardSet } from './linkage-hard-set.ts';
import { generatePopulation } from './linkage-synthetic-people.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);

function fake1000(): { records: PersonRecord[]; truth: string[] } {
  const rows: Record<string, string>[] = parse(readFileSync('/work/shared/data/linkage/fake_1000.csv'), { columns: true });
  const present = (text: string) => (text.trim() === '' ? undefined : text);
  return {
    records: rows.map((row) => ({
      id: row.unique_id,
      name: { given: present(row.first_name), family: present(row.surname) },
      born: present(row.dob),
      area: present(row.city),
      email: present(row.email),
    })),
    truth: rows.map((row) => row.cluster),
  };
}

const sets: [string, () => { records: readonly PersonRecord[]; truth: ArrayLike<number | string> }][] = [
  ['fake_1000', fake1000],
  [`hard set, ${option('--hard-records', 20_000)} records (seed 15)`, () => generateHardSet({ records: option('--hard-records', 20_000) })],
  [
    `synthetic population, ${option('--synthetic-records', 100_000)} records`,
    () => generatePopulation({ records: option('--synthetic-records', 100_000) }),
  ],
];
for (const [name, load] of sets) {
  const { records, truth } = load();
  const started = performance.now();
  const result = linkRecords(records);
  const seconds = (performance.now() - started) / 1000;
  const accuracy = pairwiseAccuracy(result.clusterOf, truth);
  const blocking = blockingRecall(records.map(prepareRecord), BLOCKING_RULES, truth);
  console.log(
    `${name}: precision ${accuracy.precision.toFixed(4)}, recall ${accuracy.recall.toFixed(4)}, F1 ${accuracy.f1.toFixed(4)}; ` +
      `blocking recall ${blocking.recall.toFixed(4)} (${blocking.truePairsCompared} of ${blocking.truePairs} true pairs), ` +
      `${blocking.pairsCompared} pairs compared; ${seconds.toFixed(1)} s`,
  );
}
