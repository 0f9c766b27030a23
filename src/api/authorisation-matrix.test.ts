import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, USUAL_AGENCY, type Role } from '../access/roles.ts';
import { recentDate, startTestApp, TEST_PASSWORD, type TestApp } from '../server/test-app.ts';
import { apiCaller, userIn } from '../server/test-caller.ts';
import { principalOf } from '../access/user-directory.ts';
import { possibleMatch } from '../server/test-identity-review.ts';

// Who may call each route, written out by hand (not derived from the code under test).
// "anonymous" is the visitor with no session. Every route in Fastify's route table must
// appear here; a route added without a line in this matrix fails the test.
type Caller = Role | 'anonymous';
const PRACTITIONERS: Caller[] = [
  'midwife',
  'health-visitor',
  'gp',
  'hospital-clinician',
  'social-worker',
  'police',
  'probation',
  'adult-mental-health',
];
const READERS: Caller[] = [...PRACTITIONERS, 'front-door-worker', 'safeguarding-lead'];
const SIGNED_IN: Caller[] = [...ROLES];
const EVERYONE: Caller[] = [...SIGNED_IN, 'anonymous'];
const FRONT_DOOR: Caller[] = ['front-door-worker', 'safeguarding-lead'];
const OVERSIGHT: Caller[] = ['safeguarding-lead', 'partnership-auditor'];

const MATRIX: Record<string, Caller[]> = {
  'GET /assets/*': EVERYONE,
  'GET /static/*': EVERYONE,
  'GET /api/openapi.json': EVERYONE,
  'GET /api/csrf-token': EVERYONE,
  'POST /api/session': EVERYONE,
  'DELETE /api/session': SIGNED_IN,
  'GET /api/me': SIGNED_IN,
  'GET /api/persons': READERS,
  'GET /api/persons/:id': READERS,
  'GET /api/persons/:id/household': READERS,
  'GET /api/persons/:id/chronology': READERS,
  'GET /api/persons/:id/chronology/:format': READERS,
  'GET /api/persons/:id/findings': READERS,
  'POST /api/persons/:id/break-glass': PRACTITIONERS,
  'POST /api/events': READERS,
  'GET /api/findings/:id': READERS,
  'POST /api/findings/:id/actions': READERS,
  'GET /api/my-work': READERS,
  'GET /api/front-door/queue': FRONT_DOOR,
  'GET /api/identity/reviews': FRONT_DOOR,
  'GET /api/audit': OVERSIGHT,
  'GET /api/figures': OVERSIGHT,
  'GET /api/notifications': ['safeguarding-lead', 'social-worker'],
  'GET /api/users': ['administrator'],
  'POST /api/users': ['administrator'],
  'GET /': EVERYONE,
  'GET /sign-in': EVERYONE,
  'POST /sign-in': EVERYONE,
  'POST /sign-out': SIGNED_IN,
  'GET /work': READERS,
  'GET /search': READERS,
  'GET /people/:id': READERS,
  'GET /people/:id/break-glass': PRACTITIONERS,
  'POST /people/:id/break-glass': PRACTITIONERS,
  'GET /people/:id/record/:form': READERS,
  'POST /people/:id/record/:form': READERS,
  // Each caller corrects a record its own organisation made (other organisations' records: src/web/routes/correction-pages.test.ts).
  'GET /people/:id/correct/:key': READERS,
  'POST /people/:id/correct/:key': READERS,
  'GET /findings/:id': READERS,
  'POST /findings/:id/actions': READERS,
  'GET /front-door': FRONT_DOOR,
  'GET /identity-reviews': FRONT_DOOR,
  'GET /identity-reviews/:person/:candidate': FRONT_DOOR,
  'POST /identity-reviews/:person/:candidate': FRONT_DOOR,
  'GET /audit': OVERSIGHT,
  'GET /figures': OVERSIGHT,
  // New findings notify their owning organisation's readers; safeguarding leads also see break-glass and escalations there.
  'GET /notifications': READERS,
  'POST /notifications/:id/acknowledge': READERS,
  'GET /configuration': ['safeguarding-lead'],
  'GET /admin/users': ['administrator'],
  'POST /admin/users': ['administrator'],
  'GET /admin/users/:userId': ['administrator'],
  'POST /admin/users/:userId/unlock': ['administrator'],
  'POST /admin/users/:userId/disable': ['administrator'],
  'POST /admin/users/:userId/enable': ['administrator'],
  'POST /admin/users/:userId/reset-password': ['administrator'],
  'GET /admin/locks': ['administrator'],
  'POST /admin/locks/address': ['administrator'],
  'GET /admin/operations': ['administrator'],
  'GET /healthz': EVERYONE,
  'GET /readyz': EVERYONE,
  'GET /inbox': READERS,
  'POST /inbox/:id/acknowledge': READERS,
  'GET /fhir/R4/metadata': EVERYONE,
  'POST /fhir/R4': READERS,
  'GET /fhir/R4/Patient/:id/$everything': READERS,
  // CP-IS: GPs and hospital clinicians hold the capability, but only in an unscheduled care
  // setting (an ED, ambulance service, urgent treatment centre, out-of-hours GP), which none of
  // these callers' default organisations is; a clinician of one is allowed in the block below.
  'POST /api/cp-is/checks': [],
  'GET /fhir/R4/Flag': [],
  'GET /cp-is': [],
  'POST /cp-is': [],
};

