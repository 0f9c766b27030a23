// Protocols as a share of the world-only rate, in memory only (the first figures of
// `npm run bench`, without the stores): run with
//   npx tsx bench/protocol-share.ts [--families 5000] [--rounds 2]
// World only and with every protocol alternate for each round, so that a loaded machine
// slows both alike; the share is world-only time over with-protocols time.
import { loadPartnershipConfig } from '../src/config/partnership-config.ts';
import type { ThreadEvent } from '../src/domain/events.ts';
import { checkEvent } from '../src/domain/validate-event.ts';
import { VirtualClock } from '../src/engine/clock.ts';
import { Engine } from '../src/engine/engine.ts';
import { PROTOCOLS } from '../src/protocols/registry.ts';
import { arg, rate } from './bench-support.ts';
import { generatePopulation, interleave } from './synthetic-population.ts';

const ZONE = 'Europe/London';
const config = loadPartnershipConfig({ timezone: ZONE }, PROTOCOLS);
const inputs = JSON.parse(JSON.stringify(interleave(generatePopulation({ families: arg('families', 5000) })))) as Record<string, unknown>[];
const events: ThreadEvent[] = inputs.map((input, i) => {
  const checked = checkEvent(input, ZONE, i + 1, `k${i}`, 0);
  if (!checked.ok) throw new Error(`synthetic event ${i} invalid: ${JSON.stringify(checked.problems)}`);
  checked.event.recordedAt = checked.event.at;
  return checked.event;
});

function run(disabled: string[]): { ms: number; findings: number } {
  const engine = new Engine({ protocols: PROTOCOLS, config: { ...config, disabled }, clock: new VirtualClock() });
  const t = performance.now();
  let findings = 0;
  for (const event of events) findings += engine.record(event).length;
  findings += engine.runUntil(events.at(-1)!.at).length;
  return { ms: performance.now() - t, findings };
}

console.log(`${events.length.toLocaleString('en-GB')} events, ${PROTOCOLS.length} protocols`);
for (let round = 1; round <= arg('rounds', 2); round++) {
  const bare = run(PROTOCOLS.map((p) => p.id));
  const full = run([]);
  console.log(
    `round ${round}: world only ${rate(events.length, bare.ms)}; every protocol ${rate(events.length, full.ms)} (${full.findings} findings); ` +
      `protocols at ${((bare.ms / full.ms) * 100).toFixed(0)}% of the world-only rate`,
  );
}
