import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { generateHardSet } from '../../bench/linkage-hard-set.ts';
import { linkRecords } from './link-records.ts';
import { pairwiseAccuracy, type PairwiseAccuracy } from './pairwise-accuracy.ts';
import type { PersonRecord } from './person-record.ts';

// The model is trained on each set without its labels; the labels only score the
// result, at the default threshold (link at match probability 0.95). Figures achieved
// when written are in docs/linkage.md and the README (`npx tsx bench/linkage-accuracy.ts`).

function describe(accuracy: PairwiseAccuracy): string {
  return `F1 ${accuracy.f1.toFixed(4)} (precision ${accuracy.precision.toFixed(4)}, recall ${accuracy.recall.toFixed(4)})`;
}

test('fake_1000 (Splink, 1,000 records of 181 people): F1 at least 0.97 with precision at least 0.99', () => {
  const rows: Record<string, string>[] = parse(readFileSync('/work/shared/data/linkage/fake_1000.csv'), { columns: true });
  const present = (text: string) => (text.trim() === '' ? undefined : text);
  const records: PersonRecord[] = rows.map((row) => ({
    id: row.unique_id,
    name: { given: present(row.first_name), family: present(row.surname) },
    born: present(row.dob),
    area: present(row.city),
    email: present(row.email),
  }));
  const accuracy = pairwiseAccuracy(
    linkRecords(records).clusterOf,
    rows.map((row) => row.cluster),
  );
  assert.ok(accuracy.f1 >= 0.97, describe(accuracy));
  assert.ok(accuracy.precision >= 0.99, describe(accuracy));
});

test('the hard set (20,000 records, seed 15: bench/linkage-hard-set.ts): F1 at least 0.93 with precision at least 0.99', () => {
  const set = generateHardSet({ records: 20_000, seed: 15 });
  const accuracy = pairwiseAccuracy(linkRecords(set.records).clusterOf, set.truth);
  assert.ok(accuracy.f1 >= 0.93, describe(accuracy));
  assert.ok(accuracy.precision >= 0.99, describe(accuracy));
});