const CP_IS_FLAG_QUERY = '?patient.identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9990010005';

/** A possible match per front-door caller for the identity review routes (each decides its own); others ask for the first. */
const REVIEWS = Object.fromEntries(FRONT_DOOR.map((caller, i) => [caller, possibleMatch(`matrix-review-${caller}`, { variant: i + 1 })]));
const reviewFor = (caller: Caller) => REVIEWS[caller] ?? REVIEWS[FRONT_DOOR[0]];

/** An account for the account routes to act on (none of the callers). */
let spareUserId = '';
/** A notification to each caller's own organisation, for the acknowledge route. */
const noticeIds = new Map<string, number>();

let counter = 0;
/** A request that an allowed caller would make successfully. */
function requestFor(method: string, url: string, findingId: string, caller: Caller): { url: string; payload?: unknown; form?: boolean } {
  const path = url
    .replace('/assets/*', '/assets/govuk-frontend.min.css')
    .replace('/static/*', '/static/app.css')
    .replace(':id/record/:form', 'known-baby/record/contact')
    .replace(':id/chronology/:format', caller === 'gp' ? 'known-baby/chronology/xlsx' : 'known-baby/chronology/csv')
    .replace(':id/correct/:key', `known-baby/correct/matrix-own-${caller}`)
    .replace(':userId', spareUserId)
    // Each organisation acknowledges only what was sent to it: the caller's own test share.
    .replace('/inbox/:id/acknowledge', `/inbox/matrix-share-${caller === 'anonymous' ? 'gp' : USUAL_AGENCY[caller]}/acknowledge`)
    .replace('/notifications/:id', `/notifications/${noticeIds.get(caller === 'anonymous' ? 'gp' : caller) ?? 0}`)
    .replace('/findings/:id', `/findings/${encodeURIComponent(findingId)}`)
    .replace(':person/:candidate', `${reviewFor(caller).person}/${reviewFor(caller).candidate}`)
    .replace(':id', 'known-baby');
  const n = ++counter;
  const api = path.startsWith('/api/') || path.startsWith('/fhir/');
  const bodies: Record<string, unknown> = {
    'POST /api/session': { username: `${caller === 'anonymous' ? 'gp' : caller}-user`, password: TEST_PASSWORD },
    'POST /api/persons/:id/break-glass': { reason: 'Attending an incident at the address tonight' },
    'POST /api/events': { id: `matrix-${n}`, type: 'contact', at: '2020-01-01T10:00', person: 'known-mum', kind: 'phone-call' },
    'POST /fhir/R4': { resourceType: 'Bundle', type: 'batch', entry: [] },
    'POST /api/cp-is/checks': { nhsNumber: '999 001 0005' },
    'POST /cp-is': { nhsNumber: '999 001 0005' },
    // Anyone who may see the child notes a finding; who may take its steps is the table further down.
    'POST /api/findings/:id/actions': { kind: 'noted', note: 'Seen at the surgery today' },
    'POST /api/users': {
      username: `new-user-${n}`,
      displayName: 'New user',
      role: 'gp',
      organisation: 'Y10002',
      password: 'a long enough password',
    },
    'POST /sign-in': { username: `${caller === 'anonymous' ? 'gp' : caller}-user`, password: TEST_PASSWORD },
    'POST /people/:id/break-glass': { reason: 'Attending an incident at the address tonight' },
    'POST /people/:id/record/:form': {
      eventId: `matrix-form-${n}`,
      person: 'known-mum',
      kind: 'phone-call',
      'at-day': '1',
      'at-month': '1',
      'at-year': '2020',
      'at-time': '10:00',
    },
    'POST /people/:id/correct/:key': {
      eventId: `matrix-correction-${n}`,
      person: 'known-baby',
      kind: 'phone-call',
      'at-day': String(Number(recentDate(2).slice(8, 10))),
      'at-month': String(Number(recentDate(2).slice(5, 7))),
      'at-year': recentDate(2).slice(0, 4),
      'at-time': '11:00',
      correctionReason: 'The call was at eleven, not ten',
    },
    'POST /findings/:id/actions': { kind: 'noted', note: 'Seen at the surgery today' },
    'POST /identity-reviews/:person/:candidate': { decision: 'different-people', reason: 'Different dates of birth on their passports' },
    'POST /admin/locks/address': { address: '192.0.2.1' },
    'POST /admin/users/:userId/unlock': {},
    'POST /admin/users/:userId/disable': {},
    'POST /admin/users/:userId/enable': {},
    'POST /admin/users/:userId/reset-password': {},
    'POST /inbox/:id/acknowledge': {},
    'POST /notifications/:id/acknowledge': {},
    'POST /admin/users': {
      username: `form-user-${n}`,
      displayName: 'Form user',
      role: 'gp',
      organisation: 'Y10001',
      password: 'a long enough password',
    },
  };
  const query = url === '/api/persons' || url === '/search' ? '?q=known' : url === '/fhir/R4/Flag' ? CP_IS_FLAG_QUERY : '';
  return { url: `${path}${query}`, payload: bodies[`${method} ${url}`], form: !api };
}

