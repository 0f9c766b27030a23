// Scale (issue 17): one command for start-up time and memory with and without a snapshot,
// and protocol evaluation as a share of the world-only rate, sharded by family.
//
//   npm run bench:scale -- --families 10000 [--skip-store] [--skip-evaluation] [--keep-schema] [--store URL]
//
// Loads the synthetic population (bench/synthetic-population.ts) into a fresh schema of the
// PostgreSQL server (BENCH_DATABASE_URL, default the local `test` database) with
// submitBatch, writes a snapshot, and starts the record from that store twice, each in a
// process of its own (bench/scale-startup.ts): rebuilding from the whole log, and from the
// snapshot plus the log after it. Then the in-memory evaluation rates (bench/shard-bench.ts).
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import type { ThreadEvent } from '../src/domain/events.ts';
import { checkEvent } from '../src/domain/validate-event.ts';
import { Engine } from '../src/engine/engine.ts';
import { ShardedEvaluation } from '../src/engine/sharded-evaluation.ts';
import { loadPartnershipConfig, type PartnershipConfig } from '../src/config/partnership-config.ts';
import { VirtualClock } from '../src/engine/clock.ts';
import { PROTOCOLS } from '../src/protocols/registry.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { EVENT_COLUMNS, eventCopyRow } from '../src/store/event-rows.ts';
import { arg, freshServerSchema, rate, serverAvailable } from './bench-support.ts';
import { generatePopulation, interleave } from './synthetic-population.ts';

const families = arg('families', 10_000);
const memoryFamilies = arg('memory-families', Math.min(families, 20_000));
const BATCH = 5_000;
const GiB = 2 ** 30;
const MiB = 2 ** 20;

interface Startup {
  ms: number;
  cpu: NodeJS.CpuUsage;
  heapBytes: number;
  rssBytes: number;
  peakRssBytes: number;
  replayed: number;
  snapshot?: { id: number; lastSeq: number; storedBytes: number; rawBytes: number };
  skipped: string[];
  findings: number;
  wakes: number;
  families: { hot: number; cold: number };
  written?: { ms: number; cpu: NodeJS.CpuUsage; rawBytes: number; storedBytes: number; chunks: number };
}

function startup(url: string, mode: 'on' | 'off', ...flags: string[]): Startup {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=16000', '--import', 'tsx', 'bench/scale-startup.ts', url, mode, ...flags],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as Startup;
}

