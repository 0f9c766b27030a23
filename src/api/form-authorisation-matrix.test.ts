import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, type Role } from '../access/roles.ts';
import { startTestApp, type TestApp } from '../server/test-app.ts';
import { EVENT_FORMS } from '../web/forms/event-forms.ts';

// Who may open and submit each web form, one row per form, written out by hand (not
// derived from the code under test). A form added without a row here fails. The route
// (/people/:id/record/:form) is in authorisation-matrix.test.ts; this is the same
// question asked of every form it serves. "anonymous" is the visitor with no session.
type Caller = Role | 'anonymous';
const WRITERS: Caller[] = [
  'midwife',
  'health-visitor',
  'gp',
  'hospital-clinician',
  'social-worker',
  'police',
  'probation',
  'adult-mental-health',
  'front-door-worker',
  'safeguarding-lead',
];
const DECIDERS: Caller[] = ['social-worker', 'front-door-worker', 'safeguarding-lead'];

const FORM_MATRIX: Record<string, Caller[]> = {
  contact: WRITERS,
  measurement: WRITERS,
  injury: WRITERS,
  concern: WRITERS,
  referral: WRITERS,
  strategy: WRITERS,
  investigation: WRITERS,
  plan: WRITERS,
  information: WRITERS,
  action: WRITERS,
  decision: DECIDERS,
  allocation: WRITERS,
  'action-closed': WRITERS,
  acknowledgement: WRITERS,
  'referral-outcome': WRITERS,
  escalation: WRITERS,
  'escalation-resolved': WRITERS,
  supervision: WRITERS,
  'graded-care-profile': WRITERS,
  assessment: WRITERS,
  immunisation: WRITERS,
  'consent-refused': WRITERS,
  'missed-appointment': WRITERS,
  appointment: WRITERS,
  'no-access': WRITERS,
  'service-level': WRITERS,
  illness: WRITERS,
  hospital: WRITERS,
  'serious-incident': WRITERS,
  'gp-registration': WRITERS,
  move: WRITERS,
  pregnancy: WRITERS,
  relationship: WRITERS,
  birth: WRITERS,
  'new-person': WRITERS,
};
const CALLERS: Caller[] = [...ROLES, 'anonymous'];

describe('authorisation matrix: every web form against every role and the anonymous user', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('every form has a row, and every row is a form', () => {
    assert.deepEqual(EVENT_FORMS.map((f) => f.slug).sort(), Object.keys(FORM_MATRIX).sort());
  });

  test('allowed callers open the form and are told what to fill in; others are refused (sign-in for the anonymous, 403 for a role), nothing stored', async () => {
    const failures: string[] = [];
    const stored = () => t.services.store.engine.world.eventsOf('known-baby').length;
    const count = stored();
    const signedIn = new Map<Caller, { cookie: string; token: string }>();
    for (const caller of CALLERS) {
      const session = caller === 'anonymous' ? undefined : await t.sessionCookie(caller);
      const csrf = await t.csrf(session);
      signedIn.set(caller, { cookie: [csrf.cookie, ...(session ? [session] : [])].join('; '), token: csrf.token });
    }
    for (const [slug, allowed] of Object.entries(FORM_MATRIX))
      for (const caller of CALLERS) {
        const { cookie, token } = signedIn.get(caller)!;
        const csrf = { token };
        const url = `/people/known-baby/record/${slug}`;
        const opened = await t.app.inject({ method: 'GET', url, headers: { cookie } });
        // An empty submission: refused by role, or (allowed) answered with the fields to fill in.
        const submitted = await t.app.inject({
          method: 'POST',
          url,
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf.token },
          payload: new URLSearchParams({ _csrf: csrf.token }).toString(),
        });
        const outcome = (r: typeof opened) =>
          r.statusCode === 303 && String(r.headers.location).startsWith('/sign-in?') ? 'sign-in' : r.statusCode;
        const want = allowed.includes(caller) ? [200, 400] : caller === 'anonymous' ? ['sign-in', 'sign-in'] : [403, 403];
        const got = [outcome(opened), outcome(submitted)];
        if (got.join() !== want.join()) failures.push(`${slug} as ${caller}: expected ${want.join('/')}, got ${got.join('/')}`);
      }
    assert.deepEqual(failures, []);
    assert.equal(stored(), count, 'nothing stored');
  });
});
