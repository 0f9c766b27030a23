import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite-database.ts';
import { openPostgres } from './postgres-database.ts';
import { openReadReplica, type ReadReplica } from './read-replica.ts';

export interface StoreLocation {
  /** A PostgreSQL server; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite's data folder; when absent PGlite runs in memory. */
  dataDir?: string;
  /** A read-only streaming replica of the server at `databaseUrl`, for reads (DATABASE_READ_URL). */
  readUrl?: string;
}

export function storeLocationFromEnv(env: NodeJS.ProcessEnv = process.env, defaultDataDir?: string): StoreLocation {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.THREADLINE_DATA_DIR || defaultDataDir,
    readUrl: env.DATABASE_READ_URL || undefined,
  };
}

/** Opens the store and brings its schema up to date. */
export async function openDatabase(location: StoreLocation): Promise<Database> {
  const db = location.databaseUrl ? await openPostgres(location.databaseUrl) : await openPglite(location.dataDir);
  await migrate(db);
  return db;
}

/** The replica named by `readUrl`, if any; it needs a PostgreSQL server to replicate (the embedded store has none). */
export async function openReadReplicaOf(location: StoreLocation): Promise<ReadReplica | undefined> {
  if (!location.readUrl) return undefined;
  if (!location.databaseUrl)
    throw new Error('DATABASE_READ_URL names a replica of a PostgreSQL server: set DATABASE_URL to that server too');
  return openReadReplica(location.readUrl);
}