describe('authorisation matrix: every route against every role and the anonymous user', () => {
  let t: TestApp;
  let findingId: string;
  before(async () => {
    t = await startTestApp();
    findingId = t.services.store.engine.world.findingsAbout('known-baby')[0].id;
    const spare = await t.services.users.create({
      username: 'spare-user',
      displayName: 'Spare',
      role: 'gp',
      agency: 'gp',
      password: 'a long enough password',
    });
    spareUserId = spare.userId;
    const at = new Date(Date.now() - 3_600_000).toISOString();
    for (const agency of new Set(Object.values(USUAL_AGENCY)))
      await t.services.store.submit(
        {
          id: `matrix-share-${agency}`,
          type: 'information.shared',
          at,
          person: 'known-baby',
          agency: 'midwifery',
          to: agency,
          requiresAcknowledgement: true,
        },
        `matrix-share-${agency}`,
      );
  });
  before(async () => {
    // A finding notified to each caller's own organisation (copies of the fixture's finding: one notification per finding).
    for (const role of ROLES) {
      const copy = `${findingId}-matrix-${role}`;
      await t.services.db.query(
        `INSERT INTO findings (id, code, subject, protocol, protocol_version, severity, raised_at, explanation, action, owner, deadline, evidence, requires_referral, status)
         SELECT $2, code, subject, protocol, protocol_version, severity, raised_at, explanation, action, owner, deadline, evidence, requires_referral, status FROM findings WHERE id = $1`,
        [findingId, copy],
      );
      const { rows } = await t.services.db.query<{ id: number }>(
        `INSERT INTO finding_notifications (finding_id, organisation, severity, at) VALUES ($1, $2, 'high', now()) RETURNING id`,
        [copy, t.users[role].organisation],
      );
      noticeIds.set(role, Number(rows[0].id));
    }
  });
  before(async () => {
    for (const review of Object.values(REVIEWS)) for (const event of review.events) await t.services.store.submit(event, String(event.id));
  });
  before(async () => {
    // A record of each caller's own organisation for the correction routes to correct.
    for (const role of ROLES)
      await t.services.store.submit(
        {
          id: `matrix-own-${role}`,
          type: 'contact',
          at: `${recentDate(2)}T10:00`,
          person: 'known-baby',
          kind: 'phone-call',
          agency: USUAL_AGENCY[role],
          organisation: t.users[role].organisation,
        },
        `matrix-own-${role}`,
      );
  });
  after(() => t.close());

  test('every route in the route table is in the matrix, and every matrix line is a route', () => {
    const routes = new Set(t.app.routeTable.filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`));
    assert.deepEqual(
      [...routes].filter((r) => !(r in MATRIX)),
      [],
      'routes missing from the matrix',
    );
    assert.deepEqual(
      Object.keys(MATRIX).filter((r) => !routes.has(r)),
      [],
      'matrix lines that are not routes',
    );
  });

  test('allowed callers get through; others are refused (401 or sign-in for the anonymous, 403 for a role)', async () => {
    const failures: string[] = [];
    for (const [route, allowed] of Object.entries(MATRIX)) {
      const [method, url] = route.split(' ') as [string, string];
      for (const caller of EVERYONE) {
        const request = requestFor(method, url, findingId, caller);
        const session = caller === 'anonymous' ? undefined : await t.sessionCookie(caller);
        const csrf = await t.csrf(session);
        const cookies = [csrf.cookie, ...(session ? [session] : [])];
        const headers: Record<string, string> = { cookie: cookies.join('; '), 'x-csrf-token': csrf.token };
        let payload: string | undefined;
        if (request.payload && request.form) {
          headers['content-type'] = 'application/x-www-form-urlencoded';
          payload = new URLSearchParams({ ...(request.payload as Record<string, string>), _csrf: csrf.token }).toString();
        } else if (request.payload) {
          headers['content-type'] = 'application/json';
          payload = JSON.stringify(request.payload);
        }
        const response = await t.app.inject({ method: method as 'GET', url: request.url, headers, payload });
        const location = String(response.headers.location ?? '');
        const toSignIn = response.statusCode === 303 && location.startsWith('/sign-in?');
        const refused = response.statusCode === 401 || response.statusCode === 403 || toSignIn;
        const expected = allowed.includes(caller);
        if (expected && (refused || response.statusCode >= 400))
          failures.push(`${route} as ${caller}: expected allowed, got ${response.statusCode} ${location}`);
        if (!expected) {
          const want = caller === 'anonymous' ? (url.startsWith('/api/') || url.startsWith('/fhir/') ? 401 : 'sign-in') : 403;
          const got = toSignIn ? 'sign-in' : response.statusCode;
          if (got !== want) failures.push(`${route} as ${caller}: expected ${want}, got ${got}`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });
});

// The CP-IS check by organisation: the roles that hold the capability, in an unscheduled care
// setting and not; everyone else is refused by role above.
const CP_IS_CALLERS: [Role, string, boolean][] = [
  ['hospital-clinician', 'ZED001', true], // an emergency department
  ['hospital-clinician', 'ZAM001', true], // an ambulance service
  ['gp', 'OOH001', true], // an out-of-hours GP service, by the partnership's configuration
  ['hospital-clinician', 'ZHP001', false], // a paediatric ward
  ['gp', 'Y10001', false], // a GP practice
  ['social-worker', 'ZED001', false], // a social worker based in the ED: not a clinician
];

describe('authorisation matrix: the CP-IS check by role and organisation', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({
      config: {
        organisations: [
          { code: 'Y10001', name: 'Riverside Medical Practice', agency: 'gp' },
          { code: 'OOH001', name: 'Riverside Out of Hours', agency: 'gp', unscheduledCare: 'out-of-hours-gp' },
        ],
      },
    });
  });
  after(() => t.close());

  test('a clinician of an unscheduled care setting asks; the same roles elsewhere, and other roles there, are refused', async () => {
    const call = apiCaller(t);
    const failures: string[] = [];
    for (const [i, [role, organisation, allowed]] of CP_IS_CALLERS.entries()) {
      const who = await userIn(t, `cp-is-${i}`, role, organisation);
      for (const route of ['/api/cp-is/checks']) {
        const response = await call(who, 'POST', route, { nhsNumber: '999 001 0005' });
        const want = allowed ? 200 : 403;
        if (response.statusCode !== want)
          failures.push(`${route} as ${role} of ${organisation}: expected ${want}, got ${response.statusCode}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});

// Who may take each step on a finding, written out by hand. The finding is the GP's
// (a bruise on the 8-week-old "known-baby", seen by the test GP's practice, Riverside
// Medical Practice); "fenland-gp" is a GP of another practice, which has never seen the family.
type StepCaller = Caller | 'fenland-gp';
const STEPS = ['acknowledged', 'actioned', 'closed', 'reopened', 'noted', 'challenged'] as const;
const OWNER_STEP = ['gp', 'safeguarding-lead'] as const;
const MAY_SEE_CHILD: StepCaller[] = READERS;
const FINDING_STEPS: Record<(typeof STEPS)[number], StepCaller[]> = {
  acknowledged: [...OWNER_STEP],
  actioned: [...OWNER_STEP],
  closed: [...OWNER_STEP],
  reopened: [...OWNER_STEP],
  noted: MAY_SEE_CHILD,
  challenged: MAY_SEE_CHILD,
};

describe('authorisation matrix: every step on a finding against every reader, and a GP of another practice', () => {
  let t: TestApp;
  let findingId: string;
  before(async () => {
    t = await startTestApp();
    findingId = t.services.store.engine.world.findingsAbout('known-baby').find((f) => f.code === 'injury-in-non-mobile-infant')!.id;
    await userIn(t, 'fenland-gp', 'gp', 'Y10002');
  });
  after(() => t.close());

  test('the owning organisation and safeguarding leads take the steps; everyone who may see the child notes or challenges', async () => {
    const call = apiCaller(t);
    const fenland = principalOf((await t.services.users.byUsername('fenland-gp'))!);
    const failures: string[] = [];
    const callers: StepCaller[] = [...READERS, 'fenland-gp'];
    for (const caller of callers) {
      for (const kind of STEPS) {
        const who = caller === 'fenland-gp' ? fenland : (caller as Role);
        const response = await call(who, 'POST', `/api/findings/${findingId}/actions`, { kind, note: `${kind} by ${caller}` });
        const allowed = FINDING_STEPS[kind].includes(caller);
        if (allowed && response.statusCode !== 200)
          failures.push(`${kind} as ${caller}: expected 200, got ${response.statusCode} ${response.body}`);
        if (!allowed && response.statusCode !== 403) failures.push(`${kind} as ${caller}: expected 403, got ${response.statusCode}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  test('the finding page offers the steps to the owner and only a note or challenge to others, and refuses a forged step', async () => {
    const csrf = await t.csrf();
    const page = async (role: Role) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/findings/${findingId}`,
          headers: { cookie: `${csrf.cookie}; ${await t.sessionCookie(role)}` },
        })
      ).body;
    assert.match(await page('gp'), /value="closed"/);
    const other = await page('health-visitor');
    assert.doesNotMatch(other, /value="closed"/);
    assert.match(other, /value="challenged"/);
    assert.match(other, /belongs to Riverside Medical Practice/);
    const forged = await t.app.inject({
      method: 'POST',
      url: `/findings/${findingId}/actions`,
      headers: {
        cookie: `${csrf.cookie}; ${await t.sessionCookie('health-visitor')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({ kind: 'closed', note: 'not ours to close', _csrf: csrf.token }).toString(),
    });
    assert.equal(forged.statusCode, 403);
  });
});
