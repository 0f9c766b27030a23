import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { fixtureEvents, startTestApp, type TestApp } from '../server/test-app.ts';
import { apiCaller, userIn, type Call } from '../server/test-caller.ts';
import { notificationsFor } from '../access/notifications.ts';
import type { Principal } from '../access/principal.ts';
import type { CpIsAnswer } from './cp-is-check.ts';
import type { Bundle, Flag, Organization } from '@medplum/fhirtypes';
import { validateFhirResource } from '../fhir/fhir-validation.ts';

const ZONE = 'Europe/London';
const local = (dt: DateTime) => dt.setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm");
const now = DateTime.now();
const planStart = now.minus({ days: 40 });

// Valid NHS numbers (check digit) from the range reserved for testing.
const ON_PLAN = '999 001 0005';
const LOOKED_AFTER = '9990010013';
const PLAN_ENDED = '999 001 0021';
const NO_PLAN = '9990010048';
const NOBODY = '9990010056';

/** Four children not known to any unscheduled care setting: on a CP plan (with a social worker), looked after, a plan ended, no plan. */
function families(): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  const child = (id: string, nhsNumber: string) =>
    events.push({
      id: `${id}-born`,
      type: 'person.recorded',
      at: local(now.minus({ years: 3 })),
      person: id,
      role: 'child',
      born: now.minus({ years: 3 }).toISODate(),
      nhsNumber,
      name: { given: 'Casey', family: id },
      agency: 'gp',
    });
  const plan = (id: string, kind: string, type = 'plan.started', at = planStart) =>
    events.push({ id: `${id}-${type}`, type, at: local(at), person: id, kind, agency: 'children-social-care' });
  child('cp-child', ON_PLAN);
  plan('cp-child', 'child-protection');
  events.push({
    id: 'cp-child-allocated',
    type: 'allocation.set',
    at: local(planStart.plus({ hours: 1 })),
    person: 'cp-child',
    agency: 'children-social-care',
    role: 'social-worker',
    name: 'Sam Worker',
  });
  child('lac-child', LOOKED_AFTER);
  plan('lac-child', 'looked-after');
  child('ended-child', PLAN_ENDED);
  plan('ended-child', 'child-protection');
  plan('ended-child', 'child-protection', 'plan.ended', now.minus({ days: 5 }));
  child('plain-child', NO_PLAN);
  return [...fixtureEvents(now), ...events];
}