/** A fresh schema of the PostgreSQL server with the synthetic population's log loaded with plain COPY (as the demo loads it). */
async function loadedStore(): Promise<{ url: string; events: number; drop: () => Promise<void> }> {
  const schema = await freshServerSchema();
  const db = await openDatabase({ databaseUrl: schema.url });
  const t = performance.now();
  const prepared: ThreadEvent[] = preparedPopulation(families);
  const events = prepared.length;
  for (let i = 0; i < prepared.length; i += BATCH) {
    const text = prepared
      .slice(i, i + BATCH)
      .map((e) => eventCopyRow(e))
      .join('');
    await db.transaction((tx) => tx.copyIn('events', EVENT_COLUMNS, text));
  }
  await db.close();
  console.log(`\nStore: ${families.toLocaleString('en-GB')} families, ${events.toLocaleString('en-GB')} events on the PostgreSQL server`);
  console.log(`  generated, validated and loaded with COPY in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return { url: schema.url, events, drop: () => schema.drop() };
}

/** A store kept by an earlier run (--keep-schema), given with --store URL: its log is loaded already. */
async function keptStore(url: string): Promise<{ url: string; events: number; drop: () => Promise<void> }> {
  const db = await openDatabase({ databaseUrl: url });
  const events = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0].n);
  await db.close();
  console.log(`\nStore kept by an earlier run: ${events.toLocaleString('en-GB')} events on the PostgreSQL server`);
  return { url, events, drop: async () => {} };
}

async function storeFigures() {
  if (!(await serverAvailable())) {
    console.log('PostgreSQL server not reachable (BENCH_DATABASE_URL); start-up figures skipped.');
    return;
  }
  const kept = process.argv.indexOf('--store');
  const store = kept > 0 ? await keptStore(process.argv[kept + 1]) : await loadedStore();
  try {
    // Each start-up in a fresh process: rebuilding from the whole log (which then writes a snapshot), then from that snapshot.
    const rebuilt = startup(store.url, 'off', '--write-snapshot');
    const fromSnapshot = startup(store.url, 'on');
    if (!fromSnapshot.snapshot) throw new Error(`the snapshot was not used: ${fromSnapshot.skipped.join('; ')}`);
    if (fromSnapshot.findings !== rebuilt.findings || fromSnapshot.wakes !== rebuilt.wakes)
      throw new Error(`the two start-ups disagree: ${JSON.stringify({ rebuilt, fromSnapshot })}`);
    const cpuS = (usage: NodeJS.CpuUsage) => `${((usage.user + usage.system) / 1e6).toFixed(1)} s CPU`;
    const written = rebuilt.written!;
    console.log(
      `  snapshot written in ${(written.ms / 1000).toFixed(1)} s (${cpuS(written.cpu)}): ${(written.rawBytes / MiB).toFixed(0)} MiB serialised, ${(written.storedBytes / MiB).toFixed(0)} MiB stored in ${written.chunks} chunks`,
    );
    console.log(
      `\nStart-up, each in a fresh process (engine memory = JavaScript heap and array buffers grown by opening the store, after garbage collection; load average ${loadavg()[0].toFixed(1)}):`,
    );
    const line = (label: string, run: Startup) =>
      console.log(
        `  ${label.padEnd(24)} ${(run.ms / 1000).toFixed(1).padStart(6)} s (${cpuS(run.cpu)}), ${run.replayed.toLocaleString('en-GB')} events replayed; engine ${(run.heapBytes / GiB).toFixed(2)} GiB (${Math.round(run.heapBytes / store.events)} bytes an event, ${Math.round(run.heapBytes / families / 1024)} KiB a family; families in memory ${run.families.hot.toLocaleString('en-GB')}, serialised ${run.families.cold.toLocaleString('en-GB')}); process RSS ${(run.rssBytes / GiB).toFixed(2)} GiB, peak ${(run.peakRssBytes / GiB).toFixed(2)} GiB`,
      );
    line('whole log (no snapshot)', rebuilt);
    line('snapshot + log after it', fromSnapshot);
    console.log(`  both: ${rebuilt.findings.toLocaleString('en-GB')} findings, ${rebuilt.wakes.toLocaleString('en-GB')} pending deadlines`);
  } finally {
    // --keep-schema leaves the loaded store for profiling start-up (bench/scale-startup.ts URL on --cpu-prof) and for --store.
    if (process.argv.includes('--keep-schema') || kept > 0) console.log(`  store kept: ${store.url}`);
    else await store.drop();
  }
}

/** Events as the engine receives them: through JSON (as from files and the API), validated, in time order. */
function preparedPopulation(count: number): ThreadEvent[] {
  const inputs = JSON.parse(JSON.stringify(interleave(generatePopulation({ families: count })))) as Record<string, unknown>[];
  return inputs.map((input, i) => {
    const checked = checkEvent(input, 'Europe/London', i + 1, `k${i}`, 0);
    if (!checked.ok) throw new Error(`synthetic event ${i} invalid: ${JSON.stringify(checked.problems)}`);
    checked.event.recordedAt = checked.event.at;
    return checked.event;
  });
}

async function sharded(events: readonly ThreadEvent[], workers: number, until: number) {
  const evaluation = new ShardedEvaluation(workers, {});
  try {
    // Workers start (and load their modules) before the clock starts.
    await evaluation.ready();
    const cpu = process.cpuUsage();
    const t = performance.now();
    await evaluation.submit(events);
    const outcome = await evaluation.finish(until);
    return { ms: performance.now() - t, cpuMs: cpuMs(process.cpuUsage(cpu)), ...outcome };
  } finally {
    await evaluation.close();
  }
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Times one engine on this thread over the events (and the deadlines due by `until`); the engine is dropped after. */
function oneEngine(events: readonly ThreadEvent[], config: PartnershipConfig, until: number) {
  const engine = new Engine({ protocols: PROTOCOLS, config, clock: new VirtualClock() });
  const cpu = process.cpuUsage();
  const t = performance.now();
  let findings = 0;
  for (const event of events) findings += engine.record(event).length;
  findings += engine.runUntil(until).length;
  const ms = performance.now() - t;
  const usedCpuMs = cpuMs(process.cpuUsage(cpu));
  const findingIds = [...engine.world.allPersons()].flatMap((p) => engine.world.findingsAbout(p.id).map((f) => f.id)).sort();
  return { ms, cpuMs: usedCpuMs, findings, findingIds };
}

/** CPU time of the whole process (every thread: workers, garbage collection), in ms. */
function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

async function evaluationFigures() {
  const events = preparedPopulation(memoryFamilies);
  const until = events.at(-1)!.at;
  const config = loadPartnershipConfig({}, PROTOCOLS);
  const { ms: bareMs, cpuMs: bareCpuMs } = oneEngine(events, { ...config, disabled: PROTOCOLS.map((p) => p.id) }, until);
  const { ms: oneMs, cpuMs: oneCpuMs, findings, findingIds } = oneEngine(events, config, until);
  // The engines above are let go: with the evaluation sharded, this thread holds no engine, only the events it routes.
  (globalThis as { gc?: () => void }).gc?.();
  const share = (ms: number) => `${((bareMs / ms) * 100).toFixed(0)}% of the world-only rate`;
  // On a loaded machine the rates say more about the other processes than about this one; CPU time does not.
  const cpu = (ms: number) => `CPU ${(ms / 1000).toFixed(1)} s, ${(ms / bareCpuMs).toFixed(1)} times world only's`;
  console.log(
    `\nEvaluation in memory: ${memoryFamilies.toLocaleString('en-GB')} families, ${events.length.toLocaleString('en-GB')} events (load average ${loadavg()[0].toFixed(1)} on ${'2'} cores)`,
  );
  console.log(`  world only (no protocol, this thread):    ${rate(events.length, bareMs)}  (CPU ${(bareCpuMs / 1000).toFixed(1)} s)`);
  console.log(
    `  every protocol, one engine on this thread: ${rate(events.length, oneMs)}  (${share(oneMs)}; ${cpu(oneCpuMs)}; ${findings} findings)`,
  );
  for (const workers of [1, 2]) {
    const outcome = await sharded(events, workers, until);
    if (outcome.events !== events.length || outcome.findings !== findings || !sameIds(outcome.findingIds.sort(), findingIds))
      throw new Error(
        `${workers} workers evaluated ${outcome.events} events and raised ${outcome.findings} findings, not those one engine raised (${findings})`,
      );
    const seconds = (values: number[]) => values.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(' + ');
    console.log(
      `  every protocol, sharded by family, ${workers} worker${workers > 1 ? 's' : ' '}: ${rate(events.length, outcome.ms)}  (${share(outcome.ms)}; load average ${loadavg()[0].toFixed(1)}; ${cpu(outcome.cpuMs)}; routing on this thread ${seconds([outcome.routingMs])}; workers busy ${seconds(outcome.busyMs)}, waiting for a handover ${seconds(outcome.handoverWaitMs)}; ${outcome.moves} families joined a family of another shard, ${outcome.handovers} of them handed over from worker to worker)`,
    );
  }
}

console.log(
  `Threadline scale benchmark (Node ${process.version}, ${PROTOCOLS.length} protocols), ${families.toLocaleString('en-GB')} families`,
);
if (!process.argv.includes('--skip-store')) await storeFigures();
if (!process.argv.includes('--skip-evaluation')) await evaluationFigures();
