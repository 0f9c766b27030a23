// The cost of need-to-know on the path of every read: run with
//   npx tsx bench/need-to-know.ts [--families 20000] [--reads 200000]
// Builds the engine's world from the synthetic population (no protocols), then times, for
// children picked at random, the organisation check (the family through confirmed links,
// then each member's involvement index) beside the family walk alone. Compare the two
// figures printed in one run: the machine's speed varies between runs.
import { loadPartnershipConfig } from '../src/config/partnership-config.ts';
import { checkEvent } from '../src/domain/validate-event.ts';
import { VirtualClock } from '../src/engine/clock.ts';
import { Engine } from '../src/engine/engine.ts';
import { accessCircle, organisationInvolved, recordCircle } from '../src/access/need-to-know.ts';
import { generatePopulation, interleave, random } from './synthetic-population.ts';
import { arg } from './bench-support.ts';

const families = arg('families', 20_000);
const reads = arg('reads', 200_000);
const engine = new Engine({ protocols: [], config: loadPartnershipConfig({}, []), clock: new VirtualClock() });
let index = 0;
for (const input of JSON.parse(JSON.stringify(interleave(generatePopulation({ families })))) as Record<string, unknown>[]) {
  const checked = checkEvent(input, 'Europe/London', ++index, `k${index}`, 0);
  if (!checked.ok) throw new Error(`event ${index} does not validate`);
  engine.record(checked.event);
}
const world = engine.world;
const children = [...world.allPersons()].filter((p) => p.role === 'child').map((p) => p.id);
const rand = random(7);
const picks = Array.from({ length: reads }, () => children[Math.floor(rand() * children.length)]);
const organisation = world.organisations.defaultFor('health-visiting').code;

function time(name: string, run: (id: string) => boolean | number): void {
  let kept = 0;
  const started = performance.now();
  for (const id of picks) kept += Number(run(id));
  const ms = performance.now() - started;
  console.log(`${name.padEnd(58)} ${((ms * 1000) / reads).toFixed(2).padStart(6)} µs per read  (${kept} of ${reads})`);
}

console.log(
  `${index.toLocaleString('en-GB')} events, ${children.length.toLocaleString('en-GB')} children; ${reads.toLocaleString('en-GB')} reads`,
);
for (let round = 0; round < 2; round++) {
  time('family walk, every identity link (the record view)', (id) => recordCircle(world, id).length);
  time('family walk, confirmed links only', (id) => accessCircle(world, id).length);
  time('need-to-know: organisation involved with the family', (id) => organisationInvolved(world, organisation, id));
}
