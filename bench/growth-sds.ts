// Run: node --import tsx bench/growth-sds.ts [seconds]
// UK-WHO SDS computations per second on one core (target: at least 2 million/s), and
// the garbage collections during the timed run (0 when the hot path allocates nothing).
import { PerformanceObserver } from 'node:perf_hooks';
import { GROWTH_MEASUREMENTS, GROWTH_SEXES } from '../src/growth/growth-kinds.ts';
import { referenceGap, sdsByIndex, ukWhoValue } from '../src/growth/uk-who.ts';

const SAMPLES = 100_000;
const seconds = Number(process.argv[2] ?? 3);

// A fixed pseudo-random mix of measurements, sexes and ages across the whole reference.
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const measurement = new Int32Array(SAMPLES);
const sex = new Int32Array(SAMPLES);
const age = new Float64Array(SAMPLES);
const value = new Float64Array(SAMPLES);
for (let i = 0; i < SAMPLES; i++) {
  for (;;) {
    const m = Math.floor(random() * 4);
    const x = Math.floor(random() * 2);
    const a = -0.3 + random() * 20.3;
    if (referenceGap(GROWTH_MEASUREMENTS[m], GROWTH_SEXES[x], a)) continue;
    measurement[i] = m;
    sex[i] = x;
    age[i] = a;
    value[i] = ukWhoValue(GROWTH_MEASUREMENTS[m], GROWTH_SEXES[x], a, random() * 6 - 3);
    break;
  }
}

function pass(): number {
  let checksum = 0;
  for (let i = 0; i < SAMPLES; i++) checksum += sdsByIndex(measurement[i], sex[i], age[i], value[i]);
  return checksum;
}

for (let i = 0; i < 20; i++) pass(); // warm up the JIT
let collections = 0;
const gc = new PerformanceObserver((list) => {
  collections += list.getEntries().length;
});
gc.observe({ entryTypes: ['gc'] });
let computed = 0;
let checksum = 0;
const start = process.hrtime.bigint();
const budget = BigInt(Math.round(seconds * 1e9));
while (process.hrtime.bigint() - start < budget) {
  checksum += pass();
  computed += SAMPLES;
}
const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
await new Promise((resolve) => setTimeout(resolve, 20)); // let the observer report
gc.disconnect();
if (!Number.isFinite(checksum)) throw new Error('an SDS came out NaN: the benchmark inputs are wrong');
console.log(
  `growth-sds: ${(computed / elapsed / 1e6).toFixed(2)} million SDS/s on one core (${computed.toLocaleString('en-GB')} in ${elapsed.toFixed(2)} s); ${collections} garbage collections during the run`,
);
