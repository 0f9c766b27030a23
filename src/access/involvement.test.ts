import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InMemoryRecord } from '../engine/in-memory-record.ts';
import { VirtualClock } from '../engine/clock.ts';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import { ValidationError } from '../domain/validation-error.ts';
import type { Finding } from '../domain/findings.ts';
import { organisationInvolved } from './need-to-know.ts';
import { owningOrganisation } from './finding-ownership.ts';

/** A record with no protocols and a mother and baby recorded by midwifery (its default organisation, ZMW001). */
function family() {
  const record = new InMemoryRecord([], loadPartnershipConfig({}, []), new VirtualClock());
  let n = 0;
  const add = (event: Record<string, unknown>) => record.submit({ at: `2024-01-${String(10 + n).padStart(2, '0')}`, ...event }, `e${++n}`);
  add({ type: 'person.recorded', person: 'mum', role: 'adult', sex: 'female', agency: 'midwifery' });
  add({ type: 'birth', child: 'baby', mother: 'mum', gestationWeeks: 40, birthWeightKg: 3.5, sex: 'female', agency: 'midwifery' });
  const world = record.engine.world;
  const involved = (organisation: string, person = 'baby') => organisationInvolved(world, organisation, person);
  return { record, world, add, involved };
}

test('the recording organisation is involved with the family; records naming none are the default organisation of their agency', () => {
  const { add, involved, world } = family();
  assert.equal(involved('ZMW001'), true);
  assert.equal(involved('ZMW001', 'mum'), true, 'the family stands together');
  add({ type: 'contact', person: 'baby', kind: 'gp-consultation', agency: 'gp', organisation: 'Y10002' });
  assert.equal(involved('Y10002'), true);
  assert.equal(involved('Y10001'), false, 'another practice is not involved because one practice is');
  assert.equal(world.organisationOf(world.event('e3')!), 'Y10002');
  assert.equal(world.organisationOf(world.event('e1')!), 'ZMW001');
});

test('identity and relationship records never make an organisation involved', () => {
  const { add, involved } = family();
  add({ type: 'person.recorded', person: 'stranger', role: 'adult', sex: 'male', agency: 'police' });
  add({ type: 'relationship.recorded', person: 'stranger', of: 'baby', kind: 'father', agency: 'probation' });
  add({ type: 'identity.review', person: 'stranger', candidate: 'mum', matchWeight: 5, probability: 0.5, agency: 'probation' });
  add({ type: 'identity.unlinked', person: 'stranger', from: 'mum', reason: 'not her', agency: 'probation' });
  assert.equal(involved('ZPR001'), false, 'probation wrote about the family but did nothing with it');
  assert.equal(involved('ZPF001'), true, 'the police recorded the man the family now includes');
});

test('a record addressed to an agency involves its organisation already with the family, else its default organisation', () => {
  const { add, involved } = family();
  add({ type: 'referral.made', person: 'baby', to: 'children-social-care', agency: 'midwifery' });
  assert.equal(involved('ZLA001'), true, "a referral reaches the local authority's children's services");
  add({ type: 'gp.registered', person: 'baby', agency: 'gp', organisation: 'Y10002' });
  add({ type: 'information.shared', person: 'baby', to: 'gp', agency: 'health-visiting' });
  assert.equal(involved('Y10001'), false, 'the handover goes to the practice the child is registered with');
  add({
    type: 'strategy.discussion',
    person: 'baby',
    attendees: ['children-social-care', 'police', 'hospital'],
    agency: 'children-social-care',
  });
  assert.equal(involved('ZPF001'), true);
  assert.equal(involved('ZHP001'), true);
  assert.equal(involved('ZPF002'), false);
  // An action agreed by health visiting for the ambulance service to carry out (as the API records it).
  add({ type: 'action.agreed', person: 'baby', action: 'follow-up-contact', agency: 'ambulance', organisation: 'ZHV001' });
  assert.equal(involved('ZAM001'), true);
  assert.equal(involved('ZHV001'), true);
});

test('a correction withdraws the involvement the corrected record made', () => {
  const { add, involved } = family();
  add({ type: 'person.recorded', person: 'other-baby', role: 'child', sex: 'male', born: '2023-12-01', agency: 'midwifery' });
  add({ id: 'wrong', type: 'referral.made', person: 'baby', to: 'police', agency: 'gp', organisation: 'Y10001' });
  assert.equal(involved('Y10001'), true);
  assert.equal(involved('ZPF001'), true);
  add({ type: 'referral.made', person: 'other-baby', to: 'police', agency: 'gp', organisation: 'Y10001', supersedes: 'wrong' });
  assert.equal(involved('Y10001'), false, 'the GP recorded about the wrong child');
  assert.equal(involved('ZPF001'), false, 'and the police were never told about this one');
  assert.equal(involved('Y10001', 'other-baby'), true);
});

test('only practitioner-confirmed identity links join families for need-to-know', () => {
  const { add, involved } = family();
  add({ type: 'person.recorded', person: 'probation-mum', role: 'adult', sex: 'female', agency: 'probation' });
  add({ type: 'identity.linked', person: 'probation-mum', to: 'mum', basis: 'automatic', probability: 0.99 });
  assert.equal(involved('ZPR001'), false, 'an automatic link (anyone can provoke one) grants nothing');
  add({ type: 'identity.linked', person: 'probation-mum', to: 'mum', basis: 'confirmed', agency: 'children-social-care' });
  assert.equal(involved('ZPR001'), true, 'a confirmed link makes her probation record part of the family');
  add({ type: 'identity.unlinked', person: 'probation-mum', from: 'mum', reason: 'a different woman', agency: 'children-social-care' });
  assert.equal(involved('ZPR001'), false);
});

test('a record naming an organisation must name one of the partnership, of its agency type', () => {
  const { record } = family();
  const problems = (event: Record<string, unknown>) => {
    try {
      record.prepare({ at: '2024-02-01', type: 'contact', person: 'baby', kind: 'clinic', ...event }, 'x');
      return [];
    } catch (error) {
      assert.ok(error instanceof ValidationError);
      return error.problems.map((p) => `${p.field}: ${p.reason}`);
    }
  };
  assert.deepEqual(problems({ agency: 'gp', organisation: 'Y10002' }), []);
  assert.match(problems({ agency: 'gp', organisation: 'NOPE1' })[0], /^organisation: "NOPE1" is not an organisation of the partnership/);
  assert.match(problems({ agency: 'gp', organisation: 'ZPF001' })[0], /^organisation: "ZPF001" is police, not gp/);
});

test("a finding's owner is the organisation of its type most recently involved with the family, else the type's default", () => {
  const { add, world } = family();
  const finding = { subject: 'baby', owner: 'gp' } as Finding;
  assert.equal(owningOrganisation(world, finding)?.code, 'Y10001', 'no practice involved: the default practice');
  add({ type: 'gp.registered', person: 'baby', agency: 'gp', organisation: 'Y10002' });
  assert.equal(owningOrganisation(world, finding)?.code, 'Y10002');
  add({ type: 'contact', person: 'mum', kind: 'gp-consultation', agency: 'gp', organisation: 'Y10001' });
  assert.equal(owningOrganisation(world, finding)?.code, 'Y10001', 'the practice that saw the family last');
  assert.equal(owningOrganisation(world, { subject: 'baby', owner: 'midwifery' } as Finding)?.code, 'ZMW001');
});
