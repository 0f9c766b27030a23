// How long IdentityIndex.match takes against 100,000 known people.
// Run: npx tsx bench/linkage-index.ts [--people N]
import { IdentityIndex } from '../src/linkage/identity-index.ts';
import { generatePopulation } from './linkage-synthetic-people.ts';

const args = process.argv.slice(2);
const peopleArg = args.indexOf('--people');
const people = peopleArg >= 0 ? Number(args[peopleArg + 1]) : 100_000;

// Known: the first record of each of `people` people; queries: their other records.
const population = generatePopulation({ records: Math.ceil(people * 1.8), seed: 11 });
const index = new IdentityIndex();
const queries: { record: (typeof population.records)[number]; person: number }[] = [];
const seen = new Set<number>();
const t = performance.now();
population.records.forEach((record, i) => {
  const person = population.truth[i];
  if (!seen.has(person) && seen.size < people) {
    seen.add(person);
    index.add(record, `p${person}`);
  } else if (seen.has(person)) queries.push({ record, person });
});
console.log(`indexed ${index.size} records of ${seen.size} people in ${((performance.now() - t) / 1000).toFixed(1)} s`);

// Warm up the JIT first, as a long-running server would be.
for (const { record } of queries.slice(20_000, 25_000)) index.match(record, { limit: 3 });
const sample = queries.slice(0, 20_000);
const latencies = new Float64Array(sample.length);
let linkedRight = 0,
  linkedWrong = 0,
  review = 0;
for (let q = 0; q < sample.length; q++) {
  const start = performance.now();
  const [best] = index.match(sample[q].record, { limit: 3 });
  latencies[q] = performance.now() - start;
  if (best?.decision === 'link') {
    if (best.personId === `p${sample[q].person}`) linkedRight++;
    else linkedWrong++;
  } else if (best?.decision === 'review') review++;
}
latencies.sort();
const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
console.log(
  `${sample.length} queries: mean ${(mean * 1000).toFixed(0)} µs, p50 ${(latencies[Math.floor(latencies.length / 2)] * 1000).toFixed(0)} µs, p99 ${(latencies[Math.floor(latencies.length * 0.99)] * 1000).toFixed(0)} µs`,
);
console.log(
  `top candidate: linked to the right person ${linkedRight}, to a wrong one ${linkedWrong}, review ${review}, no link ${sample.length - linkedRight - linkedWrong - review}`,
);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
