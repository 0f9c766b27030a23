// A real PostgreSQL streaming replica of the test server, for the replica tests and the
// read benchmark: scripts/replica-cluster.sh makes it (pg_basebackup into a temporary
// folder, a second small cluster on a free port) and stops it. `stop` is also run when
// the process exits, and the script itself stops replicas whose owner process is gone.
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'replica-cluster.sh');

export interface ReplicaCluster {
  port: number;
  /** The same database and options as `primaryUrl` (a scratch schema's URL), on the replica. */
  urlFor(primaryUrl: string): string;
  /** Stops replaying the primary's WAL (it still arrives): the replica's state stands still. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Resolves once the replica has replayed everything the primary had written when it was called. */
  caughtUp(timeoutMs?: number): Promise<void>;
  /** The replica's SQL, for checks (pause state, counts). */
  query<R extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** One query on a fresh connection to `url`. */
export async function queryAt<R extends pg.QueryResultRow>(url: string, sql: string, params?: unknown[]): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Starts a replica of the server at `primaryUrl`, or says why it cannot be made here. */
export async function startReplica(primaryUrl: string): Promise<{ ok: true; replica: ReplicaCluster } | { ok: false; reason: string }> {
  const primary = new URL(primaryUrl);
  if (!['127.0.0.1', 'localhost'].includes(primary.hostname)) return { ok: false, reason: `the test server ${primary.host} is not local` };
  const primaryPort = primary.port || '5432';
  const dir = join(tmpdir(), `threadline-replica.${randomBytes(6).toString('hex')}`);
  const port = await freePort();
  try {
    await run('bash', [SCRIPT, 'start', dir, String(port), primaryPort], {
      timeout: 180_000,
      env: { ...process.env, REPLICA_OWNER_PID: String(process.pid) },
    });
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || String(error);
    return { ok: false, reason: `could not make a streaming replica of ${primary.host}: ${detail.split('\n').slice(-3).join(' ')}` };
  }
  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    execFileSync('bash', [SCRIPT, 'stop', dir], { stdio: 'ignore' });
  };
  process.once('exit', stopNow);
  const urlFor = (url: string) => {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(port);
    return u.toString();
  };
  const adminUrl = urlFor(primaryUrl);
  const query = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => queryAt<R>(adminUrl, sql, params);
  const replica: ReplicaCluster = {
    port,
    urlFor,
    query,
    async pause() {
      await query('SELECT pg_wal_replay_pause()');
      for (let i = 0; i < 200; i++) {
        const [state] = await query<{ state: string }>('SELECT pg_get_wal_replay_pause_state() AS state');
        if (state.state === 'paused') return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error('the replica did not pause');
    },
    async resume() {
      await query('SELECT pg_wal_replay_resume()');
    },
    async caughtUp(timeoutMs = 20_000) {
      const [{ lsn }] = await queryAt<{ lsn: string }>(primaryUrl, 'SELECT pg_current_wal_lsn()::text AS lsn');
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [row] = await query<{ reached: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS reached', [lsn]);
        if (row.reached) return;
        if (Date.now() > deadline) throw new Error(`the replica did not reach ${lsn} in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', stopNow);
      await run('bash', [SCRIPT, 'stop', dir], { timeout: 60_000 });
    },
  };
  return { ok: true, replica };
}
