import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { fixtureEvents, startTestApp } from '../../server/test-app.ts';
import { apiCaller } from '../../server/test-caller.ts';

const local = (dt: DateTime) => dt.setZone('Europe/London').toFormat("yyyy-MM-dd'T'HH:mm");

test('My work: what is mine by name and what is my organisation’s, agreed actions still open, and information waiting for our receipt', async () => {
  const now = DateTime.now();
  const e = (id: string, at: DateTime, body: Record<string, unknown>) => ({ id, at: local(at), ...body });
  const earlier = now.minus({ days: 10 });
  const events = [
    ...fixtureEvents(now),
    e('alloc', earlier, {
      type: 'allocation.set',
      person: 'known-baby',
      agency: 'health-visiting',
      role: 'health-visitor',
      name: 'Test health-visitor',
    }),
    e('sleep', earlier.plus({ minutes: 5 }), {
      type: 'concern.recorded',
      person: 'known-baby',
      kind: 'unsafe-sleep',
      agency: 'health-visiting',
    }),
    e('a-mine', earlier, {
      type: 'action.agreed',
      person: 'known-baby',
      agency: 'children-social-care',
      action: 'home-visit',
      due: local(now.minus({ days: 2 })).slice(0, 10),
      owner: { agency: 'health-visiting', name: 'Test Health-Visitor ' },
    }),
    e('a-team', earlier, {
      type: 'action.agreed',
      person: 'known-baby',
      agency: 'health-visiting',
      action: 'weigh',
      due: local(now.plus({ days: 3 })).slice(0, 10),
    }),
    e('a-gp', earlier, { type: 'action.agreed', person: 'known-baby', agency: 'gp', action: 'follow-up-contact' }),
    e('a-done', earlier, { type: 'action.agreed', person: 'known-baby', agency: 'health-visiting', action: 'follow-up-contact' }),
    e('a-done-by', earlier.plus({ days: 1 }), { type: 'contact', person: 'known-baby', agency: 'health-visiting', kind: 'phone-call' }),
    e('s-waiting', earlier, {
      type: 'information.shared',
      person: 'known-baby',
      agency: 'midwifery',
      to: 'health-visiting',
      kind: 'handover',
    }),
    e('s-read', earlier, {
      type: 'information.shared',
      person: 'known-baby',
      agency: 'midwifery',
      to: 'health-visiting',
      kind: 'discharge-summary',
    }),
    e('s-read-ack', earlier.plus({ hours: 2 }), {
      type: 'information.acknowledged',
      person: 'known-baby',
      agency: 'health-visiting',
      of: 's-read',
    }),
    e('s-gp', earlier, { type: 'information.shared', person: 'known-baby', agency: 'midwifery', to: 'gp', kind: 'notification' }),
  ].sort((a, b) => String(a.at).localeCompare(String(b.at)));
  const t = await startTestApp({ events });
  try {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/my-work',
      headers: { cookie: await t.sessionCookie('health-visitor') },
    });
    assert.equal(response.statusCode, 200);
    const work = response.json<{
      findings: { code: string; ownedByMe: boolean; ownerPerson?: string }[];
      agreedActions: { id: string; ownedByMe: boolean; overdue: boolean; state: string }[];
      awaitingAcknowledgement: { id: string }[];
    }>();
    const sleep = work.findings.find((f) => f.code === 'unsafe-sleep-observed');
    assert.equal(sleep?.ownerPerson, 'Test health-visitor');
    assert.equal(sleep?.ownedByMe, true);
    assert.deepEqual(
      work.agreedActions.map((a) => [a.id, a.ownedByMe, a.overdue, a.state]),
      [
        ['a-mine', true, true, 'open'],
        ['a-team', false, false, 'open'],
      ],
    );
    assert.deepEqual(
      work.awaitingAcknowledgement.map((s) => s.id),
      ['s-waiting'],
    );
    const gp = (await t.app.inject({ method: 'GET', url: '/api/my-work', headers: { cookie: await t.sessionCookie('gp') } })).json<{
      agreedActions: { id: string }[];
      awaitingAcknowledgement: { id: string }[];
    }>();
    assert.deepEqual(
      gp.agreedActions.map((a) => a.id),
      ['a-gp'],
    );
    assert.deepEqual(
      gp.awaitingAcknowledgement.map((s) => s.id),
      ['s-gp'],
    );
  } finally {
    await t.close();
  }
});

