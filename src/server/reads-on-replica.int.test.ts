// Reads on a real PostgreSQL streaming replica (README "Reads on replicas"): replay is
// paused to make replication lag as long as the test wants, and the app is read through
// sessions that did and did not write.
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { SERVER_URL } from '../../test/store-targets.ts';
import { scratchSchema } from '../../test/scratch-schema.ts';
import { queryAt, startReplica, type ReplicaCluster } from '../../test/replica-cluster.ts';
import { recentDate, startTestApp, type TestApp } from './test-app.ts';
import { SESSION_COOKIE } from '../api/authenticate.ts';
import { WRITTEN_COOKIE } from '../api/read-your-writes.ts';
import type { Role } from '../access/roles.ts';
import type { ReadRoutingOptions } from '../store/read-routing.ts';

let replica: ReplicaCluster | undefined;
let unavailable = '';

before(async () => {
  const started = await startReplica(SERVER_URL);
  if (started.ok) replica = started.replica;
  else unavailable = started.reason;
});
after(async () => {
  await replica?.stop();
});

/** A browser: its own cookie jar, kept from every answer, with a session of the role's user. */
class Browser {
  private readonly jar = new Map<string, string>();
  private constructor(private readonly t: TestApp) {}

  static async signedIn(t: TestApp, role: Role): Promise<Browser> {
    const browser = new Browser(t);
    const session = await t.services.sessions.start(t.users[role]);
    browser.jar.set(SESSION_COOKIE, session.token);
    return browser;
  }

  get written(): string | undefined {
    return this.jar.get(WRITTEN_COOKIE);
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(await this.t.app.inject({ method: 'GET', url, headers: { cookie: this.cookie() } }));
  }

  async post(url: string, body: unknown): Promise<LightMyRequestResponse> {
    const token = (await this.get('/api/csrf-token')).json<{ token: string }>().token;
    return this.keep(
      await this.t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookie(), 'x-csrf-token': token, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      }),
    );
  }

  private cookie(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keep(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies) {
      const expired = cookie.maxAge === 0 || (cookie.expires !== undefined && cookie.expires.getTime() <= Date.now());
      if (expired || cookie.value === '') this.jar.delete(cookie.name);
      else this.jar.set(cookie.name, cookie.value);
    }
    return response;
  }
}

async function appOnReplica(routing: ReadRoutingOptions): Promise<{ t: TestApp; readUrl: string; drop: () => Promise<void> }> {
  const schema = await scratchSchema(SERVER_URL, 't');
  try {
    // The schema and its tables reach the replica before the app opens it.
    await replica!.caughtUp();
    const readUrl = replica!.urlFor(schema.url);
    const t = await startTestApp({ location: { databaseUrl: schema.url, readUrl }, services: { readRouting: routing } });
    return {
      t,
      readUrl,
      drop: async () => {
        await t.close();
        await schema.drop();
      },
    };
  } catch (error) {
    await schema.drop();
    throw error;
  }
}

