// Diagnostic: how many candidates each blocking rule hands IdentityIndex per query.
import { BLOCKING_RULES } from '../src/linkage/blocking-rule.ts';
import { prepareRecord } from '../src/linkage/prepared-record.ts';
import { generatePopulation } from './linkage-synthetic-people.ts';
const population = generatePopulation({ records: 180_000, seed: 11 });
const prepared = population.records.slice(0, 100_000).map(prepareRecord);
for (const rule of BLOCKING_RULES) {
  const sizes = new Map<string | number, number>();
  for (const r of prepared) {
    const k = rule.key(r);
    if (k !== null) sizes.set(k, (sizes.get(k) ?? 0) + 1);
  }
  const perQuery: number[] = [];
  for (const r of population.records.slice(100_000, 120_000).map(prepareRecord)) {
    const k = rule.key(r);
    perQuery.push(k === null ? 0 : (sizes.get(k) ?? 0));
  }
  perQuery.sort((a, b) => a - b);
  console.log(
    rule.name.padEnd(55),
    'mean',
    (perQuery.reduce((a, b) => a + b, 0) / perQuery.length).toFixed(1),
    'p99',
    perQuery[Math.floor(perQuery.length * 0.99)],
    'max',
    perQuery[perQuery.length - 1],
  );
}