test('My work: neglect over time — persistent neglect and a child not seen reach health visiting, immunisations overdue the GP', async () => {
  const now = DateTime.now();
  const born = now.minus({ weeks: 20 });
  const e = (id: string, at: DateTime, body: Record<string, unknown>) => ({ id, at: local(at), ...body });
  const events = [
    e('n1', born.minus({ months: 6 }), { type: 'person.recorded', person: 'n-mum', role: 'adult', sex: 'female', agency: 'midwifery' }),
    e('n2', born, {
      type: 'birth',
      child: 'n-baby',
      mother: 'n-mum',
      gestationWeeks: 40,
      birthWeightKg: 3.4,
      sex: 'male',
      agency: 'midwifery',
    }),
    e('n3', born.plus({ days: 20 }), { type: 'gp.registered', person: 'n-baby', agency: 'gp' }),
    e('n4', born.plus({ days: 30 }), {
      type: 'concern.recorded',
      person: 'n-mum',
      kind: 'poor-home-conditions',
      agency: 'health-visiting',
    }),
    e('n5', born.plus({ days: 40 }), { type: 'visit.no-access', person: 'n-baby', agency: 'health-visiting' }),
    e('n6', born.plus({ days: 50 }), { type: 'concern.recorded', person: 'n-baby', kind: 'poor-hygiene', agency: 'health-visiting' }),
    e('n7', born.plus({ days: 60 }), { type: 'concern.recorded', person: 'n-baby', kind: 'treatment-not-followed', agency: 'gp' }),
    e('n8', now.minus({ days: 12 }), {
      type: 'contact',
      person: 'n-baby',
      kind: 'home-visit',
      childSeen: false,
      agency: 'health-visiting',
      note: 'asleep upstairs',
    }),
  ];
  const t = await startTestApp({ events });
  try {
    // The deadlines the records set have passed: the server's next tick raises them.
    await t.services.store.tick();
    const codes = async (role: 'health-visitor' | 'gp') =>
      (await t.app.inject({ method: 'GET', url: '/api/my-work', headers: { cookie: await t.sessionCookie(role) } }))
        .json<{ findings: { code: string; subject: string }[] }>()
        .findings.filter((f) => f.subject === 'n-baby')
        .map((f) => f.code)
        .sort();
    const visiting = await codes('health-visitor');
    assert.ok(visiting.includes('child-not-seen') && visiting.includes('persistent-neglect'), visiting.join(', '));
    assert.ok(!visiting.includes('immunisations-overdue'));
    assert.ok((await codes('gp')).includes('immunisations-overdue'));
  } finally {
    await t.close();
  }
});

test('an agreed action with an owner and a deadline is on the owner’s work list; one due before the day it is agreed is refused, naming the due date', async () => {
  const t = await startTestApp();
  const call = apiCaller(t);
  try {
    const today = DateTime.now().setZone('Europe/London');
    const agreed = {
      type: 'action.agreed',
      person: 'known-baby',
      at: local(today.minus({ minutes: 5 })),
      agency: 'children-social-care',
      action: 'home-visit',
      owner: { agency: 'health-visiting', name: 'Test health-visitor' },
    };
    const refused = await call('social-worker', 'POST', '/api/events', {
      ...agreed,
      id: 'past-due',
      due: today.minus({ days: 1 }).toISODate(),
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /"due"/);
    assert.match(refused.body, /is already past: an action agreed on/);

    const accepted = await call('social-worker', 'POST', '/api/events', {
      ...agreed,
      id: 'visit-tomorrow',
      due: today.plus({ days: 1 }).toISODate(),
    });
    assert.equal(accepted.statusCode, 201, accepted.body);
    const page = await call('health-visitor', 'GET', '/work');
    assert.equal(page.statusCode, 200);
    const upcoming = page.body.slice(page.body.indexOf('id="upcoming"'));
    assert.match(upcoming, /Agreed action: home visit/);
    assert.match(upcoming, /Test health-visitor \(you\)/);
    assert.doesNotMatch(page.body, /past-due/);
    const gp = await call('gp', 'GET', '/work');
    assert.doesNotMatch(gp.body, /Agreed action: home visit/, 'only the owner’s organisation sees it');
  } finally {
    await t.close();
  }
});