describe('CP-IS check from unscheduled care (JSON API)', () => {
  let t: TestApp;
  let call: Call;
  let ed: Principal;
  let paramedic: Principal;
  before(async () => {
    t = await startTestApp({ events: families() });
    call = apiCaller(t);
    ed = await userIn(t, 'ed-clinician', 'hospital-clinician', 'ZED001');
    paramedic = await userIn(t, 'paramedic', 'hospital-clinician', 'ZAM001');
  });
  after(() => t.close());

  const ask = async (who: Principal, nhsNumber: string) => {
    const response = await call(who, 'POST', '/api/cp-is/checks', { nhsNumber });
    return { status: response.statusCode, body: response.json<CpIsAnswer & { detail?: string; problems?: unknown[] }>() };
  };
  const findingsAbout = (id: string) =>
    t.services.store.engine.world.findingsAbout(id).filter((f) => f.code === 'unscheduled-care-while-on-plan');

  test('a child on a child protection plan: yes, with the plan type, start date and the local authority to contact', async () => {
    const { status, body } = await ask(ed, ON_PLAN);
    assert.equal(status, 200);
    assert.equal(body.onPlan, true);
    assert.equal(body.nhsNumber, '999 001 0005');
    assert.deepEqual(
      body.plans.map((p) => [p.type, p.label, p.startDate, p.localAuthority.code, p.localAuthority.name, p.localAuthority.phone]),
      [
        [
          'child-protection-plan',
          'Child protection plan',
          planStart.setZone(ZONE).toISODate(),
          'ZLA001',
          "Riverside Council Children's Services",
          '020 7946 0300',
        ],
      ],
    );
    assert.equal(body.plans[0].localAuthority.outOfHoursPhone, '020 7946 0399');
    assert.match(body.message, /^Yes: this child has a child protection plan here/);
    assert.equal(JSON.stringify(body).includes('Casey'), false, 'the answer names nobody');
  });

  test('a looked-after child: yes, looked after', async () => {
    const { body } = await ask(paramedic, LOOKED_AFTER);
    assert.equal(body.onPlan, true);
    assert.deepEqual(
      body.plans.map((p) => [p.type, p.label]),
      [['looked-after', 'Looked after child']],
    );
    assert.match(body.message, /is looked after/);
  });

  test('a plan ended, no plan, and a number nobody here has all get the same "no plan known here"', async () => {
    const answers = await Promise.all([PLAN_ENDED, NO_PLAN, NOBODY].map((n) => ask(ed, n)));
    for (const { status, body } of answers) {
      assert.equal(status, 200);
      assert.equal(body.onPlan, false);
      assert.deepEqual(body.plans, []);
      assert.equal(body.message, 'No child protection plan or looked-after status is known here for this NHS number.');
    }
    const shapes = answers.map(({ body }) => Object.keys(body).sort().join());
    assert.equal(new Set(shapes).size, 1, 'the answers differ in nothing but the number and time');
  });

  test('an NHS number failing the modulus 11 check, or not ten digits, is refused naming the field; nothing is recorded', async () => {
    const before = [...t.services.store.engine.world.allEvents()].length;
    const bad = await ask(ed, '999 001 0006');
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /nhsNumber.*fails the NHS number check digit \(modulus 11\)/);
    const short = await ask(ed, '12345');
    assert.equal(short.status, 400);
    assert.match(JSON.stringify(short.body), /nhsNumber.*must be 10 digits/);
    assert.equal([...t.services.store.engine.world.allEvents()].length, before);
  });

  test('the check is recorded about the child and raises unscheduled-care-while-on-plan for a child on a plan, once a day per setting', async () => {
    const world = t.services.store.engine.world;
    const queried = (id: string) => world.eventsOf(id, 'unscheduled-care.queried');
    assert.ok(queried('cp-child').length >= 1);
    assert.equal(queried('cp-child')[0].organisation, 'ZED001');
    assert.equal((queried('cp-child')[0].data as { setting: string }).setting, 'emergency-department');
    assert.equal(findingsAbout('cp-child').length, 1);
    assert.equal(findingsAbout('lac-child').length, 1, 'the paramedic’s check');
    await ask(ed, ON_PLAN);
    assert.equal(findingsAbout('cp-child').length, 1, 'asking again the same day is the same attendance');
    for (const id of ['ended-child', 'plain-child']) {
      assert.equal(queried(id).length, 1, `${id}: the question is recorded`);
      assert.equal(findingsAbout(id).length, 0, `${id}: no finding`);
    }
  });

  test("the owning local authority's social workers are told, naming the allocated social worker; others are not", async () => {
    const toLa = await notificationsFor(t.services.db, 'social-worker', 'children-social-care', 'ZLA001');
    const aboutCp = toLa.filter((n) => n.kind === 'cp-is-check' && n.subject === 'cp-child');
    assert.equal(aboutCp.length, 1);
    assert.match(aboutCp[0].message, /Riverside Hospital Emergency Department \(emergency department\) checked CP-IS for cp-child/);
    assert.match(aboutCp[0].message, /allocated social worker, Sam Worker/);
    assert.ok(toLa.some((n) => n.subject === 'lac-child'));
    assert.equal(toLa.filter((n) => n.subject === 'plain-child' || n.subject === 'ended-child').length, 0);
    const otherLa = await notificationsFor(t.services.db, 'social-worker', 'children-social-care', 'ZLA999');
    assert.equal(otherLa.filter((n) => n.kind === 'cp-is-check').length, 0);
    const response = await call('social-worker', 'GET', '/api/notifications');
    assert.equal(response.statusCode, 200);
    assert.ok(response.json<{ notifications: { subject: string }[] }>().notifications.some((n) => n.subject === 'cp-child'));
  });

  test('asking opens no record: the asker still cannot read the child, and the asking organisation is not involved', async () => {
    for (const who of [ed, paramedic]) {
      const record = await call(who, 'GET', '/api/persons/cp-child');
      assert.equal(record.statusCode, 403);
      assert.equal((await t.services.access.decide(who, 'lac-child')).allowed, false);
    }
    const involved = [...t.services.store.engine.world.involvementWith('cp-child').keys()];
    assert.equal(involved.includes('ZED001'), false);
  });

  test('only unscheduled care settings ask: a GP practice and a hospital ward are refused, and so is a social worker', async () => {
    for (const role of ['gp', 'hospital-clinician'] as const) {
      const refused = await call(role, 'POST', '/api/cp-is/checks', { nhsNumber: ON_PLAN });
      assert.equal(refused.statusCode, 403, role);
      assert.match(refused.body, /is not one/);
    }
    assert.equal((await call('social-worker', 'POST', '/api/cp-is/checks', { nhsNumber: ON_PLAN })).statusCode, 403);
    const outOfHours = await startTestApp({
      config: { organisations: [{ code: 'OOH001', name: 'Riverside Out of Hours', agency: 'gp', unscheduledCare: 'out-of-hours-gp' }] },
    });
    try {
      const gp = await userIn(outOfHours, 'ooh-gp', 'gp', 'OOH001');
      assert.equal((await apiCaller(outOfHours)(gp, 'POST', '/api/cp-is/checks', { nhsNumber: NOBODY })).statusCode, 200);
    } finally {
      await outOfHours.close();
    }
  });

  test('every check is audited with the number asked and the answer', async () => {
    await t.services.audit.drain();
    const { rows } = await t.services.db.query<{ actor: string; action: string; detail: string; subject: string | null }>(
      "SELECT actor, action, detail, subject FROM audit_log WHERE route = 'POST /api/cp-is/checks' ORDER BY seq",
    );
    const details = rows.map((r) => r.detail ?? '');
    assert.ok(details.some((d) => d.includes('999 001 0005') && d.includes('child protection plan')));
    assert.ok(details.some((d) => d.includes('999 001 0056') && d.includes('nobody known with it')));
    assert.ok(rows.every((r) => r.action === 'search'));
    assert.ok(rows.some((r) => r.subject === 'cp-child'));
  });
});

