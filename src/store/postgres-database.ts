import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { firstColumns } from './binary-copy.ts';
import { finished } from 'node:stream/promises';
import type { CopyWriter, Database, Transaction } from './database.ts';

// Timestamps and bigints come back as JavaScript values the record can use directly.
pg.types.setTypeParser(20, (value) => Number(value));

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Fail fast with a clear message if the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  return {
    kind: 'postgres',
    async query<R>(sql: string, params?: unknown[]) {
      const result = await pool.query<R & pg.QueryResultRow>(sql, params);
      return { rows: result.rows };
    },
    async readBytes(select: string) {
      const client = await pool.connect();
      try {
        const parts: Buffer[] = [];
        for await (const part of client.query(copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT binary)`))) parts.push(part as Buffer);
        return firstColumns(Buffer.concat(parts));
      } finally {
        client.release();
      }
    },
    async transaction(work) {
      const client = await pool.connect();
      // A load still open when the work fails must be abandoned before ROLLBACK can run.
      const open = new Set<ReturnType<typeof copyFrom>>();
      try {
        await client.query('BEGIN');
        const tx: Transaction = {
          async query<R>(sql: string, params?: unknown[]) {
            const result = await client.query<R & pg.QueryResultRow>(sql, params);
            return { rows: result.rows };
          },
          async copyIn(table, columns, text) {
            const writer = tx.copyFrom(table, columns);
            writer.write(text);
            await writer.end();
          },
          copyFrom(table, columns): CopyWriter {
            const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
            open.add(stream);
            const done = finished(stream);
            // Until `end` is called nobody awaits the load; its failure is reported there.
            done.catch(() => undefined);
            return {
              write: (text) => {
                stream.write(text);
              },
              end: async () => {
                stream.end();
                try {
                  await done;
                } finally {
                  open.delete(stream);
                }
              },
            };
          },
        };
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        for (const stream of open) {
          stream.destroy(new Error('transaction abandoned'));
          await finished(stream).catch(() => undefined);
        }
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
