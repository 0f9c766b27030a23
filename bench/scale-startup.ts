// One start-up of the record from a store, measured in a process of its own (run by
// bench/scale-bench.ts): time to open (with or without the latest snapshot) and the
// engine's memory, as the heap grown by opening once garbage is collected.
//
//   node --expose-gc --import tsx bench/scale-startup.ts URL on|off [--write-snapshot]
import { loadPartnershipConfig } from '../src/config/partnership-config.ts';
import { VirtualClock } from '../src/engine/clock.ts';
import { PROTOCOLS } from '../src/protocols/registry.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { RecordStore } from '../src/store/record-store.ts';

const [url, mode] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const db = await openDatabase({ databaseUrl: url });
gc();
const before = process.memoryUsage();
const t = performance.now();
const cpu = process.cpuUsage();
const store = await RecordStore.open(db, PROTOCOLS, loadPartnershipConfig({}, PROTOCOLS), new VirtualClock(), {
  useSnapshots: mode === 'on',
});
const ms = performance.now() - t;
const cpuUsed = process.cpuUsage(cpu);
const peakRss = process.resourceUsage().maxRSS * 1024;
// Array buffers' memory is released by a background sweeper after the collection: give it a moment, then collect again.
gc();
await new Promise((resolve) => setTimeout(resolve, 2000));
gc();
const after = process.memoryUsage();
const report = store.lastRestore!;
let written: { ms: number; cpu: NodeJS.CpuUsage; rawBytes: number; storedBytes: number; chunks: number } | undefined;
if (process.argv.includes('--write-snapshot')) {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const outcome = await store.snapshot();
  if (!outcome) throw new Error('no snapshot was written');
  written = {
    ms: performance.now() - t,
    cpu: process.cpuUsage(cpu),
    rawBytes: outcome.rawBytes,
    storedBytes: outcome.storedBytes,
    chunks: outcome.chunks,
  };
}
console.log(
  JSON.stringify({
    written,
    ms,
    cpu: cpuUsed,
    // Cold families are bytes outside the JavaScript heap (array buffers): they count too.
    heapBytes: after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers,
    families: store.engine.world.familyCounts(),
    rssBytes: after.rss,
    peakRssBytes: peakRss,
    replayed: report.replayed,
    snapshot: report.snapshot,
    skipped: report.skipped,
    findings: store.engine.world.findingCount(),
    wakes: store.engine.pendingWakes,
  }),
);
await db.close();
