// The store tests run against both targets: the embedded PGlite, and the PostgreSQL
// server named by TEST_DATABASE_URL (default: the local server's `test` database).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreLocation } from '../src/store/open-database.ts';
import { scratchSchema } from './scratch-schema.ts';

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
    const { url, drop } = await scratchSchema(SERVER_URL, 't');
    return { location: { databaseUrl: url }, cleanup: drop };
  },
};

export const STORE_TARGETS = [pgliteTarget, serverTarget];
