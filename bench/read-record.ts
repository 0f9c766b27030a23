// Issue 5 benchmark: reading a child's record (summary + chronology, GET /api/persons/:id)
// at a fixed arrival rate against the PostgreSQL server store holding a synthetic population.
//
//   node --expose-gc --max-old-space-size=12000 --import tsx bench/read-record.ts [--families 100000] [--rate 1000] [--seconds 20]
//
// Loads the families with RecordStore.submitBatch (batches of 5,000 events) into a fresh
// schema of the server (BENCH_DATABASE_URL, default the local `test` database), serves the
// real app on 127.0.0.1, and drives it from a worker thread with an open-loop schedule:
// one request every 1/rate seconds whatever the answers, latency measured from each
// request's scheduled start (so a stall is not hidden). Every read is audited as usual.
import { Worker } from 'node:worker_threads';
import { loadPartnershipConfig } from '../src/config/partnership-config.ts';
import { VirtualClock } from '../src/engine/clock.ts';
import { PROTOCOLS } from '../src/protocols/registry.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { RecordStore } from '../src/store/record-store.ts';
import { createServices } from '../src/server/services.ts';
import { buildApp } from '../src/server/build-app.ts';
import { SESSION_COOKIE } from '../src/api/authenticate.ts';
import { principalOf } from '../src/access/user-directory.ts';
import { arg, freshServerSchema, percentile, rate, serverAvailable } from './bench-support.ts';
import { generatePopulation } from './synthetic-population.ts';

const families = arg('families', 100_000);
const requestsPerSecond = arg('rate', 1_000);
const seconds = arg('seconds', 20);
const BATCH = 5_000;

// Plain JavaScript run in a worker thread (its own core): keep-alive fetches on a fixed schedule.
const LOAD_GENERATOR = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, cookie, children, rate, seconds } = workerData;
const total = rate * seconds;
const latencies = [];
const statuses = {};
let errors = 0, issued = 0, done = 0, firstError = '';
const start = performance.now();
let seed = 7;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
function one(scheduled) {
  const id = children[Math.floor(next() * children.length)];
  fetch(url + '/api/persons/' + id, { headers: { cookie } })
    .then(async (r) => { await r.arrayBuffer(); statuses[r.status] = (statuses[r.status] || 0) + 1; if (r.status !== 200) errors++; latencies.push(performance.now() - scheduled); })
    .catch((e) => { errors++; if (!firstError) firstError = String(e && (e.cause || e)); })
    .finally(() => { if (++done === total) parentPort.postMessage({ latencies, errors, firstError, statuses, elapsedMs: performance.now() - start }); });
}
const timer = setInterval(() => {
  const due = Math.min(total, Math.floor((performance.now() - start) * rate / 1000));
  while (issued < due) { one(start + issued * 1000 / rate); issued++; }
  if (issued >= total) clearInterval(timer);
}, 1);
`;

if (!(await serverAvailable())) {
  console.error('read-record: no PostgreSQL server at BENCH_DATABASE_URL / postgres://postgres@127.0.0.1:5432/test');
  process.exit(2);
}

const schema = await freshServerSchema();
const db = await openDatabase({ databaseUrl: schema.url });
try {
  let t = performance.now();
  // Time order across families (plain string order of the local ISO times; faster than localeCompare).
  let inputs: Record<string, unknown>[] = generatePopulation({ families }).flatMap((f) => f.events);
  inputs.sort((a, b) => (a.at === b.at ? 0 : (a.at as string) < (b.at as string) ? -1 : 1));
  console.log(
    `generated ${families.toLocaleString('en-GB')} families, ${inputs.length.toLocaleString('en-GB')} events in ${Math.round(performance.now() - t)} ms`,
  );

  // The virtual clock replays the population in time order, as the partnership received it.
  const store = await RecordStore.open(db, PROTOCOLS, loadPartnershipConfig({}, PROTOCOLS), new VirtualClock());
  t = performance.now();
  let findings = 0;
  for (let i = 0; i < inputs.length; i += BATCH) {
    const result = await store.submitBatch(inputs.slice(i, i + BATCH), `bench-${i}`);
    findings += result.findings.length;
    if ((i / BATCH) % 50 === 0) process.stderr.write(`  loaded ${(i + BATCH).toLocaleString('en-GB')} events\r`);
  }
  const loadMs = performance.now() - t;
  console.log(
    `loaded into the PostgreSQL server with submitBatch in ${(loadMs / 1000).toFixed(1)} s (${rate(inputs.length, loadMs)}); ${findings} findings raised`,
  );
  inputs = [];
  // A server measured as it is after start-up: the load's garbage collected once (needs --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
  const heap = process.memoryUsage();
  console.log(`heap after load: ${(heap.heapUsed / 2 ** 30).toFixed(2)} GiB used`);

  const services = createServices(db, store);
  const user = await services.users.create({
    username: 'bench-hv',
    displayName: 'Bench health visitor',
    role: 'health-visitor',
    agency: 'health-visiting',
    password: 'benchmark-password-1',
  });
  const session = await services.sessions.start(principalOf(user));
  const app = await buildApp(services);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });

  const children = Array.from({ length: families }, (_, i) => `f${i}-child`);
  const sample = await fetch(`${url}/api/persons/${children[0]}`, { headers: { cookie: `${SESSION_COOKIE}=${session.token}` } });
  const body = (await sample.json()) as { chronology: unknown[] };
  console.log(
    `one record: HTTP ${sample.status}, ${body.chronology.length} chronology entries, ${JSON.stringify(body).length.toLocaleString('en-GB')} bytes`,
  );

  const auditBefore = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log')).rows[0].n);
  const worker = new Worker(LOAD_GENERATOR, {
    eval: true,
    workerData: { url, cookie: `${SESSION_COOKIE}=${session.token}`, children, rate: requestsPerSecond, seconds },
  });
  const result = await new Promise<{
    latencies: number[];
    errors: number;
    firstError: string;
    statuses: Record<string, number>;
    elapsedMs: number;
  }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await services.audit.drain();
  const auditAfter = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log')).rows[0].n);
  const sorted = result.latencies.sort((a, b) => a - b);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log(`\nGET /api/persons/:id (summary + chronology), open loop at ${requestsPerSecond}/s for ${seconds} s:`);
  console.log(
    `  completed ${sorted.length.toLocaleString('en-GB')} (${rate(sorted.length, result.elapsedMs)}), errors ${result.errors}, statuses ${JSON.stringify(result.statuses)}`,
  );
  if (result.firstError) console.log(`  first error: ${result.firstError}`);
  console.log(
    `  latency p50 ${ms(percentile(sorted, 50))}, p90 ${ms(percentile(sorted, 90))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1) ?? 0)}`,
  );
  console.log(`  audit entries written: ${(auditAfter - auditBefore).toLocaleString('en-GB')}`);
  console.log(
    `  target: 1,000 requests/s with p99 under 50 ms: ${percentile(sorted, 99) < 50 && sorted.length >= requestsPerSecond * seconds * 0.99 && result.errors === 0 ? 'MET' : 'NOT MET'}`,
  );
  await app.close();
} finally {
  await db.close();
  await schema.drop();
}
