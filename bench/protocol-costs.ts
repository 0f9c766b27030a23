// Per-protocol cost on the synthetic population: run with
//   npx tsx bench/protocol-costs.ts [--families 3000]
// Prints events/s through the engine and, for each protocol, its calls and µs per call.
import { loadPartnershipConfig } from '../src/config/partnership-config.ts';
import { checkEvent } from '../src/domain/validate-event.ts';
import { VirtualClock } from '../src/engine/clock.ts';
import { Engine } from '../src/engine/engine.ts';
import { PROTOCOLS } from '../src/protocols/registry.ts';
import { generatePopulation, interleave } from './synthetic-population.ts';
import { arg } from './bench-support.ts';
const times = new Map<string, number>();
const calls = new Map<string, number>();
const protocols = PROTOCOLS.map((p) => ({
  ...p,
  evaluate(ctx: Parameters<typeof p.evaluate>[0]) {
    const t = performance.now();
    try {
      return p.evaluate(ctx);
    } finally {
      times.set(p.id, (times.get(p.id) ?? 0) + performance.now() - t);
      calls.set(p.id, (calls.get(p.id) ?? 0) + 1);
    }
  },
}));
const config = loadPartnershipConfig({}, PROTOCOLS);
const events = (
  JSON.parse(JSON.stringify(interleave(generatePopulation({ families: arg('families', 3000) })))) as Record<string, unknown>[]
).map((e, i) => {
  const c = checkEvent(e, 'Europe/London', i, 'k' + i, 0);
  if (!c.ok) throw new Error(`event ${i} does not validate`);
  return c.event;
});
const engine = new Engine({ protocols, config, clock: new VirtualClock() });
const t = performance.now();
for (const e of events) engine.record(e);
const total = performance.now() - t;
console.log('all', Math.round(events.length / (total / 1000)), 'events/s', total.toFixed(0), 'ms');
for (const [id, ms] of [...times].sort((a, b) => b[1] - a[1]))
  console.log(
    id.padEnd(40),
    ms.toFixed(0).padStart(6),
    'ms',
    String(calls.get(id)).padStart(8),
    'calls',
    ((ms / calls.get(id)!) * 1000).toFixed(1),
    'µs/call',
  );
