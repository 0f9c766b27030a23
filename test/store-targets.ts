// The store tests run against both targets: the embedded PGlite, and the PostgreSQL
// server named by TEST_DATABASE_URL (default: the local server's `test` database).
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreLocation } from '../src/store/open-database.ts';

export const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface StoreTarget {
  name: string;
  /** A fresh, empty location; `cleanup` removes it. */
  create(): Promise<{ location: StoreLocation; cleanup: () => Promise<void> }>;
}

export const pgliteTarget: StoreTarget = {
  name: 'pglite',
  async create() {
    const dataDir = await mkdtemp(join(tmpdir(), 'threadline-pglite-'));
    return { location: { dataDir }, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
  },
};

/** Each test gets its own schema on the server, dropped afterwards. */
export const serverTarget: StoreTarget = {
  name: 'postgres-server',
  async create() {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const url = new URL(SERVER_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return {
      location: { databaseUrl: url.toString() },
      cleanup: async () => {
        const client = new pg.Client({ connectionString: SERVER_URL });
        await client.connect();
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
        await client.end();
      },
    };
  },
};

export const STORE_TARGETS = [pgliteTarget, serverTarget];
