// The identity linker at start-up: relearning from every event (what a snapshot load did)
// against exporting its state, serialising it as the snapshot codec does (v8), and
// deserialising and importing it; bytes serialised and heap held by each linker.
//
//   node --expose-gc --max-old-space-size=12000 --import tsx bench/linker-state.ts [--families 20000] [--rounds 3]
//
// The population is bench/identified-population.ts (the synthetic families with names,
// NHS numbers and second records by other agencies). Times are wall and CPU milliseconds
// (the machine is shared: CPU time is the steadier figure). Memory held is the JS heap
// plus array buffers (where a restored linker's typed arrays live), after collection.
// Also times a sample of candidate look-ups on both linkers (a restored one prepares each
// known record for comparison when it is first a candidate), and checks they agree.
import assert from 'node:assert/strict';
import { loadavg } from 'node:os';
import v8 from 'node:v8';
import type { ThreadEvent } from '../src/domain/events.ts';
import { checkEvent } from '../src/domain/validate-event.ts';
import { IdentityLinker, type IdentityLinkerState } from '../src/engine/identity-linker.ts';
import type { PersonRecord } from '../src/linkage/person-record.ts';
import { arg } from './bench-support.ts';
import { generateIdentifiedPopulation } from './identified-population.ts';
import { interleave } from './synthetic-population.ts';

const ZONE = 'Europe/London';
const families = arg('families', 20_000);
const rounds = arg('rounds', 3);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const MiB = 2 ** 20;
/** Runs `work`, returning its result with wall and CPU milliseconds. */
function timed<T>(work: () => T): { value: T; wall: number; cpu: number } {
  const cpuBefore = process.cpuUsage(),
    start = performance.now();
  const value = work();
  const wall = performance.now() - start,
    used = process.cpuUsage(cpuBefore);
  return { value, wall, cpu: (used.user + used.system) / 1000 };
}
const show = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(0)} ms (CPU ${t.cpu.toFixed(0)})`;
const held = () => {
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

const generated = timed(() => {
  const events: ThreadEvent[] = [];
  const queries: PersonRecord[] = [];
  const raw = interleave(generateIdentifiedPopulation({ families }));
  raw.forEach((input, i) => {
    const checked = checkEvent(input, ZONE, i + 1, `bench-${i}`, Date.parse('2027-01-01'));
    if (!checked.ok) throw new Error(`event ${i} does not validate`);
    events.push(checked.event);
    if (input.type === 'person.recorded' && queries.length < 2_000 && i % 7 === 0)
      queries.push({ ...(input as unknown as PersonRecord), id: `query-${queries.length}` });
  });
  return { events, queries };
});
const { events, queries } = generated.value;
const people = events.filter((e) => e.type === 'person.recorded').length;
console.log(
  `${families.toLocaleString('en-GB')} families: ${events.length.toLocaleString('en-GB')} events, ${people.toLocaleString('en-GB')} person records (generated and checked in ${(generated.wall / 1000).toFixed(0)} s); load ${load()}`,
);

const before = held();
const relearning = timed(() => {
  const linker = new IdentityLinker(ZONE);
  for (const event of events) linker.observe(event, false);
  return linker;
});
/** The linkers measured, dropped from here to measure what they held. */
const linkers: { relearned?: IdentityLinker; restored?: IdentityLinker } = { relearned: relearning.value };
const relearnedHeld = held() - before;
console.log(`relearn from events: ${show(relearning)}; held ${(relearnedHeld / MiB).toFixed(0)} MiB; load ${load()}`);

const exported = timed(() => linkers.relearned!.exportState());
const serialised = timed(() => v8.serialize(exported.value));
const bytes = serialised.value;
console.log(`export ${show(exported)}, serialise ${show(serialised)}: ${(bytes.length / MiB).toFixed(1)} MiB`);

for (let round = 0; round < rounds; round++) {
  delete linkers.restored;
  const start = held();
  const deserialised = timed(() => v8.deserialize(bytes) as IdentityLinkerState);
  const imported = timed(() => IdentityLinker.fromState(ZONE, deserialised.value));
  linkers.restored = imported.value;
  imported.value = deserialised.value = undefined as never;
  const restoredHeld = held() - start;
  console.log(
    `round ${round + 1}: deserialise ${show(deserialised)}, import ${show(imported)}; held ${(restoredHeld / MiB).toFixed(0)} MiB; load ${load()}`,
  );
}

assert.deepEqual(linkers.restored!.exportState(), exported.value, 'the restored state exports as the relearned one');
const lookUps = (linker: IdentityLinker) => timed(() => queries.map((query) => linker.candidates(query)));
const firstRestored = lookUps(linkers.restored!),
  firstRelearned = lookUps(linkers.relearned!),
  againRestored = lookUps(linkers.restored!),
  againRelearned = lookUps(linkers.relearned!);
console.log(
  `${queries.length} candidate look-ups: relearned ${show(firstRelearned)} then ${show(againRelearned)}; restored ${show(firstRestored)} (records prepared as met) then ${show(againRestored)}`,
);
assert.deepEqual(firstRestored.value, firstRelearned.value, 'the same candidates');
firstRestored.value = firstRelearned.value = againRestored.value = againRelearned.value = [];

// The next snapshot after a restore: the restored state plus what arrived since (here 1% more person records).
const since = events
  .filter((e): e is ThreadEvent<'person.recorded'> => e.type === 'person.recorded')
  .filter((_, i) => i % 100 === 0)
  .map((e) => ({ ...e, data: { ...e.data, person: `${e.data.person}-since` } }));
const observed = timed(() => since.forEach((event) => linkers.restored!.observe(event, true)));
const exportedAgain = timed(() => linkers.restored!.exportState());
console.log(
  `next snapshot: ${since.length.toLocaleString('en-GB')} more person records observed in ${show(observed)}, export ${show(exportedAgain)}: ${(v8.serialize(exportedAgain.value).length / MiB).toFixed(1)} MiB`,
);
const withRestored = held();
delete linkers.restored;
console.log(`held by the restored linker after the look-ups: ${((withRestored - held()) / MiB).toFixed(0)} MiB`);
console.log('checked: the same state, the same candidates');
