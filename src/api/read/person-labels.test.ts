import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { fixtureEvents, startTestApp, type TestApp } from '../../server/test-app.ts';
import type { Role } from '../../access/roles.ts';
import { OUTSIDE_ACCESS, PersonLabels } from './person-labels.ts';
import { describeEvent } from '../../chronology/describe-event.ts';

// The "known" family (health visiting involved) and the "quiet" family (midwifery only).
// The police saw the quiet mother at the known mother's home: the health visitor reads
// that someone else was seen, but not who.
const now = DateTime.now();
const fixtures = fixtureEvents(now);
const birth = fixtures.findIndex((e) => e.type === 'birth' && e.child === 'known-baby');
const events = [
  ...fixtures.slice(0, birth),
  // The birth notification names the baby and gives the NHS number, as the demo's does.
  {
    id: 'nhs-known-baby',
    at: fixtures[birth].at,
    type: 'person.recorded',
    person: 'known-baby',
    role: 'unborn',
    agency: 'midwifery',
    name: { given: 'Katie', family: 'Known' },
    nhsNumber: '9990000018',
  },
  ...fixtures.slice(birth),
  {
    id: 'visit-1',
    at: now.minus({ days: 2 }).toFormat("yyyy-MM-dd'T'HH:mm"),
    type: 'contact',
    agency: 'police',
    kind: 'police-attendance',
    person: 'known-mum',
    seen: ['known-mum', 'quiet-mum'],
  },
];

describe('people named by name, age and NHS number, only where the reader has need-to-know', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ events });
  });
  after(async () => t.close());

  async function html(role: Role, url: string): Promise<string> {
    const response = await t.app.inject({ method: 'GET', url, headers: { cookie: await t.sessionCookie(role) } });
    assert.equal(response.statusCode, 200, `${url} as ${role}: ${response.statusCode}`);
    return response.body;
  }

  test('the record page names the child and household with age and NHS number, never by id', async () => {
    const page = await html('health-visitor', '/people/known-baby');
    assert.match(page, /<h1[^>]*>Katie Known<\/h1>/);
    assert.match(page, /999 000 0018/);
    assert.match(page, /Alice Known/);
    assert.match(page, /[0-9]+ weeks old/);
    // The chronology's sentences name people ("new birth visit with Katie Known; seen: Katie Known, Alice Known").
    assert.match(page, /seen: Katie Known, Alice Known/);
    assert.doesNotMatch(page.replace(/(href|id|value|action)="[^"]*"/g, ''), /known-baby|known-mum/);
  });

  test('someone outside the reader’s need-to-know is a neutral label: no name, no id', async () => {
    const page = await html('health-visitor', '/people/known-mum');
    assert.match(page, /police attendance with Alice Known; seen: Alice Known, a person outside your access/i);
    assert.doesNotMatch(page, /Quinn|Quiet|quiet-mum/i);
  });

  test('a reader with access to every record sees both named', async () => {
    const page = await html('front-door-worker', '/people/known-mum');
    assert.match(page, /seen: Alice Known, Quinn Quiet/);
  });

  test('the work list names the child with age and NHS number', async () => {
    const page = await html('gp', '/work');
    assert.match(page, /Katie Known/);
    assert.match(page, /weeks old · NHS number 999 000 0018/);
    assert.doesNotMatch(page.replace(/href="[^"]*"|value="[^"]*"/g, ''), /known-baby/);
  });

  test('findings name their child and the people in their evidence', async () => {
    const finding = t.services.store.engine.world.findingsAbout('known-baby')[0];
    assert.ok(finding, 'the bruise raised a finding');
    const page = await html('gp', `/findings/${encodeURIComponent(finding.id)}`);
    assert.match(page, /Finding about <a[^>]*>Katie Known<\/a> · [0-9]+ weeks old · NHS number 999 000 0018/);
  });
});

test('labels: name, age and spaced NHS number when known; the neutral label otherwise, in sentences too', () => {
  const world = {
    person: (id: string) =>
      id === 'p1' || id === 'p2'
        ? { id, role: 'adult', name: { given: id === 'p1' ? 'Ann' : 'Bea', family: 'Smith' }, nhsNumber: '9990000018', bornMs: 0 }
        : undefined,
    event: () => undefined,
  } as unknown as ConstructorParameters<typeof PersonLabels>[0];
  const labels = new PersonLabels(world, (id) => id === 'p1', Date.parse('2000-06-01T00:00:00Z'), 'Europe/London');
  assert.deepEqual(labels.of('p1'), {
    id: 'p1',
    known: true,
    name: 'Ann Smith',
    age: '30 years old',
    nhsNumber: '999 000 0018',
    full: 'Ann Smith, 30 years old, NHS number 999 000 0018',
  });
  assert.deepEqual(labels.of('p2'), { id: 'p2', known: false, name: OUTSIDE_ACCESS, full: OUTSIDE_ACCESS });
  const sentence = describeEvent(
    { type: 'relationship.recorded', data: { person: 'p2', kind: 'father', of: 'p1' } } as never,
    'Europe/London',
    labels,
  );
  assert.equal(sentence, 'a person outside your access recorded as father of Ann Smith');
});
