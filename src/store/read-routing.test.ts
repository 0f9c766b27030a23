import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from './database.ts';
import type { ReadReplica } from './read-replica.ts';
import { ReadRouting } from './read-routing.ts';

/** A writer and a replica that say which they are, with positions the test moves. */
function servers() {
  const state = { written: 100n, replayed: 100n, replicaDown: false };
  const writer = {
    kind: 'postgres',
    query: async (sql: string) => ({
      rows: [sql.includes('pg_current_wal_lsn') ? { lsn: `0/${state.written.toString(16)}` } : { from: 'writer' }],
    }),
    transaction: () => Promise.reject(new Error('no writes here')),
    close: async () => undefined,
  } as unknown as Database;
  const replica: ReadReplica = {
    query: async <R>() => {
      if (state.replicaDown) throw new Error('connection refused');
      return { rows: [{ from: 'replica' } as R] };
    },
    replayed: async () => {
      if (state.replicaDown) throw new Error('connection refused');
      return state.replayed;
    },
    close: async () => undefined,
  };
  return { state, writer, replica };
}

const from = async (routing: ReadRouting, minimum?: bigint) =>
  (await (await routing.choose(minimum)).db.query<{ from: string }>('SELECT 1')).rows[0].from;

test('read routing: without a replica every read goes to the writer', async () => {
  const { writer } = servers();
  const routing = new ReadRouting(writer);
  assert.equal(routing.enabled, false);
  assert.equal(await from(routing), 'writer');
  assert.equal(await routing.writerPosition(), undefined);
});

test('read routing: a reader with no write of their own reads the replica; one whose write it has replayed reads it too', async () => {
  const { state, writer, replica } = servers();
  const routing = new ReadRouting(writer, replica, { pollMs: 60_000 });
  try {
    assert.equal(await from(routing), 'replica');
    state.written = 200n;
    state.replayed = 200n;
    assert.equal(await routing.writerPosition(), 200n);
    assert.equal(await from(routing, 200n), 'replica');
  } finally {
    await routing.close();
  }
});

test('read routing: a reader whose write the replica has not replayed waits briefly, then reads the writer', async () => {
  const { state, writer, replica } = servers();
  const routing = new ReadRouting(writer, replica, { waitMs: 30, pollMs: 60_000 });
  try {
    state.written = 300n;
    const started = Date.now();
    assert.equal(await from(routing, 300n), 'writer');
    assert.ok(Date.now() - started >= 30);
    // Replayed while the reader waits: the replica answers.
    setTimeout(() => (state.replayed = 300n), 10);
    const slow = new ReadRouting(writer, replica, { waitMs: 1_000, pollMs: 60_000 });
    assert.equal(await from(slow, 300n), 'replica');
    await slow.close();
  } finally {
    await routing.close();
  }
});

test('read routing: a replica behind by more than the bound, or down, serves nobody until it recovers', async () => {
  const { state, writer, replica } = servers();
  let now = 1_000_000;
  const routing = new ReadRouting(writer, replica, { maxLagMs: 5_000, pollMs: 60_000, now: () => now });
  try {
    state.written = 400n;
    await routing.poll();
    now += 4_000;
    assert.equal(routing.lagMs, 4_000);
    assert.equal(await from(routing), 'replica');
    now += 2_000;
    await routing.poll();
    assert.equal(routing.lagMs, 6_000, 'the lag runs from the oldest write not replayed');
    assert.equal(await from(routing), 'writer');
    state.replayed = 400n;
    await routing.poll();
    assert.equal(routing.lagMs, 0);
    assert.equal(await from(routing), 'replica');

    state.replicaDown = true;
    assert.equal(await from(routing), 'writer', 'a failed query on the replica is asked of the writer');
    assert.equal(await from(routing), 'writer', 'and the replica is left alone');
    await routing.poll();
    state.replicaDown = false;
    await routing.poll();
    assert.equal(await from(routing), 'replica', 'until it answers again');
  } finally {
    await routing.close();
  }
});
