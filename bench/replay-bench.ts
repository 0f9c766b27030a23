// The core benchmark (issue 2): run with `npm run bench` or
//   npx tsx bench/replay-bench.ts [--families 20000] [--store-families 4000] [--latency-samples 400]
// Prints: events/s evaluated in memory; events/s ingested and evaluated into PGlite and
// into the PostgreSQL server, beside plain COPY of the same rows into the same schema;
// p99 from one event's submission to its finding being queryable; findings per 1,000
// ordinary babies per year.
import { loadPartnershipConfig } from '../src/config/partnership-config.ts';
import type { ThreadEvent } from '../src/domain/events.ts';
import { checkEvent } from '../src/domain/validate-event.ts';
import { VirtualClock } from '../src/engine/clock.ts';
import { Engine } from '../src/engine/engine.ts';
import { PROTOCOLS } from '../src/protocols/registry.ts';
import type { Database } from '../src/store/database.ts';
import { EVENT_COLUMNS, eventCopyRow } from '../src/store/event-rows.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { RecordStore } from '../src/store/record-store.ts';
import { arg, freshServerSchema, percentile, rate, serverAvailable } from './bench-support.ts';
import { generatePopulation, interleave, type Family } from './synthetic-population.ts';

const ZONE = 'Europe/London';
const config = loadPartnershipConfig({ timezone: ZONE }, PROTOCOLS);
const families = arg('families', 20_000);
const storeFamilies = arg('store-families', 4_000);
const latencySamples = arg('latency-samples', 400);
const BATCH = 5_000;

function prepare(inputs: readonly Record<string, unknown>[]): ThreadEvent[] {
  return inputs.map((input, i) => {
    const checked = checkEvent(input, ZONE, i + 1, `k${i}`, 0);
    if (!checked.ok) throw new Error(`synthetic event ${i} invalid: ${JSON.stringify(checked.problems)}`);
    checked.event.recordedAt = checked.event.at;
    return checked.event;
  });
}

/**
 * Events reach Threadline as JSON (scenario files, the API), so the generated events are
 * passed through JSON as they would be: strings built by the generator are held by V8 in
 * a form that hashes more slowly than parsed ones, which would bias every figure.
 */
function asReceived(events: Record<string, unknown>[]): Record<string, unknown>[] {
  return JSON.parse(JSON.stringify(events)) as Record<string, unknown>[];
}

function inMemory(population: Family[]) {
  const inputs = asReceived(interleave(population));
  let t = performance.now();
  const events = prepare(inputs);
  const validateMs = performance.now() - t;
  // The same events through an engine with every protocol switched off: what keeping the
  // record's picture costs before any rule is asked anything.
  const bare = new Engine({ protocols: PROTOCOLS, config: { ...config, disabled: PROTOCOLS.map((p) => p.id) }, clock: new VirtualClock() });
  t = performance.now();
  for (const event of events) bare.record(event);
  const bareMs = performance.now() - t;
  const engine = new Engine({ protocols: PROTOCOLS, config, clock: new VirtualClock() });
  t = performance.now();
  let findings = 0;
  for (const event of events) findings += engine.record(event).length;
  findings += engine.runUntil(events.at(-1)!.at).length;
  const evaluateMs = performance.now() - t;
  console.log(
    `\nIn memory: ${population.length.toLocaleString('en-GB')} families, ${events.length.toLocaleString('en-GB')} events, ${PROTOCOLS.length} protocols`,
  );
  console.log(`  validate (zod + dates):  ${rate(events.length, validateMs)}`);
  console.log(`  world only (no protocol): ${rate(events.length, bareMs)}`);
  console.log(
    `  evaluate (engine):       ${rate(events.length, evaluateMs)}  (${findings} findings; ${((bareMs / evaluateMs) * 100).toFixed(0)}% of the world-only rate)`,
  );
  console.log(`  validate + evaluate:     ${rate(events.length, validateMs + evaluateMs)}`);

  // Alert burden: findings about ordinary babies, per 1,000 babies per year of life followed.
  const ordinary = population.filter((f) => !f.risk);
  const byCode = new Map<string, number>();
  for (const family of ordinary) {
    for (const finding of engine.world.findingsAbout(family.child)) byCode.set(finding.code, (byCode.get(finding.code) ?? 0) + 1);
  }
  const total = [...byCode.values()].reduce((a, b) => a + b, 0);
  const babiesWithAny = ordinary.filter((f) => engine.world.findingsAbout(f.child).length > 0).length;
  console.log(
    `\nFindings per 1,000 ordinary babies (first year, ${ordinary.length.toLocaleString('en-GB')} babies): ${((total / ordinary.length) * 1000).toFixed(1)} in all; ${((babiesWithAny / ordinary.length) * 100).toFixed(1)}% of babies raise any`,
  );
  for (const [code, n] of [...byCode].sort((a, b) => b[1] - a[1]))
    console.log(`  ${code.padEnd(40)} ${((n / ordinary.length) * 1000).toFixed(1)}`);
  const risky = population.filter((f) => f.risk);
  const caught = risky.filter((f) => engine.world.findingsAbout(f.child).length > 0).length;
  console.log(`  families with an injected risk raising a finding: ${caught} of ${risky.length}`);
}

