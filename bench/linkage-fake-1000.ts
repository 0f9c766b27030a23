import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { linkRecords } from '../src/linkage/link-records.ts';
import { pairwiseAccuracy } from '../src/linkage/pairwise-accuracy.ts';
const rows: Record<string, string>[] = parse(readFileSync('/work/shared/data/linkage/fake_1000.csv'), { columns: true });
const v = (s: string) => (s.trim() === '' ? undefined : s);
const records = rows.map((r) => ({
  id: r.unique_id,
  name: { given: v(r.first_name), family: v(r.surname) },
  born: v(r.dob),
  area: v(r.city),
  email: v(r.email),
}));
const t = performance.now();
const result = linkRecords(records);
console.log('ms', (performance.now() - t).toFixed(0));
console.log(JSON.stringify(result.training, null, 1));
console.log('prior', result.parameters.priorMatchProbability);
for (const c of result.parameters.comparisons)
  console.log(
    c.key,
    c.levels
      .map((l) => `${l.label.slice(0, 14)} m=${l.m.toFixed(3)} u=${l.u.toExponential(1)} w=${Math.log2(l.m / l.u).toFixed(1)}`)
      .join(' | '),
  );
console.log(result.blocking, 'links', result.links, 'review', result.review.length, result.clustering);
console.log(
  pairwiseAccuracy(
    result.clusterOf,
    rows.map((r) => r.cluster),
  ),
);
// Diagnostics: how many true pairs blocking finds, and what the missed ones look like.
import { prepareRecord } from '../src/linkage/prepared-record.ts';
import { forEachCandidatePair } from '../src/linkage/candidate-pairs.ts';
import { BLOCKING_RULES } from '../src/linkage/blocking-rule.ts';
import { COMPARISONS } from '../src/linkage/comparisons/index.ts';
const prepared = records.map(prepareRecord);
const seen = new Set<string>();
forEachCandidatePair(prepared, BLOCKING_RULES, (i, j) => {
  seen.add(`${i},${j}`);
});
let truePairs = 0,
  found = 0;
const missedPatterns = new Map<string, number>();
for (let i = 0; i < rows.length; i++)
  for (let j = i + 1; j < rows.length; j++) {
    if (rows[i].cluster !== rows[j].cluster) continue;
    truePairs++;
    if (seen.has(`${i},${j}`)) {
      found++;
      continue;
    }
    const pattern = COMPARISONS.filter((c) => ['given-name', 'family-name', 'date-of-birth', 'area', 'email'].includes(c.key))
      .map((c) => c.compare(prepared[i], prepared[j]))
      .join(' ');
    missedPatterns.set(pattern, (missedPatterns.get(pattern) ?? 0) + 1);
  }
console.log('blocking recall', found, '/', truePairs);
console.log([...missedPatterns].sort((a, b) => b[1] - a[1]).slice(0, 25));
