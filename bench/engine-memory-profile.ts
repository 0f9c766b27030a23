// Where the engine's memory goes (docs/scale-notes.md): run with
//   node --expose-gc --max-old-space-size=8000 --import tsx bench/engine-memory-profile.ts [--families 10000]
// Measures the heap held by the checked events alone, then by an engine (world only, then
// every protocol) holding them, after garbage collection.
import { loadPartnershipConfig } from '../src/config/partnership-config.ts';
import { checkEvent } from '../src/domain/validate-event.ts';
import type { ThreadEvent } from '../src/domain/events.ts';
import { VirtualClock } from '../src/engine/clock.ts';
import { Engine } from '../src/engine/engine.ts';
import { PROTOCOLS } from '../src/protocols/registry.ts';
import { generatePopulation, interleave } from './synthetic-population.ts';
import { arg } from './bench-support.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const families = arg('families', 10_000);
const inputs = JSON.stringify(interleave(generatePopulation({ families })));
const base = heap();
const events: ThreadEvent[] = (JSON.parse(inputs) as Record<string, unknown>[]).map((e, i) => {
  const c = checkEvent(e, 'Europe/London', i + 1, 'k' + i, 0);
  if (!c.ok) throw new Error(`event ${i} does not validate`);
  c.event.recordedAt = c.event.at;
  return c.event;
});
const n = events.length;
const withEvents = heap();
const per = (bytes: number) =>
  `${(bytes / 2 ** 20).toFixed(0)} MiB, ${Math.round(bytes / n)} B/event, ${Math.round(bytes / families / 1024)} KiB/family`;
console.log(`${families} families, ${n} events`);
console.log(`checked events alone: ${per(withEvents - base)}`);
const config = loadPartnershipConfig({}, PROTOCOLS);
const mode = process.argv.includes('--protocols') ? 'every protocol' : 'world only';
const engine = new Engine({
  protocols: PROTOCOLS,
  config: mode === 'world only' ? { ...config, disabled: PROTOCOLS.map((p) => p.id) } : config,
  clock: new VirtualClock(),
});
const t = performance.now();
for (const e of events) engine.record(e);
const ms = performance.now() - t;
const withEngine = heap();
console.log(`engine (${mode}) on top of the events: ${per(withEngine - withEvents)} (${(ms / 1000).toFixed(1)} s)`);
events.length = 0;
const engineOnly = heap();
console.log(`engine holding the events, the events array dropped: ${per(engineOnly - base)}`);
if (process.argv.includes('--heap-snapshot')) {
  const { writeHeapSnapshot } = await import('node:v8');
  console.log('heap snapshot', writeHeapSnapshot());
}
{
  const state = engine.exportState();
  console.log(
    `pending wakes ${state.wakes.heap.length}, wake ids remembered: ${state.wakes.scheduled.size} waiting or fired in the last 400-500 days, ${state.wakes.forgottenUpTo.size} protocol and subject pairs with forgotten ones, findings ${state.world.findingIndex.size}, families ${state.world.families.blobs.length}`,
  );
}
