// Writes the hard labelled set as CSV (with a `cluster` column holding the true person)
// and prints what it holds: the share of each field missing and how often each kind of
// error was made. Run: npx tsx bench/linkage-hard-set-csv.ts [--records 20000] [--seed 15] [--out FILE.csv]
import { writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { describeHardSet, generateHardSet } from './linkage-hard-set.ts';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const set = generateHardSet({ records: Number(option('--records') ?? 20_000), seed: Number(option('--seed') ?? 15) });
console.log(describeHardSet(set));
const out = option('--out');
if (out) {
  const header = ['unique_id', 'first_name', 'surname', 'dob', 'sex', 'nhs_number', 'postcode', 'city', 'email', 'phone', 'cluster'];
  const rows = set.records.map((record, i) => [
    record.id,
    record.name?.given ?? '',
    record.name?.family ?? '',
    record.born ?? '',
    record.sex ?? '',
    record.nhsNumber ?? '',
    record.postcode ?? '',
    record.area ?? '',
    record.email ?? '',
    record.phone ?? '',
    String(set.truth[i]),
  ]);
  writeFileSync(out, stringify([header, ...rows]));
  console.log(`written to ${out}`);
}
