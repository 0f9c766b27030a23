import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { fixtureEvents, startTestApp, type TestApp } from '../../server/test-app.ts';
import { auditEntries } from './audit-view.ts';
import type { SearchOutcome } from './search-people.ts';

// A child known to health visiting only (GP, police and others have no need-to-know),
// and another William at another address.
// Born on the 5th, so that the date typed the American way is still a date (transposed).
const born = DateTime.now().setZone('Europe/London').minus({ years: 3, months: 1 }).set({ day: 5, hour: 8, minute: 0 });
const events = [
  ...fixtureEvents(),
  {
    id: 's1',
    at: born.plus({ days: 10 }).toFormat("yyyy-MM-dd'T'HH:mm"),
    type: 'person.recorded',
    person: 'search-child',
    role: 'child',
    sex: 'male',
    born: born.toISODate(),
    agency: 'health-visiting',
    name: { given: 'William', family: 'Thompson-Hale' },
    nhsNumber: '999 000 0018',
    postcode: 'pe13 2ab',
    area: 'Fenland',
  },
  {
    id: 's2',
    at: born.plus({ days: 11 }).toFormat("yyyy-MM-dd'T'HH:mm"),
    type: 'person.recorded',
    person: 'other-william',
    role: 'adult',
    sex: 'male',
    born: '1980-01-01',
    agency: 'health-visiting',
    name: { given: 'William', family: 'Morgan' },
    postcode: 'CB1 1AA',
  },
];

describe('search over the persons projection', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ events });
  });
  after(async () => t.close());

  async function search(role: 'health-visitor' | 'gp', q: string): Promise<SearchOutcome> {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/persons?q=${encodeURIComponent(q)}`,
      headers: { cookie: await t.sessionCookie(role) },
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json<SearchOutcome>();
  }
  const ids = async (q: string) => (await search('health-visitor', q)).results.map((r) => r.id);

  test('finds a child by name with slips and nicknames, by date of birth, NHS number and postcode, best match first', async () => {
    for (const q of ['william thompson', 'Bill Thompson', 'wiliam tompson', 'thompson-hale', 'hale', 'will th']) {
      assert.equal((await ids(q))[0], 'search-child', q);
    }
    assert.deepEqual((await ids('william')).sort(), ['other-william', 'search-child']);
    assert.deepEqual(await ids(born.toFormat('dd/MM/yyyy')), ['search-child']);
    // Day and month transposed (a slip the date comparison allows) still finds him.
    if (born.day <= 12) assert.deepEqual(await ids(`william ${born.toFormat('MM/dd/yyyy')}`), ['search-child']);
    assert.deepEqual(await ids('9990000018'), ['search-child']);
    assert.deepEqual(await ids('william PE13 2AB'), ['search-child']);
    assert.deepEqual(await ids('william CB1'), ['other-william']);
    assert.deepEqual(await ids('george thompson'), []);
    assert.match((await search('health-visitor', '999 000 0019')).hint ?? '', /999 000 0019 is not a valid NHS number/);
  });

  test('outside need-to-know a result gives only the name, age band and area; the search is audited', async () => {
    const [known] = (await search('health-visitor', 'william thompson')).results;
    assert.equal(known.access, true);
    assert.equal(known.nhsNumber, '9990000018');
    assert.equal(known.postcode, 'PE13 2AB');
    assert.equal(known.age, '3 years old');
    const [limited] = (await search('gp', 'william thompson')).results;
    assert.deepEqual(limited, { id: 'search-child', name: 'William Thompson-Hale', ageBand: '1 to 4', area: 'Fenland', access: false });
    await t.services.audit.drain();
    const [entry] = await auditEntries(t.services.db, { actor: t.users.gp.userId, limit: 1 });
    assert.equal(entry.detail, 'search: william thompson');
  });
});
