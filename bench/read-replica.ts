// Reads on a replica (issue 17): search (GET /api/persons?q=, served by the read-only
// connection) at a fixed arrival rate, against a real PostgreSQL streaming replica made by
// scripts/replica-cluster.sh, beside the same load on the primary alone.
//
//   npm run bench:read-replica -- [--families 10000] [--rate 1000] [--seconds 20] [--read search|notifications]
//
// `search` finds a child by id in the persons projection (a query over every person);
// `notifications` reads the user's notifications (an indexed query returning none here):
// the cost of a read on the replica with the query itself almost free.
//
// The population is loaded into a fresh schema of the primary with COPY; the record is
// opened (its projections caught up), and once the replica has replayed everything the
// app is served twice on 127.0.0.1: with DATABASE_READ_URL on the replica, then without.
// A worker thread drives each with an open-loop schedule (one request every 1/rate s,
// latency measured from each request's scheduled start, so a stall is not hidden).
import { Worker } from 'node:worker_threads';
import { loadavg } from 'node:os';
import { loadPartnershipConfig } from '../src/config/partnership-config.ts';
import { checkEvent } from '../src/domain/validate-event.ts';
import { VirtualClock } from '../src/engine/clock.ts';
import { PROTOCOLS } from '../src/protocols/registry.ts';
import { openDatabase, openReadReplicaOf } from '../src/store/open-database.ts';
import { RecordStore } from '../src/store/record-store.ts';
import { EVENT_COLUMNS, eventCopyRow } from '../src/store/event-rows.ts';
import { createServices } from '../src/server/services.ts';
import { buildApp } from '../src/server/build-app.ts';
import { SESSION_COOKIE } from '../src/api/authenticate.ts';
import { principalOf } from '../src/access/user-directory.ts';
import { startReplica } from '../test/replica-cluster.ts';
import { arg, freshServerSchema, percentile, rate, SERVER_URL, serverAvailable } from './bench-support.ts';
import { generatePopulation, interleave } from './synthetic-population.ts';

const families = arg('families', 10_000);
const requestsPerSecond = arg('rate', 1_000);
const seconds = arg('seconds', 20);
const BATCH = 5_000;
const readIndex = process.argv.indexOf('--read');
const read = readIndex >= 0 ? process.argv[readIndex + 1] : 'search';
if (read !== 'search' && read !== 'notifications') throw new Error('--read is search or notifications');

const LOAD_GENERATOR = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, cookie, ids, rate, seconds, read } = workerData;
const total = rate * seconds;
const latencies = [];
let errors = 0, issued = 0, done = 0, firstError = '';
const start = performance.now();
let seed = 7;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
function one(scheduled) {
  const id = ids[Math.floor(next() * ids.length)];
  const path = read === 'search' ? '/api/persons?q=' + encodeURIComponent(id) : '/api/notifications';
  fetch(url + path, { headers: { cookie } })
    .then(async (r) => { const body = await r.json(); if (r.status !== 200 || (read === 'search' ? body.results.length !== 1 : !Array.isArray(body.notifications))) errors++; latencies.push(performance.now() - scheduled); })
    .catch((e) => { errors++; if (!firstError) firstError = String(e && (e.cause || e)); })
    .finally(() => { if (++done === total) parentPort.postMessage({ latencies, errors, firstError, elapsedMs: performance.now() - start }); });
}
const timer = setInterval(() => {
  const due = Math.min(total, Math.floor((performance.now() - start) * rate / 1000));
  while (issued < due) { one(start + issued * 1000 / rate); issued++; }
  if (issued >= total) clearInterval(timer);
}, 1);
`;

interface LoadResult {
  latencies: number[];
  errors: number;
  firstError: string;
  elapsedMs: number;
}

async function load(schemaUrl: string, readUrl: string | undefined, ids: string[]): Promise<LoadResult> {
  const location = { databaseUrl: schemaUrl, readUrl };
  const db = await openDatabase(location);
  const readReplica = await openReadReplicaOf(location);
  const store = await RecordStore.open(db, PROTOCOLS, loadPartnershipConfig({}, PROTOCOLS), new VirtualClock());
  const services = createServices(db, store, { readReplica });
  const user = await services.users.create({
    username: `bench-${readUrl ? 'replica' : 'primary'}`,
    displayName: 'Bench health visitor',
    // Notifications are read by safeguarding leads.
    role: read === 'notifications' ? 'safeguarding-lead' : 'health-visitor',
    agency: 'health-visiting',
    password: 'benchmark-password-1',
  });
  const session = await services.sessions.start(principalOf(user));
  const app = await buildApp(services, { logger: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const worker = new Worker(LOAD_GENERATOR, {
      eval: true,
      workerData: { url, cookie: `${SESSION_COOKIE}=${session.token}`, ids, rate: requestsPerSecond, seconds, read },
    });
    return await new Promise<LoadResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await app.close();
    await services.audit.drain();
    await services.reads.close();
    await db.close();
  }
}

function report(label: string, result: LoadResult): void {
  const sorted = result.latencies.sort((a, b) => a - b);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log(
    `  ${label.padEnd(26)} ${rate(sorted.length, result.elapsedMs)}, errors ${result.errors}; p50 ${ms(percentile(sorted, 50))}, p90 ${ms(percentile(sorted, 90))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1) ?? 0)}`,
  );
  if (result.firstError) console.log(`    first error: ${result.firstError}`);
}

if (!(await serverAvailable())) {
  console.error('read-replica: no PostgreSQL server at BENCH_DATABASE_URL / postgres://postgres@127.0.0.1:5432/test');
  process.exit(2);
}
const started = await startReplica(SERVER_URL);
if (!started.ok) {
  console.error(`read-replica: no replica could be made here: ${started.reason}`);
  process.exit(2);
}
const replica = started.replica;
const schema = await freshServerSchema();
try {
  const inputs = JSON.parse(JSON.stringify(interleave(generatePopulation({ families })))) as Record<string, unknown>[];
  const db = await openDatabase({ databaseUrl: schema.url });
  for (let i = 0; i < inputs.length; i += BATCH) {
    const rows = inputs
      .slice(i, i + BATCH)
      .map((input, j) => {
        const checked = checkEvent(input, 'Europe/London', i + j + 1, `k${i + j}`, 0);
        if (!checked.ok) throw new Error(`synthetic event ${i + j} invalid`);
        checked.event.recordedAt = checked.event.at;
        return eventCopyRow(checked.event);
      })
      .join('');
    await db.transaction((tx) => tx.copyIn('events', EVENT_COLUMNS, rows));
  }
  // Opening the record once catches the persons projection up with the log.
  // (and leaves a snapshot, so the two servers below start from it).
  await (await RecordStore.open(db, PROTOCOLS, loadPartnershipConfig({}, PROTOCOLS), new VirtualClock())).snapshot();
  await db.close();
  await replica.caughtUp(120_000);
  const ids = Array.from({ length: families }, (_, i) => `f${i}-child`);
  console.log(
    `${read === 'search' ? 'Search by id (GET /api/persons?q=)' : 'Notifications (GET /api/notifications)'}, ${families.toLocaleString('en-GB')} families (${inputs.length.toLocaleString('en-GB')} events), open loop at ${requestsPerSecond}/s for ${seconds} s (load average ${loadavg()[0].toFixed(1)}):`,
  );
  report('reads on the replica', await load(schema.url, replica.urlFor(schema.url), ids));
  report('primary only (no replica)', await load(schema.url, undefined, ids));
} finally {
  await schema.drop();
  await replica.stop();
}
