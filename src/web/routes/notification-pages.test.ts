import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { startTestApp, type TestApp } from '../../server/test-app.ts';
import { apiCaller, userIn } from '../../server/test-caller.ts';
import { findingNoticesFor, unacknowledgedCount } from '../../access/finding-notifications.ts';
import type { Principal } from '../../access/principal.ts';
import { owningOrganisation } from '../../access/finding-ownership.ts';
import { nameOf } from '../../api/read/people.ts';
import { SESSION_COOKIE } from '../../api/authenticate.ts';

const at = (days: number) => DateTime.now().setZone('Europe/London').minus({ days }).toFormat("yyyy-MM-dd'T'HH:mm");

// Issue 12, "nobody is told": a new finding notifies its owning organisation's
// practitioners, whichever way the event that raised it arrived.
describe('notifications of new findings', () => {
  let t: TestApp;
  let colleague: Principal;
  let fenlandGp: Principal;
  let northshirePolice: Principal;

  before(async () => {
    t = await startTestApp();
    colleague = await userIn(t, 'second-health-visitor', 'health-visitor', 'ZHV001');
    fenlandGp = await userIn(t, 'fenland-gp', 'gp', 'Y10002');
    northshirePolice = await userIn(t, 'northshire-police', 'police', 'ZPF002');
  });
  after(() => t.close());

  const notices = (who: Principal) => findingNoticesFor(t.services.db, t.services.store.engine.world, t.services.access, who, Date.now());
  const pageFor = async (who: Principal) => {
    const session = `${SESSION_COOKIE}=${(await t.services.sessions.start(who)).token}`;
    const csrf = await t.csrf(session);
    const response = await t.app.inject({ method: 'GET', url: '/notifications', headers: { cookie: `${csrf.cookie}; ${session}` } });
    return { response, cookie: `${csrf.cookie}; ${session}`, token: csrf.token };
  };

  test('a finding raised from a GP record through the API notifies health visiting, and no uninvolved organisation', async () => {
    const hv = t.users['health-visitor'];
    const before = {
      hv: await unacknowledgedCount(t.services.db, hv),
      gp: await unacknowledgedCount(t.services.db, t.users.gp),
      fenland: await unacknowledgedCount(t.services.db, fenlandGp),
      police: await unacknowledgedCount(t.services.db, northshirePolice),
    };
    const findingIds = async () => new Set((await t.services.db.query<{ id: string }>('SELECT id FROM findings')).rows.map((r) => r.id));
    const stored = await findingIds();
    const call = apiCaller(t);
    for (const body of [
      {
        id: 'n-partner',
        type: 'person.recorded',
        person: 'known-partner',
        role: 'adult',
        sex: 'male',
        name: { given: 'Bob', family: 'Known' },
        at: at(40),
      },
      { id: 'n-link', type: 'relationship.recorded', person: 'known-partner', of: 'known-baby', kind: 'partner-of-parent', at: at(30) },
    ]) {
      const response = await call('gp', 'POST', '/api/events', body);
      assert.ok(response.statusCode < 300, response.body);
    }
    // The check of the new man in the household is a deadline already past when the records
    // arrive: it is judged as they are stored (or, were it still to come, at a later tick).
    await t.services.store.tick();
    const raisedFindings = [...(await findingIds())]
      .filter((id) => !stored.has(id))
      .map((id) => t.services.store.engine.world.findingById(id)!);
    const ownedBy = (code: string) =>
      raisedFindings.filter((f) => owningOrganisation(t.services.store.engine.world, f)?.code === code).length;
    const finding = raisedFindings.find((f) => f.code === 'male-carer-not-identified');
    assert.ok(finding, 'the GP record leads to a finding owned by health visiting');
    assert.equal(finding.owner, 'health-visiting');

    const mine = await notices(hv);
    const notice = mine.find((n) => n.findingId === finding.id);
    assert.ok(notice, 'the health visitor is told');
    assert.equal(notice.mayKnowChild, true);
    assert.equal(notice.severity, finding.severity);
    assert.ok(
      (await notices(colleague)).some((n) => n.findingId === finding.id),
      'every practitioner of the team is told',
    );
    assert.equal(await unacknowledgedCount(t.services.db, hv), before.hv + ownedBy('ZHV001'));
    assert.equal(ownedBy('Y10001'), 0);
    // The GP practice that recorded it, another practice and another police force are not.
    assert.equal(await unacknowledgedCount(t.services.db, t.users.gp), before.gp);
    assert.equal(await unacknowledgedCount(t.services.db, fenlandGp), before.fenland);
    assert.equal(await unacknowledgedCount(t.services.db, northshirePolice), before.police);
    assert.ok(!(await notices(t.users.gp)).some((n) => n.findingId === finding.id));

    const { response } = await pageFor(hv);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, new RegExp(`href="/findings/${finding.id}">Male carer not identified</a>`));
    assert.match(response.body, new RegExp(`data-label="Child">${nameOf(t.services.store.engine.world, 'known-baby')}[,<]`));
    assert.match(response.body, /Notifications <span class="tl-nav-count">\d+<span class="govuk-visually-hidden"> not yet acknowledged/);
  });

  test('the child is named only to a user who may see them', async () => {
    // The quiet family is known to midwifery only; health visiting owns its findings by default.
    const quiet = (await notices(t.users['health-visitor'])).filter((n) => n.subject === 'quiet-baby');
    assert.ok(quiet.length > 0, 'health visiting is told of the quiet baby’s findings');
    assert.ok(quiet.every((n) => !n.mayKnowChild));
    const { response } = await pageFor(t.users['health-visitor']);
    assert.match(response.body, /Not shown: your organisation is not involved with this child/);
    assert.doesNotMatch(response.body, /Quiet/);
  });

  test('findings raised by an import notify their owners too', async () => {
    const before = await unacknowledgedCount(t.services.db, t.users.gp);
    const result = await t.services.store.submitBatch(
      [
        {
          id: 'n-import-missed',
          type: 'appointment.missed',
          person: 'known-baby',
          kind: 'gp-consultation',
          reason: 'was-not-brought',
          agency: 'gp',
          at: at(0),
        },
      ],
      'n-import',
    );
    const gpFindings = result.findings.filter((f) => owningOrganisation(t.services.store.engine.world, f)?.code === 'Y10001');
    assert.ok(gpFindings.length > 0, result.findings.map((f) => f.code).join());
    assert.equal(await unacknowledgedCount(t.services.db, t.users.gp), before + gpFindings.length);
  });

  test('acknowledging is the user’s own, audited, and refused for another organisation’s notification', async () => {
    const hv = t.users['health-visitor'];
    const [first] = (await notices(hv)).filter((n) => n.acknowledgedAt === undefined);
    const count = await unacknowledgedCount(t.services.db, hv);
    const other = await pageFor(fenlandGp);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/notifications/${first.id}/acknowledge`,
      headers: { cookie: other.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: other.token }).toString(),
    });
    assert.equal(refused.statusCode, 404);

    const { cookie, token } = await pageFor(hv);
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: `/notifications/${first.id}/acknowledge`,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: token }).toString(),
      });
    const done = await post();
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, `/notifications?acknowledged=${first.id}`);
    assert.equal(await unacknowledgedCount(t.services.db, hv), count - 1);
    assert.equal((await post()).statusCode, 303, 'a second acknowledgement changes nothing');
    assert.equal(await unacknowledgedCount(t.services.db, hv), count - 1);
    const mine = (await notices(hv)).find((n) => n.id === first.id);
    assert.ok(mine?.acknowledgedAt, 'listed as recent, acknowledged');
    assert.equal((await notices(colleague)).find((n) => n.id === first.id)?.acknowledgedAt, undefined, 'a colleague still has it to read');

    const { rows } = await t.services.db.query<{ actor: string; outcome: string; detail: string }>(
      `SELECT actor, outcome, detail FROM audit_log WHERE route = 'POST /notifications/:id/acknowledge' ORDER BY seq`,
    );
    assert.deepEqual(
      rows.map((r) => [r.actor, r.outcome]),
      [
        [fenlandGp.userId, 'invalid'],
        [hv.userId, 'allowed'],
        [hv.userId, 'allowed'],
      ],
    );
    assert.match(rows[1].detail, new RegExp(`notification ${first.id} of finding \\S+ acknowledged`));
  });

  test('without the CSRF token the acknowledgement is refused and nothing changes', async () => {
    const hv = t.users['health-visitor'];
    const [first] = (await notices(hv)).filter((n) => n.acknowledgedAt === undefined);
    const count = await unacknowledgedCount(t.services.db, hv);
    const { cookie } = await pageFor(hv);
    const response = await t.app.inject({
      method: 'POST',
      url: `/notifications/${first.id}/acknowledge`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    assert.equal(response.statusCode, 403);
    assert.equal(await unacknowledgedCount(t.services.db, hv), count);
  });
});
