import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite-database.ts';
import { openPostgres } from './postgres-database.ts';

export interface StoreLocation {
  /** A PostgreSQL server; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite's data folder; when absent PGlite runs in memory. */
  dataDir?: string;
}

export function storeLocationFromEnv(env: NodeJS.ProcessEnv = process.env, defaultDataDir?: string): StoreLocation {
  return { databaseUrl: env.DATABASE_URL || undefined, dataDir: env.THREADLINE_DATA_DIR || defaultDataDir };
}

/** Opens the store and brings its schema up to date. */
export async function openDatabase(location: StoreLocation): Promise<Database> {
  const db = location.databaseUrl ? await openPostgres(location.databaseUrl) : await openPglite(location.dataDir);
  await migrate(db);
  return db;
}
