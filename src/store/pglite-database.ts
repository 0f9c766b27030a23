import { PGlite } from '@electric-sql/pglite';
import type { CopyWriter, Database, Transaction } from './database.ts';

export async function openPglite(dataDir?: string): Promise<Database> {
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  return {
    kind: 'pglite',
    async query(sql, params) {
      const result = await db.query(sql, params ?? []);
      return { rows: result.rows as never[] };
    },
    async transaction(work) {
      return db.transaction(async (tx) => {
        const wrapped: Transaction = {
          async query(sql, params) {
            const result = await tx.query(sql, params ?? []);
            return { rows: result.rows as never[] };
          },
          async copyIn(table, columns, text) {
            const writer = wrapped.copyFrom(table, columns);
            writer.write(text);
            await writer.end();
          },
          // PGlite runs in this process, so there is nothing to overlap: rows are gathered
          // and loaded in one COPY at the end.
          copyFrom(table, columns): CopyWriter {
            const parts: string[] = [];
            return {
              write: (text) => {
                parts.push(text);
              },
              end: async () => {
                await tx.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob(parts) });
              },
            };
          },
        };
        return work(wrapped);
      });
    },
    async close() {
      await db.close();
    },
  };
}
