// What the record's rules cost on the ingest path, beside what validation and evaluation
// cost, measured on the same synthetic events in one process (so the ratios hold even
// when the machine is busy):
//   npx tsx bench/record-rules.ts [--families 4000] [--rounds 5]
import { loadPartnershipConfig } from '../src/config/partnership-config.ts';
import type { ThreadEvent } from '../src/domain/events.ts';
import { isSafeText } from '../src/domain/safe-text.ts';
import { checkEvent } from '../src/domain/validate-event.ts';
import { BatchReferences, checkReferences } from '../src/engine/check-references.ts';
import { checkFamilyGraph } from '../src/engine/check-family-graph.ts';
import { checkPlausibility } from '../src/engine/check-plausibility.ts';
import { VirtualClock } from '../src/engine/clock.ts';
import { Engine } from '../src/engine/engine.ts';
import { PROTOCOLS } from '../src/protocols/registry.ts';
import { arg } from './bench-support.ts';
import { generatePopulation, interleave } from './synthetic-population.ts';

const ZONE = 'Europe/London';
const config = loadPartnershipConfig({ timezone: ZONE }, PROTOCOLS);
const inputs = JSON.parse(JSON.stringify(interleave(generatePopulation({ families: arg('families', 4_000) })))) as Record<
  string,
  unknown
>[];
const rounds = arg('rounds', 5);
const limits = { ...config.plausibility, latest: Date.now() + 300_000, zone: ZONE };

function validated(): ThreadEvent[] {
  return inputs.map((input, i) => {
    const checked = checkEvent(input, ZONE, i + 1, `k${i}`, 0);
    if (!checked.ok) throw new Error(`event ${i}: ${JSON.stringify(checked.problems)}`);
    checked.event.recordedAt = checked.event.at;
    return checked.event;
  });
}

function strings(value: unknown, visit: (s: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, visit);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) strings(item, visit);
}

const events = validated();
const timings = new Map<string, number[]>();
function time(label: string, work: () => void): void {
  const t = performance.now();
  work();
  const list = timings.get(label) ?? [];
  list.push(performance.now() - t);
  timings.set(label, list);
}

for (let round = 0; round < rounds; round++) {
  time('validate (zod + dates), all of it', () => validated());
  time('  of which: the safe-text check of every string', () => {
    let safe = 0;
    for (const input of inputs) strings(input, (s) => (safe += isSafeText(s) ? 1 : 0));
  });
  // The batch path: each event checked against the record as it will be, then noted.
  const walk = (check: (event: ThreadEvent, refs: BatchReferences) => void) => () => {
    const refs = new BatchReferences(new Engine({ protocols: [], config, clock: new VirtualClock() }).world);
    for (const event of events) {
      check(event, refs);
      refs.note(event);
    }
  };
  time(
    'record rules (references, family graph, plausibility)',
    walk((e, refs) => [checkReferences(e, refs), checkPlausibility(e, refs, limits)]),
  );
  time(
    '  noting each event in the batch view alone',
    walk(() => undefined),
  );
  time(
    '  family graph alone',
    walk((e, refs) => checkFamilyGraph(e, refs)),
  );
  time(
    '  plausibility alone',
    walk((e, refs) => checkPlausibility(e, refs, limits)),
  );
  time('evaluate (engine, every protocol)', () => {
    const engine = new Engine({ protocols: PROTOCOLS, config, clock: new VirtualClock() });
    for (const event of events) engine.record(event);
  });
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const evaluate = median(timings.get('evaluate (engine, every protocol)')!);
const validate = median(timings.get('validate (zod + dates), all of it')!);
console.log(
  `Record rules on ${events.length.toLocaleString('en-GB')} synthetic events, median of ${rounds} rounds (ns per event; share of validate + evaluate)`,
);
for (const [label, list] of timings) {
  const ms = median(list);
  console.log(
    `  ${label.padEnd(56)} ${((ms * 1e6) / events.length).toFixed(0).padStart(6)} ns  ${((ms / (validate + evaluate)) * 100).toFixed(1).padStart(5)}%`,
  );
}
