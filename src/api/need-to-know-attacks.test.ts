// The need-to-know bypasses issue 11 reported (attacks 1 and 2, and need-to-know by
// sector), replayed through the HTTP API as an attacker would. Each assertion failed on
// the main branch before organisations and the involvement index (403 became 200; the
// chronology lost an entry; the audit named the attacker's own person).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { fixtureEvents, recentDate, startTestApp, type TestApp } from '../server/test-app.ts';
import { apiCaller, userIn, type Call } from '../server/test-caller.ts';
import type { Principal } from '../access/principal.ts';
import { RecordStore } from '../store/record-store.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import { SystemClock } from '../engine/clock.ts';
import { RecordAccess } from '../access/record-access.ts';
import { auditEntries } from './read/audit-view.ts';

const local = (dt: DateTime) => dt.setZone('Europe/London').toFormat("yyyy-MM-dd'T'HH:mm");
const MUM_IDENTITY = { name: { given: 'Tamsin', family: 'Targetson' }, born: '1994-05-17', postcode: 'CB4 1AA', nhsNumber: '9434765919' };

/** A family known only to midwifery: the target. */
function targetFamily(now = DateTime.now()): Record<string, unknown>[] {
  const born = now.minus({ weeks: 10 });
  return [
    {
      id: 'target-1',
      at: local(born.minus({ months: 7 })),
      type: 'person.recorded',
      person: 'target-mum',
      role: 'adult',
      sex: 'female',
      agency: 'midwifery',
      ...MUM_IDENTITY,
    },
    {
      id: 'target-birth',
      at: local(born),
      type: 'birth',
      child: 'target-baby',
      mother: 'target-mum',
      gestationWeeks: 39,
      birthWeightKg: 3.4,
      sex: 'male',
      agency: 'midwifery',
    },
    {
      id: 'target-visit',
      at: local(born.plus({ days: 3 })),
      type: 'contact',
      person: 'target-baby',
      kind: 'home-visit',
      agency: 'midwifery',
    },
  ];
}