describe('CP-IS check as FHIR: GET /fhir/R4/Flag?patient.identifier=…', () => {
  let t: TestApp;
  let call: Call;
  let ed: Principal;
  before(async () => {
    t = await startTestApp({ events: families() });
    call = apiCaller(t);
    ed = await userIn(t, 'ed-clinician', 'hospital-clinician', 'ZED001');
  });
  after(() => t.close());

  const search = (who: Principal | 'gp', identifier: string) =>
    call(who, 'GET', `/fhir/R4/Flag?patient.identifier=${encodeURIComponent(identifier)}`);

  test('a child on a plan: a searchset Bundle with one valid active Flag, the local authority contained with its contact', async () => {
    const response = await search(ed, `https://fhir.nhs.uk/Id/nhs-number|${ON_PLAN.replace(/ /g, '')}`);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /application\/fhir\+json/);
    const bundle = response.json<Bundle>();
    assert.equal(bundle.type, 'searchset');
    assert.equal(bundle.total, 1);
    const flag = bundle.entry![0].resource as Flag;
    assert.deepEqual(validateFhirResource(flag), []);
    assert.equal(flag.status, 'active');
    assert.equal(flag.code.coding![0].code, 'child-protection-plan');
    assert.equal(flag.subject.identifier?.value, '9990010005');
    assert.equal(flag.period?.start, planStart.setZone(ZONE).toISODate());
    const la = flag.contained![0] as Organization;
    assert.equal(la.identifier![0].value, 'ZLA001');
    assert.deepEqual(
      la.telecom!.map((c) => c.value),
      ['020 7946 0300', '020 7946 0399', 'childrens.services@riverside.example'],
    );
    assert.equal(
      t.services.store.engine.world.findingsAbout('cp-child').filter((f) => f.code === 'unscheduled-care-while-on-plan').length,
      1,
    );
  });

  test('no plan known: an empty Bundle; a bad check digit or another identifier system: 400 OperationOutcome naming the parameter', async () => {
    const none = (await search(ed, `https://fhir.nhs.uk/Id/nhs-number|${NOBODY}`)).json<Bundle>();
    assert.equal(none.total, 0);
    assert.deepEqual(none.entry, []);
    const bad = await search(ed, 'https://fhir.nhs.uk/Id/nhs-number|9990010006');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /patient\.identifier: fails the NHS number check digit \(modulus 11\)/);
    const other = await search(ed, `urn:example|${NOBODY}`);
    assert.equal(other.statusCode, 400);
    assert.match(other.body, /patient\.identifier: must be https:\/\/fhir\.nhs\.uk\/Id\/nhs-number\|/);
    assert.equal((await search('gp', `https://fhir.nhs.uk/Id/nhs-number|${NOBODY}`)).statusCode, 403);
  });
});

describe('CP-IS check: rate limited per user', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ events: families(), app: { lookupRateLimit: { max: 2, timeWindowMs: 60_000 } } });
  });
  after(() => t.close());

  test("a user's third check in the window gets 429, and another user's checks still go through", async () => {
    const call = apiCaller(t);
    const first = await userIn(t, 'ed-one', 'hospital-clinician', 'ZED001');
    const second = await userIn(t, 'ed-two', 'hospital-clinician', 'ZED001');
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(first, 'POST', '/api/cp-is/checks', { nhsNumber: NOBODY })).statusCode);
    assert.deepEqual(statuses, [200, 200, 429]);
    assert.equal((await call(second, 'POST', '/api/cp-is/checks', { nhsNumber: NOBODY })).statusCode, 200);
  });
});
