// FHIR import benchmark (issue 16 item 7): resources imported per second through
// `threadline import` (the CLI command itself, run in this process: it opens the store,
// reads the file, checks each resource against the FHIR R4 definitions, maps, authorises
// and stores), into PGlite (a data folder, as the CLI uses it) and into the PostgreSQL
// server, beside plain ingest of the same records (RecordStore.submitBatch of the events
// the import stored, read back from its store) in the same run.
//
//   npm run bench:fhir -- [--families 400] [--seed 20261202] [--bundle-families 100]
//
// The resources are bench/fhir-synthetic.ts's: UK Core-shaped Patients, RelatedPersons,
// Encounters, Observations, Appointments (booked, and noshow), Immunizations, Conditions,
// EpisodesOfCare and the pregnancy, from a sending system. Each format goes into a fresh
// store: one NDJSON file of everything, and batch Bundles of `--bundle-families` families
// each (one `threadline import` per file, so each also pays for opening the store).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerImport } from '../src/cli/commands/import.ts';
import { loadPartnershipConfig } from '../src/config/partnership-config.ts';
import { SystemClock } from '../src/engine/clock.ts';
import { validateFhirResource } from '../src/fhir/fhir-validation.ts';
import { PROTOCOLS } from '../src/protocols/registry.ts';
import { createServices } from '../src/server/services.ts';
import { openDatabase, type StoreLocation } from '../src/store/open-database.ts';
import { RecordStore } from '../src/store/record-store.ts';
import { arg, freshServerSchema, rate, serverAvailable } from './bench-support.ts';
import { asBatchBundle, asNdjson, syntheticFhir } from './fhir-synthetic.ts';

const families = arg('families', 400);
const seed = arg('seed', 20261202);
const bundleFamilies = arg('bundle-families', 100);
const INGEST_BATCH = 500;
const IMPORTER = 'bench-importer';

interface Store {
  location: StoreLocation;
  drop: () => Promise<void>;
}

interface Run {
  resources: number;
  events: number;
  ms: number;
  /** Of ms, the import itself as the command reports it ("(4.2 s)"): without opening the store and reading the file. */
  importMs: number;
}

async function openStore(location: StoreLocation) {
  const db = await openDatabase(location);
  const store = await RecordStore.open(db, PROTOCOLS, loadPartnershipConfig({}, PROTOCOLS), new SystemClock());
  const services = createServices(db, store);
  return {
    db,
    services,
    close: async () => {
      await services.audit.drain();
      await services.reads.close();
      await db.close();
    },
  };
}

/** A fresh store with the importing account (a health visitor), as after the demo's set-up. */
async function freshStore(kind: 'pglite' | 'server', folder: string, name: string): Promise<Store> {
  let store: Store;
  if (kind === 'pglite') {
    const dataDir = join(folder, `store-${name}`);
    store = { location: { dataDir }, drop: () => rm(dataDir, { recursive: true, force: true }) };
  } else {
    const schema = await freshServerSchema();
    store = { location: { databaseUrl: schema.url }, drop: schema.drop };
  }
  const opened = await openStore(store.location);
  try {
    await opened.services.users.create({
      username: IMPORTER,
      displayName: 'Bench importer',
      role: 'health-visitor',
      agency: 'health-visiting',
      password: 'benchmark-password-1',
    });
  } finally {
    await opened.close();
  }
  return store;
}

/** `threadline import FILE --as bench-importer`, as typed at the shell, in this process (DATABASE_URL names a server store). */
async function cliImport(store: Store, file: string): Promise<number> {
  const program = new Command().exitOverride();
  registerImport(program);
  const args = ['import', file, '--as', IMPORTER, '--group-size', '500'];
  if (store.location.dataDir) args.push('--data-dir', store.location.dataDir);
  const printed: string[] = [];
  const log = console.log;
  console.log = (...parts: unknown[]) => printed.push(parts.join(' '));
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    console.log = log;
  }
  printed.forEach((line) => console.log(`    ${line}`));
  if (process.exitCode) throw new Error(`threadline import ${file} refused resources`);
  const seconds = /\((\d+\.\d) s\)$/.exec(printed[0] ?? '')?.[1];
  if (seconds === undefined) throw new Error(`threadline import printed no summary: ${printed.join('; ')}`);
  return Number(seconds) * 1000;
}

async function storedEvents(store: Store): Promise<Record<string, unknown>[]> {
  const db = await openDatabase(store.location);
  try {
    const { rows } = await db.query<{ payload: Record<string, unknown> }>('SELECT payload FROM events ORDER BY seq');
    return rows.map((r) => r.payload);
  } finally {
    await db.close();
  }
}

