// One start-up of the record from a store, measured in a process of its own (run by
// bench/scale-bench.ts): time to open (with or without the latest snapshot) and the
// engine's memory, as the heap grown by opening once garbage is collected.
//
//   node --expose-gc --import tsx bench/scale-startup.ts URL on|off
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
gc();
const after = process.memoryUsage();
const report = store.lastRestore!;
console.log(
  JSON.stringify({
    ms,
    cpu: cpuUsed,
    heapBytes: after.heapUsed - before.heapUsed,
    rssBytes: after.rss,
    peakRssBytes: peakRss,
    replayed: report.replayed,
    snapshot: report.snapshot,
    skipped: report.skipped,
    findings: [...store.engine.world.allPersons()].reduce((n, p) => n + store.engine.world.findingsAbout(p.id).length, 0),
    wakes: store.engine.pendingWakes,
  }),
);
await db.close();