const searchIds = async (browser: Browser, q: string) => {
  const response = await browser.get(`/api/persons?q=${encodeURIComponent(q)}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json<{ results: { id: string }[] }>().results.map((r) => r.id);
};

const newPerson = (id: string, given: string) => ({
  type: 'person.recorded',
  at: `${recentDate()}T10:00`,
  person: id,
  role: 'adult',
  sex: 'female',
  name: { given, family: 'Replica' },
});

function skipWithoutReplica(t: TestContext): boolean {
  if (replica) return false;
  t.skip(`no streaming replica could be made, so reads on replicas are untested here: ${unavailable}`);
  return true;
}

describe('reads on a streaming PostgreSQL replica', () => {
  test('under replication lag the writer reads its own writes, other sessions read the replica, and all converge', async (t) => {
    if (skipWithoutReplica(t)) return;
    const { t: app, readUrl, drop } = await appOnReplica({ waitMs: 100, maxLagMs: 600_000 });
    try {
      const reads = app.services.reads;
      const writer = await Browser.signedIn(app, 'midwife');
      const sameUserElsewhere = await Browser.signedIn(app, 'midwife');
      const lead = await Browser.signedIn(app, 'safeguarding-lead');
      assert.deepEqual(await searchIds(lead, 'Known'), ['known-mum']);
      assert.ok(reads.counts.replica > 0, 'with the replica caught up, reads are served by it');

      await replica!.caughtUp();
      await replica!.pause();
      const written = await writer.post('/api/events', newPerson('rowan', 'Rowan'));
      assert.equal(written.statusCode, 201, written.body);
      assert.match(writer.written ?? '', /^[0-9A-F]+\/[0-9A-F]+$/, 'the write sets the writer-position cookie');
      const finding = app.services.store.engine.world.findingsAbout('known-baby')[0];
      const noted = await writer.post(`/api/findings/${finding.id}/actions`, { kind: 'noted', note: 'Seen at clinic by the replica test' });
      assert.equal(noted.statusCode, 200, noted.body);

      // The writer's browser: the replica is behind its cookie, so the writer answers.
      const behindBefore = reads.counts.behind;
      assert.deepEqual(await searchIds(writer, 'Rowan'), ['rowan']);
      const work = (await writer.get('/api/my-work')).json<{ caseload: { id: string }[] }>();
      assert.ok(
        work.caseload.some((c) => c.id === 'rowan'),
        'my caseload includes the person I just recorded',
      );
      assert.match((await writer.get(`/findings/${finding.id}`)).body, /Seen at clinic by the replica test/);
      assert.equal(reads.counts.behind - behindBefore, 3, 'each of the three reads went to the writer');
      assert.ok(writer.written, 'the cookie stays while the replica is behind it');

      // Every other session (the same user in another browser, another user) sees the replica's state.
      assert.deepEqual(await searchIds(sameUserElsewhere, 'Rowan'), []);
      assert.deepEqual(await searchIds(lead, 'Rowan'), []);
      const elsewhere = (await sameUserElsewhere.get('/api/my-work')).json<{ caseload: { id: string }[] }>();
      assert.ok(!elsewhere.caseload.some((c) => c.id === 'rowan'));
      assert.doesNotMatch((await lead.get(`/findings/${finding.id}`)).body, /Seen at clinic by the replica test/);
      // The record itself is the engine's, in this process: current for everyone who may open it.
      assert.equal((await sameUserElsewhere.get('/api/persons/rowan')).statusCode, 200);

      // Every read was audited on the writer, whichever server answered it.
      await app.services.audit.drain();
      const searches = `SELECT count(*)::int AS n FROM audit_log WHERE route = 'GET /api/persons'`;
      assert.equal((await app.services.db.query<{ n: number }>(searches)).rows[0].n, 4);
      const [onReplica] = await queryAt<{ n: number }>(readUrl, searches);
      assert.equal(onReplica.n, 1, 'the paused replica holds only the audit entry written before the pause');

      await replica!.resume();
      await replica!.caughtUp();
      const onReplicaBefore = reads.counts.replica;
      assert.deepEqual(await searchIds(sameUserElsewhere, 'Rowan'), ['rowan']);
      assert.deepEqual(await searchIds(lead, 'Rowan'), ['rowan']);
      assert.match((await lead.get(`/findings/${finding.id}`)).body, /Seen at clinic by the replica test/);
      assert.deepEqual(await searchIds(writer, 'Rowan'), ['rowan']);
      assert.equal(reads.counts.replica - onReplicaBefore, 4, 'caught up, the replica serves every read again');
      assert.equal(writer.written, undefined, 'the cookie is cleared once the replica has reached it');
    } finally {
      await replica?.resume().catch(() => undefined);
      await drop();
    }
  });

  test('a replica further behind than the bound serves nobody, and a replica that is down sends reads to the writer', async (t) => {
    if (skipWithoutReplica(t)) return;
    const { t: app, drop } = await appOnReplica({ waitMs: 50, maxLagMs: 300, pollMs: 50 });
    try {
      const reads = app.services.reads;
      const writer = await Browser.signedIn(app, 'midwife');
      const lead = await Browser.signedIn(app, 'safeguarding-lead');
      await replica!.pause();
      assert.equal((await writer.post('/api/events', newPerson('sage', 'Sage'))).statusCode, 201);
      await reads.poll();
      assert.deepEqual(await searchIds(lead, 'Sage'), [], 'within the bound, others read the replica');
      await new Promise((resolve) => setTimeout(resolve, 400));
      await reads.poll();
      assert.ok(reads.lagMs > 300, `lag ${reads.lagMs} ms`);
      assert.deepEqual(await searchIds(lead, 'Sage'), ['sage'], 'past the bound, everyone reads the writer');

      await replica!.resume();
      await replica!.caughtUp();
      await reads.poll();
      assert.equal(reads.lagMs, 0);
      const onReplica = reads.counts.replica;
      assert.deepEqual(await searchIds(lead, 'Sage'), ['sage']);
      assert.equal(reads.counts.replica - onReplica, 1);

      // The replica goes away: reads still answer, from the writer.
      await replica!.stop();
      assert.deepEqual(await searchIds(lead, 'Sage'), ['sage']);
      assert.ok(reads.counts.failed + reads.counts.behind > 0);
    } finally {
      await drop();
    }
  });
});
