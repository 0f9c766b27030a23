import pg from 'pg';
import type { Queryable } from './database.ts';
import { parseLogPosition, type LogPosition } from './log-position.ts';

/** A read-only connection to a streaming replica of the writer (DATABASE_READ_URL). */
export interface ReadReplica extends Queryable {
  /** How far the replica has replayed the writer's log (a server that is not a standby: its own position). */
  replayed(): Promise<LogPosition>;
  close(): Promise<void>;
}

const REPLAYED_SQL = `SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END)::text AS lsn`;

export async function openReadReplica(url: string, poolSize = 10): Promise<ReadReplica> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A replica that is down is not an error once running (reads go to the writer); at start it is.
  pool.on('error', () => undefined);
  const probe = await pool.connect();
  probe.release();
  return {
    async query<R>(sql: string, params?: unknown[]) {
      const result = await pool.query<R & pg.QueryResultRow>(sql, params);
      return { rows: result.rows };
    },
    async replayed() {
      const { rows } = await pool.query<{ lsn: string | null }>(REPLAYED_SQL);
      return parseLogPosition(rows[0]?.lsn) ?? 0n;
    },
    async close() {
      await pool.end();
    },
  };
}
