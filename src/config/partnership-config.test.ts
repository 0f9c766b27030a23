import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationError } from '../domain/validation-error.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { loadPartnershipConfig } from './partnership-config.ts';

function refusal(input: unknown): ValidationError {
  try {
    loadPartnershipConfig(input, PROTOCOLS);
  } catch (error) {
    assert.ok(error instanceof ValidationError, String(error));
    return error;
  }
  assert.fail('the configuration was accepted');
}

test('an empty configuration gets the defaults', () => {
  for (const input of [undefined, null, {}]) {
    const config = loadPartnershipConfig(input, PROTOCOLS);
    assert.equal(config.name, 'Default partnership');
    assert.equal(config.timezone, 'Europe/London');
    assert.deepEqual(config.disabled, []);
    assert.deepEqual(Object.keys(config.protocols).sort(), PROTOCOLS.map((p) => p.id).sort());
  }
});

test("the protocol defaults are the contract's (shared/spec/scenarios.md and domain.md)", () => {
  const { protocols } = loadPartnershipConfig({}, PROTOCOLS);
  const get = (id: string) => protocols[id] as Record<string, unknown>;
  // Non-mobile: under 6 months.
  assert.equal(get('injury-in-non-mobile-infant').nonMobileUnderMonths, 6);
  assert.equal(get('serious-illness-in-non-mobile-infant').nonMobileUnderMonths, 6);
  // Referral: by the end of the same day.
  assert.equal(get('safeguarding-referral-overdue').deadlineHours, null);
  // Strategy discussion: within 24 hours, for a child under 1.
  assert.equal(get('strategy-discussion-overdue').deadlineHours, 24);
  assert.equal(get('strategy-discussion-overdue').childUnderMonths, 12);
  assert.equal(get('strategy-discussion-without-health').childUnderMonths, 12);
  // Was not brought: a child under 5; repeated: 2 or more within 90 days for a child under 1.
  assert.equal(get('was-not-brought').childUnderYears, 5);
  assert.deepEqual(
    [get('repeated-was-not-brought').count, get('repeated-was-not-brought').windowDays, get('repeated-was-not-brought').childUnderMonths],
    [2, 90, 12],
  );
  // Mandated contacts: antenatal by 32 weeks, new birth visit by day 14, 6–8 week review by 8 weeks.
  const hcp = get('mandated-contact-missing');
  assert.deepEqual([hcp.antenatalByGestationWeeks, hcp.newBirthVisitByDays, hcp.sixToEightWeekReviewByDays], [32, 14, 56]);
  // Unsafe sleep: a child under 1.
  assert.equal(get('unsafe-sleep-observed').childUnderMonths, 12);
  // GP registration: over 6 weeks, or more than 14 days after a move.
  assert.deepEqual([get('not-registered-with-gp').registerByDays, get('not-registered-with-gp').afterMoveDays], [42, 14]);
});

test("a partnership's own threshold replaces the default and the rest keep theirs", () => {
  const config = loadPartnershipConfig(
    {
      name: 'Cambridgeshire and Peterborough',
      protocols: { 'repeated-was-not-brought': { windowDays: 60 }, 'safeguarding-referral-overdue': { deadlineHours: 4 } },
    },
    PROTOCOLS,
  );
  assert.equal(config.name, 'Cambridgeshire and Peterborough');
  assert.deepEqual(config.protocols['repeated-was-not-brought'], { childUnderMonths: 12, windowDays: 60, count: 2 });
  assert.deepEqual(config.protocols['safeguarding-referral-overdue'], {
    deadlineHours: 4,
    neglectSigns: 2,
    neglectWindowDays: 30,
    neglectReferralDays: 1,
  });
});

test('a protocol can be disabled by its id', () => {
  const config = loadPartnershipConfig({ disabled: ['unsafe-sleep-observed'] }, PROTOCOLS);
  assert.deepEqual(config.disabled, ['unsafe-sleep-observed']);
});

test('an unknown protocol id is refused, naming it', () => {
  const error = refusal({ protocols: { 'bruising-protocol': { nonMobileUnderMonths: 6 } } });
  assert.ok(
    error.problems.some((p) => p.field === 'protocols.bruising-protocol' && /unknown protocol/.test(p.reason)),
    JSON.stringify(error.problems),
  );
  assert.match(error.message, /partnership configuration/);
});

test('an unknown protocol id in the disabled list is refused too', () => {
  const error = refusal({ disabled: ['unsafe-sleeping'] });
  assert.ok(
    error.problems.some((p) => p.field.includes('unsafe-sleeping')),
    JSON.stringify(error.problems),
  );
});

const badThresholds: [name: string, protocols: Record<string, unknown>, field: string][] = [
  ['a negative deadline', { 'strategy-discussion-overdue': { deadlineHours: -1 } }, 'protocols.strategy-discussion-overdue.deadlineHours'],
  ['a number given as text', { 'repeated-was-not-brought': { windowDays: '90' } }, 'protocols.repeated-was-not-brought.windowDays'],
  ['a fractional count', { 'repeated-was-not-brought': { count: 2.5 } }, 'protocols.repeated-was-not-brought.count'],
  [
    'an age limit out of range',
    { 'injury-in-non-mobile-infant': { nonMobileUnderMonths: 0 } },
    'protocols.injury-in-non-mobile-infant.nonMobileUnderMonths',
  ],
  [
    'a new birth visit deadline outside the programme',
    { 'mandated-contact-missing': { newBirthVisitByDays: 60 } },
    'protocols.mandated-contact-missing.newBirthVisitByDays',
  ],
];

for (const [name, protocols, field] of badThresholds) {
  test(`refuses ${name}, naming the field`, () => {
    const error = refusal({ protocols });
    assert.ok(
      error.problems.some((p) => p.field === field),
      JSON.stringify(error.problems),
    );
    assert.match(error.message, new RegExp(`field '${field.replaceAll('.', '\\.')}'`));
  });
}

test('refuses a misspelt threshold rather than ignoring it', () => {
  const error = refusal({ protocols: { 'strategy-discussion-overdue': { deadlineHour: 4 } } });
  assert.ok(
    error.problems.some((p) => p.field.startsWith('protocols.strategy-discussion-overdue')),
    JSON.stringify(error.problems),
  );
  assert.match(error.message, /deadlineHour/);
});

test('refuses an unknown time zone and an unknown top-level setting, naming them', () => {
  assert.ok(refusal({ timezone: 'Europe/Cambridge' }).problems.some((p) => p.field === 'timezone'));
  assert.ok(refusal({ timezone: 'Europe/London', protcols: {} }).problems.some((p) => /protcols/.test(`${p.field} ${p.reason}`)));
});

test('reports every problem at once', () => {
  const error = refusal({ protocols: { 'was-not-brought': { childUnderYears: 0, followUpDays: -2 }, nonsense: {} } });
  const fields = error.problems.map((p) => p.field);
  assert.ok(fields.includes('protocols.was-not-brought.childUnderYears'));
  assert.ok(fields.includes('protocols.was-not-brought.followUpDays'));
  assert.ok(fields.includes('protocols.nonsense'));
});