describe('need-to-know cannot be bypassed (issue 11, attacks 1 and 2, and need-to-know by organisation)', () => {
  let t: TestApp;
  let call: Call;
  let secondOfficer: Principal;
  let n = 0;
  const at = `${recentDate()}T10:00`;
  const ownPerson = async (who: Principal | 'police' | 'gp', extra: Record<string, unknown> = {}) => {
    const person = `own-${++n}`;
    const response = await call(who, 'POST', '/api/events', { type: 'person.recorded', at, person, role: 'adult', sex: 'male', ...extra });
    assert.equal(response.statusCode, 201, response.body);
    return person;
  };
  // Records only: deadlines passing may add findings to the chronology meanwhile.
  const chronologyLength = async () =>
    (await call('midwife', 'GET', '/api/persons/target-baby/chronology'))
      .json<{ chronology: { kind: string }[] }>()
      .chronology.filter((entry) => entry.kind === 'event').length;

  before(async () => {
    t = await startTestApp({ events: [...fixtureEvents(), ...targetFamily()] });
    call = apiCaller(t);
    secondOfficer = await userIn(t, 'second-officer', 'police', t.users.police.organisation);
  });
  after(() => t.close());

  test('the target family is closed to the police before any attack', async () => {
    assert.equal((await call('police', 'GET', '/api/persons/target-baby')).statusCode, 403);
    assert.equal((await call('midwife', 'GET', '/api/persons/target-baby')).statusCode, 200);
  });

  test('attack 1: identity and relationship records naming a child one cannot see are refused and grant nothing', async () => {
    const own = await ownPerson('police');
    const attempts = [
      { type: 'identity.linked', person: own, to: 'target-mum', basis: 'confirmed' },
      { type: 'identity.linked', person: own, to: 'target-baby', basis: 'automatic' },
      { type: 'identity.linked', person: 'target-mum', to: own, basis: 'confirmed' },
      { type: 'identity.review', person: own, candidate: 'target-mum', matchWeight: 20, probability: 0.99 },
      { type: 'identity.unlinked', person: own, from: 'target-mum', reason: 'not the same person' },
      { type: 'relationship.recorded', person: own, of: 'target-baby', kind: 'father' },
      { type: 'contact', person: own, kind: 'home-visit', seen: [own, 'target-baby'] },
      { type: 'address.changed', persons: [own, 'target-mum'], area: 'Riverside' },
    ];
    for (const attempt of attempts) {
      const response = await call('police', 'POST', '/api/events', { at, ...attempt });
      assert.equal(response.statusCode, 403, `${attempt.type}: ${response.body}`);
    }
    for (const who of ['police', secondOfficer] as const) {
      assert.equal((await call(who, 'GET', '/api/persons/target-baby')).statusCode, 403);
      assert.equal((await call(who, 'GET', '/api/persons/target-mum')).statusCode, 403);
    }
    assert.equal(t.services.store.engine.world.identityGroup(own).length, 1, 'nothing was linked');
  });

  test('attack 1, through the linker: a made-up look-alike is linked automatically but opens nothing, and shows nothing of the family', async () => {
    const lookalike = await ownPerson('police', { ...MUM_IDENTITY, sex: 'female' });
    const world = t.services.store.engine.world;
    assert.ok(world.identityGroup(lookalike).includes('target-mum'), 'the linker linked the look-alike to the mother (the premise)');
    for (const who of ['police', secondOfficer] as const) {
      assert.equal((await call(who, 'GET', '/api/persons/target-baby')).statusCode, 403);
      assert.equal((await call(who, 'GET', '/api/persons/target-mum')).statusCode, 403);
    }
    // Their own record opens, but shows none of the family's records, people or findings.
    for (const url of [`/api/persons/${lookalike}`, `/api/persons/${lookalike}/household`, `/api/persons/${lookalike}/chronology`]) {
      const own = await call('police', 'GET', url);
      assert.equal(own.statusCode, 200);
      assert.doesNotMatch(own.body, /target-/, url);
    }
    // A record about the look-alike raises nothing the police are told about the family.
    const concern = await call('police', 'POST', '/api/events', {
      type: 'concern.recorded',
      at,
      person: lookalike,
      kind: 'domestic-abuse',
      severity: 'high',
    });
    assert.equal(concern.statusCode, 201);
    assert.doesNotMatch(concern.body, /target-/);
  });

  test('the refusal survives a restart: the store rebuilt from the log grants nothing', async () => {
    const reopened = await RecordStore.open(t.services.db, PROTOCOLS, loadPartnershipConfig({}, PROTOCOLS), new SystemClock());
    const access = new RecordAccess(reopened.engine.world, t.services.grants);
    for (const id of ['target-baby', 'target-mum']) {
      assert.equal((await access.decide(t.users.police, id)).allowed, false, id);
      assert.equal((await access.decide(secondOfficer, id)).allowed, false, id);
    }
  });

  test('attack 2: a record of a family one cannot see cannot be superseded; the audit names the child', async () => {
    const before = await chronologyLength();
    const own = await ownPerson('police');
    const response = await call('police', 'POST', '/api/events', {
      type: 'contact',
      at,
      person: own,
      kind: 'phone-call',
      supersedes: 'target-visit',
    });
    assert.equal(response.statusCode, 403);
    assert.equal(await chronologyLength(), before, 'the chronology keeps every entry');
    await t.services.audit.drain();
    const [entry] = await auditEntries(t.services.db, { actor: t.users.police.userId, limit: 1 });
    assert.equal(entry.route, 'POST /api/events');
    assert.equal(entry.outcome, 'refused');
    assert.equal(entry.subject, 'target-baby', 'the audit names the child whose record was to be hidden');
  });

  test('only the organisation that made a record corrects it; a safeguarding lead must say why, and is audited against the child', async () => {
    const correction = { type: 'contact', at: `${recentDate()}T11:00`, person: 'known-baby', kind: 'new-birth-visit', supersedes: 'k3' };
    // The GP practice is involved with the family, but the visit is health visiting's.
    const byGp = await call('gp', 'POST', '/api/events', correction);
    assert.equal(byGp.statusCode, 403);
    assert.match(byGp.json<{ detail: string }>().detail, /only the organisation that made this record/);
    const byLead = await call('safeguarding-lead', 'POST', '/api/events', correction);
    assert.equal(byLead.statusCode, 400);
    assert.equal(byLead.json<{ errors: { field: string }[] }>().errors[0].field, 'correctionReason');
    const justified = await call('safeguarding-lead', 'POST', '/api/events', {
      ...correction,
      correctionReason: 'Recorded against the wrong family by the health visitor',
    });
    assert.equal(justified.statusCode, 201, justified.body);
    const byOwner = await call('health-visitor', 'POST', '/api/events', {
      type: 'contact',
      at: `${recentDate()}T12:00`,
      person: 'known-baby',
      kind: 'home-visit',
      supersedes: 'k9',
    });
    assert.equal(byOwner.statusCode, 403, 'k9 is adult mental health’s, not health visiting’s');
    const ownFix = await call('adult-mental-health', 'POST', '/api/events', {
      type: 'concern.recorded',
      at: `${recentDate()}T12:00`,
      person: 'known-mum',
      kind: 'anxiety',
      severity: 'medium',
      supersedes: 'k9',
    });
    assert.equal(ownFix.statusCode, 201, ownFix.body);
    await t.services.audit.drain();
    const [entry] = await auditEntries(t.services.db, { actor: t.users['safeguarding-lead'].userId, outcome: 'allowed', limit: 1 });
    assert.equal(entry.subject, 'known-baby');
    assert.match(entry.detail ?? '', /corrects record k3/);
  });

  test('need-to-know is by organisation: a GP practice or police force that has not seen the family is refused', async () => {
    const otherPractice = await userIn(t, 'fenland-gp', 'gp', 'Y10002');
    const otherForce = await userIn(t, 'northshire-officer', 'police', 'ZPF002');
    assert.notEqual(otherPractice.organisation, t.users.gp.organisation);
    assert.equal((await call('gp', 'GET', '/api/persons/known-baby')).statusCode, 200);
    const refused = await call(otherPractice, 'GET', '/api/persons/known-baby');
    assert.equal(refused.statusCode, 403);
    assert.match(refused.json<{ detail: string }>().detail, /organisation is not involved/);
    assert.equal((await call('police', 'GET', '/api/persons/known-mum')).statusCode, 200);
    assert.equal((await call(otherForce, 'GET', '/api/persons/known-mum')).statusCode, 403);
    // Search shows the other practice that it has no need-to-know.
    const search = await call(otherPractice, 'GET', '/api/persons?q=known');
    assert.ok(search.json<{ results: { id: string; access: boolean }[] }>().results.every((r) => !r.access));
  });
});
