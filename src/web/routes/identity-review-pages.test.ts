import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../server/test-app.ts';
import { apiCaller, type Call } from '../../server/test-caller.ts';
import { possibleMatch } from '../../server/test-identity-review.ts';
import { auditEntries } from '../../api/read/audit-view.ts';
import { nameOf } from '../../api/read/people.ts';

describe('identity review pages: the list, both records and the waterfall, and a decision with a reason', () => {
  let t: TestApp;
  let call: Call;
  const lee = possibleMatch('lee', { nhsNumber: '9990001235', fatherOf: 'known-baby' });
  const sam = possibleMatch('sam', { variant: 1 });
  const url = (pair: { person: string; candidate: string }) => `/identity-reviews/${pair.person}/${pair.candidate}`;
  const identityEvents = () =>
    [...t.services.store.engine.world.allEvents()].filter((e) => e.type === 'identity.linked' || e.type === 'identity.unlinked');

  before(async () => {
    t = await startTestApp();
    for (const event of [...lee.events, ...sam.events]) await t.services.store.submit(event, String(event.id));
    call = apiCaller(t);
  });
  after(() => t.close());

  test('the linker raised both reviews, each with the waterfall it weighed', () => {
    const reviews = t.services.store.engine.world.pendingReviews();
    assert.deepEqual(reviews.map((r) => [r.data.person, r.data.candidate]).sort(), [
      [lee.person, lee.candidate],
      [sam.person, sam.candidate],
    ]);
    for (const review of reviews) assert.equal(review.data.waterfall?.matchWeight.toFixed(3), review.data.matchWeight.toFixed(3));
  });

  test('the list names both people with their ages, NHS numbers and the strength of the match, the man with a baby first', async () => {
    const response = await call('front-door-worker', 'GET', '/identity-reviews');
    assert.equal(response.statusCode, 200);
    const body = response.body;
    assert.match(body, /Lee Richardson<\/strong><br>3\d years old/);
    assert.match(body, /NHS number 999 000 1235/);
    assert.match(body, /Strong\s*<\/strong>\s*91%/);
    assert.ok(body.indexOf(url(lee)) < body.indexOf(url(sam)), 'the father of a baby comes first');
    assert.match(body, /Identity reviews <span class="tl-nav-count">2/);
  });

  test('the review page shows both records side by side and the model’s waterfall, step by step', async () => {
    const response = await call('safeguarding-lead', 'GET', url(lee));
    assert.equal(response.statusCode, 200);
    const body = response.body;
    for (const shown of [
      'E13 0AB',
      'B12 0XY',
      '24 Mar 1992',
      '24 Mar 1993',
      '999 000 1235',
      'Riverside Constabulary (the police)',
      'Probation Delivery Unit (probation)',
      `Father of ${nameOf(t.services.store.engine.world, 'known-baby')} (8 weeks old)`,
    ])
      assert.ok(body.includes(shown), shown);
    const review = t.services.store.engine.world.pendingReviews().find((r) => r.data.person === lee.person)!;
    const waterfall = review.data.waterfall!;
    const dateStep = waterfall.steps.find((s) => s.comparison === 'date-of-birth')!;
    assert.ok(body.includes(dateStep.level!.replace(/^./, (c) => c.toUpperCase())), 'the date of birth level as the model named it');
    const total = `+${waterfall.matchWeight.toFixed(2)}`;
    assert.match(body, new RegExp(`Total match weight[\\s\\S]*?${total.replace('+', '\\+')}`));
  });

  test('no reason, or no decision: the error summary says what to do, and nothing is stored', async () => {
    const before = identityEvents().length;
    const noReason = await call('front-door-worker', 'POST', url(lee), { decision: 'same-person', reason: '   ' });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /There is a problem[\s\S]*href="#reason">Enter why you decided/);
    const noDecision = await call('front-door-worker', 'POST', url(lee), { reason: 'Checked with probation' });
    assert.equal(noDecision.statusCode, 400);
    assert.match(noDecision.body, /href="#decision">Select whether the two records are the same person or different people/);
    assert.match(noDecision.body, /Checked with probation<\/textarea>/, 'what was typed is kept');
    assert.equal(identityEvents().length, before);
    assert.equal(t.services.store.engine.world.pendingReviews().length, 2);
  });

  test('confirming records the link the API records, with the reason, audited; the list then says so', async () => {
    const reason = 'Probation confirmed his move to Birmingham and his date of birth by phone';
    const response = await call('front-door-worker', 'POST', url(lee), { decision: 'same-person', reason });
    assert.equal(response.statusCode, 303);
    const world = t.services.store.engine.world;
    const linked = identityEvents().find((e) => e.type === 'identity.linked');
    assert.ok(linked && linked.type === 'identity.linked');
    assert.deepEqual(
      [linked.data.person, linked.data.to, linked.data.basis, linked.data.note],
      [lee.person, lee.candidate, 'confirmed', reason],
    );
    assert.equal(linked.recordedBy?.role, 'front-door-worker');
    assert.ok(world.identityGroup(lee.person).includes(lee.candidate));
    assert.equal(world.pendingReviews().length, 1);
    const list = await call('front-door-worker', 'GET', String(response.headers.location));
    assert.match(list.body, /Lee Richardson and Lee Richardson are recorded as the same person/);
    assert.ok(!list.body.includes(url(lee)));
    await t.services.audit.drain();
    const audit = await auditEntries(t.services.db, { subject: lee.person });
    assert.ok(
      audit.some(
        (a) =>
          a.route === 'POST /identity-reviews/:person/:candidate' &&
          a.outcome === 'allowed' &&
          /confirmed the same person/.test(a.detail ?? ''),
      ),
    );
    const again = await call('front-door-worker', 'GET', url(lee));
    assert.equal(again.statusCode, 404, 'a decided review is no longer offered');
  });

  test('parting records the two as different people with the reason', async () => {
    const response = await call('safeguarding-lead', 'POST', url(sam), {
      decision: 'different-people',
      reason: 'Different fathers named on the birth records',
    });
    assert.equal(response.statusCode, 303);
    const unlinked = identityEvents().find((e) => e.type === 'identity.unlinked');
    assert.ok(unlinked && unlinked.type === 'identity.unlinked');
    assert.deepEqual(
      [unlinked.data.person, unlinked.data.from, unlinked.data.reason],
      [sam.person, sam.candidate, 'Different fathers named on the birth records'],
    );
    assert.equal(t.services.store.engine.world.pendingReviews().length, 0);
    const list = await call('safeguarding-lead', 'GET', String(response.headers.location));
    assert.match(list.body, /are recorded as different people/);
    assert.match(list.body, /No identity reviews are waiting/);
  });

  test('a practitioner without the front door’s role is refused the list, the review and the decision', async () => {
    for (const [method, path] of [
      ['GET', '/identity-reviews'],
      ['GET', url(lee)],
      ['POST', url(lee)],
    ] as const) {
      const response = await call('police', method, path, method === 'POST' ? { decision: 'different-people', reason: 'x' } : undefined);
      assert.equal(response.statusCode, 403, `${method} ${path}`);
    }
  });
});