async function ingest(
  label: string,
  openDb: () => Promise<{ db: Database; close: () => Promise<void> }>,
  inputs: Record<string, unknown>[],
) {
  // Plain COPY of the same rows into the same schema: the baseline.
  const rows = prepare(inputs)
    .map((e) => eventCopyRow(e))
    .join('');
  const baseline = await openDb();
  let t = performance.now();
  for (let i = 0, start = 0; start < rows.length; i++) {
    // The same batch boundaries as the ingest below.
    const chunk = prepareChunk(rows, start, BATCH);
    await baseline.db.transaction((tx) => tx.copyIn('events', EVENT_COLUMNS, chunk.text));
    start = chunk.next;
  }
  const copyMs = performance.now() - t;
  await baseline.close();

  const target = await openDb();
  const store = await RecordStore.open(target.db, PROTOCOLS, config, new VirtualClock());
  t = performance.now();
  let findings = 0;
  // An importer hands the store each batch without waiting for the previous one to commit
  // (the store checks the next batch while the last is written; commits stay in order).
  // At most two batches are in flight, and all are committed when the clock stops.
  let inFlight: Promise<{ findings: unknown[] }> | undefined;
  for (let i = 0; i < inputs.length; i += BATCH) {
    const next = store.submitBatch(inputs.slice(i, i + BATCH), 'bench');
    if (inFlight) findings += (await inFlight).findings.length;
    inFlight = next;
  }
  if (inFlight) findings += (await inFlight).findings.length;
  const ingestMs = performance.now() - t;
  await target.close();
  console.log(`\n${label}: ${inputs.length.toLocaleString('en-GB')} events in batches of ${BATCH}`);
  console.log(`  plain COPY (baseline):            ${rate(inputs.length, copyMs)}`);
  console.log(
    `  validate + COPY + evaluate + findings + projections: ${rate(inputs.length, ingestMs)}  (${findings} findings; ${((copyMs / ingestMs) * 100).toFixed(0)}% of COPY's rate)`,
  );
}

function prepareChunk(rows: string, start: number, lines: number): { text: string; next: number } {
  let end = start;
  for (let n = 0; n < lines && end < rows.length; n++) end = rows.indexOf('\n', end) + 1 || rows.length;
  return { text: rows.slice(start, end), next: end };
}

async function latency(url: string) {
  const db = await openDatabase({ databaseUrl: url });
  const store = await RecordStore.open(db, PROTOCOLS, config, new VirtualClock());
  const population = generatePopulation({ families: latencySamples, seed: 7, riskShare: 0 });
  // Load each family up to the baby's birth, then time a bruise at 8 weeks, one at a time.
  const setup = population.flatMap((f) =>
    f.events.filter((e) => ['person.recorded', 'pregnancy.booked', 'relationship.recorded', 'birth'].includes(e.type as string)),
  );
  for (let i = 0; i < setup.length; i += BATCH) await store.submitBatch(setup.slice(i, i + BATCH), 'setup');
  const samples: number[] = [];
  for (const family of population) {
    const birth = family.events.find((e) => e.type === 'birth')!;
    const at = new Date(Date.parse(`${String(birth.at)}:00Z`) + 56 * 86_400_000).toISOString().slice(0, 16);
    const t = performance.now();
    await store.submit({ at, type: 'injury.observed', person: family.child, kind: 'bruise', agency: 'gp' }, `injury-${family.child}`);
    const { rows } = await db.query('SELECT id FROM findings WHERE subject = $1 AND code = $2', [
      family.child,
      'injury-in-non-mobile-infant',
    ]);
    samples.push(performance.now() - t);
    if (rows.length !== 1) throw new Error('finding not queryable after submission');
  }
  await db.close();
  samples.sort((a, b) => a - b);
  console.log(`\nEvent to queryable finding (PostgreSQL server, ${samples.length} bruises submitted one at a time):`);
  console.log(
    `  p50 ${percentile(samples, 50).toFixed(2)} ms, p99 ${percentile(samples, 99).toFixed(2)} ms, max ${samples.at(-1)!.toFixed(2)} ms`,
  );
}

async function main() {
  console.log(`Threadline replay benchmark (Node ${process.version}, ${PROTOCOLS.length} protocols)`);
  inMemory(generatePopulation({ families }));

  const inputs = asReceived(interleave(generatePopulation({ families: storeFamilies, seed: 99 })));
  await ingest(
    'PGlite (embedded, in memory)',
    async () => {
      const db = await openDatabase({});
      return { db, close: () => db.close() };
    },
    inputs,
  );

  if (!(await serverAvailable())) {
    console.log('\nPostgreSQL server not reachable (BENCH_DATABASE_URL); server figures skipped.');
    return;
  }
  await ingest(
    'PostgreSQL server',
    async () => {
      const schema = await freshServerSchema();
      const db = await openDatabase({ databaseUrl: schema.url });
      return {
        db,
        close: async () => {
          await db.close();
          await schema.drop();
        },
      };
    },
    inputs,
  );

  const schema = await freshServerSchema();
  try {
    await latency(schema.url);
  } finally {
    await schema.drop();
  }
}

await main();
