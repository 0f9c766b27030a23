import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../store/open-database.ts';
import { ValidationError } from '../domain/validation-error.ts';
import { OrganisationDirectory } from '../config/organisations.ts';
import { UserDirectory } from './user-directory.ts';

const password = 'a long enough password';

async function directory() {
  const db = await openDatabase({});
  return { db, users: new UserDirectory(db, new OrganisationDirectory()) };
}

async function problems(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (error) {
    assert.ok(error instanceof ValidationError, String(error));
    return error.problems.map((p) => p.field);
  }
  return [];
}

test('each account belongs to an organisation of the partnership; an agency type alone means its default organisation', async () => {
  const { db, users } = await directory();
  const fenland = await users.create({ username: 'fenland', displayName: 'Dr F', role: 'gp', organisation: 'Y10002', password });
  assert.deepEqual([fenland.organisation, fenland.agency], ['Y10002', 'gp']);
  const usual = await users.create({ username: 'usual', displayName: 'Dr U', role: 'gp', agency: 'gp', password });
  assert.deepEqual([usual.organisation, usual.agency], ['Y10001', 'gp']);
  assert.deepEqual(await problems(() => users.create({ username: 'x1', displayName: 'X', role: 'gp', organisation: 'NOPE', password })), [
    'organisation',
  ]);
  assert.deepEqual(
    await problems(() =>
      users.create({ username: 'x2', displayName: 'X', role: 'gp', organisation: 'Y10002', agency: 'police', password }),
    ),
    ['agency'],
  );
  assert.deepEqual(await problems(() => users.create({ username: 'x3', displayName: 'X', role: 'gp', password })), ['organisation']);
  const { rows } = await db.query<{ code: string }>('SELECT code FROM organisations ORDER BY code');
  assert.deepEqual(
    rows.map((r) => r.code),
    ['Y10001', 'Y10002'],
    'the organisations of accounts are stored',
  );
  await db.close();
});

test('an account made before organisations existed belongs to the default organisation of its agency type', async () => {
  const { db, users } = await directory();
  await db.query("INSERT INTO users (id, username, display_name, role, agency) VALUES ('old', 'old', 'Old officer', 'police', 'police')");
  assert.equal((await users.byId('old'))?.organisation, 'ZPF001');
  await users.storeOrganisations();
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM organisations');
  assert.equal(rows[0].n, new OrganisationDirectory().all().length);
  await db.close();
});