async function importFiles(kind: 'pglite' | 'server', folder: string, name: string, files: string[], resources: number) {
  const store = await freshStore(kind, folder, name);
  try {
    let importMs = 0;
    if (store.location.databaseUrl) process.env.DATABASE_URL = store.location.databaseUrl;
    const t = performance.now();
    for (const file of files) importMs += await cliImport(store, file);
    const ms = performance.now() - t;
    delete process.env.DATABASE_URL;
    const events = await storedEvents(store);
    return { run: { resources, events: events.length, ms, importMs } satisfies Run, events };
  } finally {
    delete process.env.DATABASE_URL;
    await store.drop();
  }
}

/** The same records appended the store's ordinary way: submitBatch, one batch at a time, as the import does. */
async function plainIngest(kind: 'pglite' | 'server', folder: string, events: Record<string, unknown>[]): Promise<number> {
  const store = await freshStore(kind, folder, 'plain');
  try {
    const opened = await openStore(store.location);
    const user = await opened.services.users.byUsername(IMPORTER);
    try {
      const t = performance.now();
      for (let i = 0; i < events.length; i += INGEST_BATCH)
        await opened.services.store.submitBatch(events.slice(i, i + INGEST_BATCH), 'bench-plain', { userId: user!.userId });
      return performance.now() - t;
    } finally {
      await opened.close();
    }
  } finally {
    await store.drop();
  }
}

function report(label: string, run: Run, plainMs: number) {
  const plainRate = run.events / (plainMs / 1000);
  const importMs = run.importMs;
  console.log(
    `  ${label.padEnd(40)} ${rate(run.resources, run.ms)} resources, ${rate(run.events, run.ms)} events (${(run.ms / 1000).toFixed(1)} s); ${((run.events / (run.ms / 1000) / plainRate) * 100).toFixed(0)}% of plain ingest's events/s`,
  );
  console.log(
    `  ${'  of which the import, as it reports'.padEnd(40)} ${rate(run.resources, importMs)} resources, ${rate(run.events, importMs)} events; ${((run.events / (importMs / 1000) / plainRate) * 100).toFixed(0)}% of plain ingest's events/s`,
  );
}

async function measure(kind: 'pglite' | 'server', label: string, folder: string, ndjson: string, bundles: string[], resources: number) {
  const viaNdjson = await importFiles(kind, folder, 'ndjson', [ndjson], resources);
  const viaBundles = await importFiles(kind, folder, 'bundles', bundles, resources);
  if (viaBundles.run.events !== viaNdjson.run.events)
    throw new Error(`the Bundles stored ${viaBundles.run.events} records, the NDJSON ${viaNdjson.run.events}`);
  const plainMs = await plainIngest(kind, folder, viaNdjson.events);
  console.log(`\n${label} (load average ${loadavg()[0].toFixed(1)}):`);
  console.log(
    `  ${'plain ingest of the same records'.padEnd(40)} ${rate(viaNdjson.run.events, plainMs)} events (${(plainMs / 1000).toFixed(1)} s)`,
  );
  report('threadline import, one NDJSON file', viaNdjson.run, plainMs);
  report(`threadline import, ${bundles.length} batch Bundles`, viaBundles.run, plainMs);
}

async function main() {
  const folder = await mkdtemp(join(tmpdir(), 'threadline-fhir-bench-'));
  try {
    let t = performance.now();
    const fhir = syntheticFhir({ families, seed });
    const all = fhir.families.flat();
    const ndjson = join(folder, 'all.ndjson');
    await writeFile(ndjson, asNdjson(all));
    const bundles: string[] = [];
    for (let i = 0; i < fhir.families.length; i += bundleFamilies) {
      const file = join(folder, `bundle-${bundles.length}.json`);
      await writeFile(file, JSON.stringify(asBatchBundle(fhir.families.slice(i, i + bundleFamilies).flat())));
      bundles.push(file);
    }
    const generatedMs = performance.now() - t;
    t = performance.now();
    // The FHIR definitions are indexed once a process, on first use; a CLI run pays it once.
    validateFhirResource(all[0]);
    const definitionsMs = performance.now() - t;
    console.log(`Threadline FHIR import benchmark (Node ${process.version}, seed ${seed})`);
    console.log(
      `${families.toLocaleString('en-GB')} families, ${all.length.toLocaleString('en-GB')} resources (${Object.entries(fhir.resourceTypes)
        .map(([type, n]) => `${type} ${n}`)
        .join(', ')}); generated in ${(generatedMs / 1000).toFixed(1)} s`,
    );
    console.log(
      `FHIR definitions indexed in ${(definitionsMs / 1000).toFixed(1)} s (once a process; not in the figures below, each of which includes opening the store)`,
    );
    await measure('pglite', 'PGlite (embedded, a data folder)', folder, ndjson, bundles, all.length);
    if (await serverAvailable()) await measure('server', 'PostgreSQL server', folder, ndjson, bundles, all.length);
    else console.log('\nPostgreSQL server not reachable (BENCH_DATABASE_URL); server figures skipped.');
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
