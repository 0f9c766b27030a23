import { linkRecordsInParallel } from '../src/linkage/link-records-parallel.ts';
import { pairwiseAccuracy } from '../src/linkage/pairwise-accuracy.ts';
import { generatePopulation } from './linkage-synthetic-people.ts';

const args = process.argv.slice(2);
const recordsArg = args.indexOf('--records');
const count = recordsArg >= 0 ? Number(args[recordsArg + 1]) : 1_000_000;

let t = performance.now();
const population = generatePopulation({ records: count });
console.log(
  `generated ${population.records.length} records of ${population.people} people in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);
t = performance.now();
let stageStart = t;
let stage = '';
// Worker threads did not pay on this shared 2-core machine (see docs/linkage.md): opt in with --workers 1.
const workersArg = args.indexOf('--workers');
const workers = workersArg >= 0 ? Number(args[workersArg + 1]) : 0;
const result = await linkRecordsInParallel(population.records, {
  workers,
  onProgress: (next) => {
    if (next === stage) return;
    if (stage) console.log(`  ${stage}: ${((performance.now() - stageStart) / 1000).toFixed(1)} s`);
    stage = next;
    stageStart = performance.now();
  },
});
console.log(`  ${stage}: ${((performance.now() - stageStart) / 1000).toFixed(1)} s`);
console.log(`threads: ${workers + 1}`);
const seconds = (performance.now() - t) / 1000;
const accuracy = pairwiseAccuracy(result.clusterOf, population.truth);
console.log(JSON.stringify(result.training, null, 1));
console.log(result.blocking);
console.log(
  `linked in ${seconds.toFixed(1)} s; links ${result.links}; review ${result.review.length}; clusters ${result.clustering.clusters}; refused as chaining ${result.clustering.mergesRefusedAsChaining}`,
);
console.log(`precision ${accuracy.precision.toFixed(4)} recall ${accuracy.recall.toFixed(4)} F1 ${accuracy.f1.toFixed(4)}`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
for (const c of result.parameters.comparisons)
  console.log(c.key, c.levels.map((l) => `${l.label.slice(0, 12)} m=${l.m.toFixed(3)} u=${l.u.toExponential(1)}`).join(' | '));
console.log('prior', result.parameters.priorMatchProbability);
