// Links 1,000,000 synthetic records and prints the time of each stage (wall clock and
// this process's CPU time: other engineers share the machine, and the load average is
// printed with the figures), peak memory, accuracy and blocking recall.
// Run: npx tsx bench/linkage-1m.ts [--records N] [--hard] [--workers 1]
import { loadavg } from 'node:os';
import { BLOCKING_RULES } from '../src/linkage/blocking-rule.ts';
import { blockingRecall } from '../src/linkage/blocking-recall.ts';
import { linkRecordsInParallel } from '../src/linkage/link-records-parallel.ts';
import { pairwiseAccuracy } from '../src/linkage/pairwise-accuracy.ts';
import { prepareRecord } from '../src/linkage/prepared-record.ts';
import { generateHardSet } from './linkage-hard-set.ts';
import { generatePopulation } from './linkage-synthetic-people.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const count = option('--records', 1_000_000);
const hard = args.includes('--hard');
// Worker threads did not pay on this shared 2-core machine (see docs/linkage.md): opt in with --workers 1.
const workers = option('--workers', 0);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
const seconds = (ms: number) => (ms / 1000).toFixed(1);

console.log(`load average at start: ${load()}`);
let t = performance.now();
const population = hard ? generateHardSet({ records: count }) : generatePopulation({ records: count });
console.log(
  `generated ${population.records.length} records of ${population.people} people (${hard ? 'hard set' : 'synthetic population'}) in ${seconds(performance.now() - t)} s`,
);

let stage = '',
  stageWall = 0,
  stageCpu = process.cpuUsage();
const endStage = () => {
  if (!stage) return;
  const cpu = process.cpuUsage(stageCpu);
  console.log(`  ${stage}: ${seconds(performance.now() - stageWall)} s (CPU ${seconds((cpu.user + cpu.system) / 1000)} s)`);
};
const startCpu = process.cpuUsage();
t = performance.now();
const result = await linkRecordsInParallel(population.records, {
  workers,
  onProgress: (next) => {
    if (next === stage) return;
    endStage();
    stage = next;
    stageWall = performance.now();
    stageCpu = process.cpuUsage();
  },
});
endStage();
const wall = performance.now() - t;
const cpu = process.cpuUsage(startCpu);
console.log(
  `linked in ${seconds(wall)} s (CPU ${seconds((cpu.user + cpu.system) / 1000)} s, threads ${workers + 1}); load average at end: ${load()}`,
);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(
  `pairs compared ${result.blocking.pairs}; links ${result.links}; sent to review as contested ${result.contestedLinks}; review ${result.review.length}; clusters ${result.clustering.clusters}; refused as chaining ${result.clustering.mergesRefusedAsChaining}`,
);
for (const rule of result.blocking.pairsByRule) console.log(`    ${rule.rule}: ${rule.pairs}`);
const accuracy = pairwiseAccuracy(result.clusterOf, population.truth);
console.log(`precision ${accuracy.precision.toFixed(4)} recall ${accuracy.recall.toFixed(4)} F1 ${accuracy.f1.toFixed(4)}`);
const blocking = blockingRecall(population.records.map(prepareRecord), BLOCKING_RULES, population.truth);
console.log(`blocking recall ${blocking.recall.toFixed(4)} (${blocking.truePairsCompared} of ${blocking.truePairs} true pairs)`);
