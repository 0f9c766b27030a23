import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import { ValidationError } from '../domain/validation-error.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { checkScenario } from '../replay/replay-scenario.ts';
import { readScenario } from '../replay/scenario-file.ts';
import { generatePopulation, interleave } from '../../bench/synthetic-population.ts';
import { SystemClock, VirtualClock, type Clock } from './clock.ts';
import { InMemoryRecord } from './in-memory-record.ts';

const ZONE = 'Europe/London';
const config = (plausibility: object = {}) => loadPartnershipConfig({ plausibility }, []);

/** Mum, and a girl born at term on 1 March 2024 weighing 3.4 kg; a boy of unknown-sex records is added where needed. */
function family(clock: Clock = new VirtualClock(), plausibility: object = {}) {
  const record = new InMemoryRecord([], config(plausibility), clock);
  record.submit(
    { at: '2023-07-01', type: 'person.recorded', person: 'mum', role: 'adult', sex: 'female', born: '1995-05-05', agency: 'midwifery' },
    'm',
  );
  record.submit(
    {
      at: '2023-07-10',
      type: 'pregnancy.booked',
      person: 'mum',
      unborn: 'girl',
      gestationWeeks: 10,
      due: '2024-03-05',
      agency: 'midwifery',
    },
    'b',
  );
  record.submit(
    {
      at: '2024-03-01T06:00',
      type: 'birth',
      child: 'girl',
      mother: 'mum',
      gestationWeeks: 39,
      birthWeightKg: 3.4,
      sex: 'female',
      agency: 'midwifery',
    },
    'c',
  );
  return record;
}

/** The problems a submission is refused with (none when accepted). */
function refusal(record: InMemoryRecord, event: Record<string, unknown>): { field: string; reason: string }[] {
  try {
    record.prepare({ agency: 'health-visiting', ...event }, `probe-${Math.random()}`);
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
}

const weight = (value: number, at = '2024-05-03T10:00') => ({ at, type: 'measurement', person: 'girl', kind: 'weight', value });

describe('plausibility', () => {
  test('probe: plausibility: measurements beyond ±5 SDS of UK-WHO for the age and sex are refused with the value, the expected range and how to correct it', () => {
    const record = family();
    // At 9 weeks a girl's UK-WHO ±5 SDS span is about 2.7 to 9.7 kg.
    for (const value of [80, 1e308, 0.01, 0.4, 40]) {
      const problems = refusal(record, weight(value));
      assert.equal(problems.length, 1, `${value} kg refused`);
      assert.equal(problems[0].field, 'value');
    }
    assert.match(
      refusal(record, weight(40))[0].reason,
      /^weight 40 kg is not plausible for a girl of 9 weeks: UK-WHO puts ±5 SDS at \d\.\d\d to \d\.\d\d kg\. Check the value and that it is in kilograms \(4\.25, not 4250 grams\)$/,
    );
    assert.match(refusal(record, weight(1e308))[0].reason, /is not a possible weight for anyone/);
    assert.match(refusal(record, { ...weight(500), kind: 'length' })[0].reason, /500 cm is not a possible length/);
    assert.match(
      refusal(record, { ...weight(2), kind: 'head-circumference' })[0].reason,
      /2 cm is not a possible head circumference for anyone/,
    );
    assert.match(
      refusal(record, { ...weight(15), kind: 'head-circumference' })[0].reason,
      /head circumference 15 cm is not plausible for a girl of 9 weeks: UK-WHO puts ±5 SDS at 32\.3 to 44\.4 cm/,
    );
    for (const value of [3.2, 4.8, 6.9]) assert.deepEqual(refusal(record, weight(value)), [], `${value} kg accepted`);
    assert.deepEqual(refusal(record, { ...weight(57), kind: 'length' }), []);
  });

  test('probe: plausibility: the SDS limit is the partnership’s to set; a child of unknown sex is judged against both sexes', () => {
    const strict = family(new VirtualClock(), { sdsLimit: 3 });
    assert.equal(refusal(strict, weight(8.5)).length, 1, '8.5 kg at 9 weeks is beyond +3 SDS (7.6 kg)');
    assert.deepEqual(refusal(family(), weight(8.5)), [], 'but within +5 (9.7 kg)');
    assert.throws(() => loadPartnershipConfig({ plausibility: { sdsLimit: 1 } }, []), /plausibility\.sdsLimit/);
    const record = family();
    record.submit(
      { at: '2024-03-02', type: 'person.recorded', person: 'baby-x', role: 'child', sex: 'unknown', born: '2024-03-01', agency: 'gp' },
      'x',
    );
    assert.match(refusal(record, { ...weight(15), person: 'baby-x' })[0].reason, /not plausible for a child of 9 weeks/);
    assert.deepEqual(refusal(record, { ...weight(4.6), person: 'baby-x' }), []);
  });

  test('probe: plausibility: no record before 1900, before the person’s birth (their pregnancy aside), or in the future beyond the clock skew', () => {
    const record = family();
    assert.match(refusal(record, weight(4.8, '0000-03-01'))[0].reason, /before 1900/);
    assert.match(refusal(record, weight(4.8, '1900-06-01'))[0].reason, /before "girl" could have a record: before the pregnancy began/);
    assert.match(
      refusal(record, { at: '1980-01-01', type: 'concern.recorded', person: 'mum', kind: 'isolation' })[0].reason,
      /before "mum" could have a record: before they were born/,
    );
    // The pregnancy's own records are dated before the birth, and are accepted.
    assert.deepEqual(refusal(record, { at: '2023-12-01', type: 'concern.recorded', person: 'girl', kind: 'domestic-abuse' }), []);
    assert.deepEqual(
      refusal(record, { at: '2023-06-20', type: 'concern.recorded', person: 'girl', kind: 'domestic-abuse' }),
      [],
      'two weeks before the last period',
    );
    assert.match(
      refusal(record, { at: '2126-01-01', type: 'concern.recorded', person: 'girl', kind: 'isolation' })[0].reason,
      /is in the future/,
    );
    assert.match(
      refusal(record, { at: '2024-03-02', type: 'person.recorded', person: 'late', role: 'child', born: '2025-01-01' })[0].reason,
      /after the date of this record/,
    );

    // Live, on the system clock: a few minutes of skew, no more (configurable).
    const live = family(new SystemClock());
    const inMinutes = (m: number) => DateTime.now().setZone(ZONE).plus({ minutes: m }).toFormat("yyyy-MM-dd'T'HH:mm");
    const contact = (at: string) => ({ at, type: 'contact', person: 'girl', kind: 'home-visit' });
    assert.deepEqual(refusal(live, contact(inMinutes(3))), [], 'a device three minutes fast');
    assert.equal(refusal(live, contact(inMinutes(20)))[0].field, 'at', 'twenty minutes ahead');
    assert.deepEqual(
      refusal(family(new SystemClock(), { clockSkewMinutes: 30 }), contact(inMinutes(20))),
      [],
      'unless the partnership allows it',
    );
  });

  test('probe: plausibility: replay refuses events far in the future (more than a day past the real present) with the event index, and a NUL id', async () => {
    const today = DateTime.now().setZone(ZONE);
    const base = (await readScenario('scenarios/000-child-a.scenario.json')).events;
    const events = (extra: Record<string, unknown>) => ({
      scenario: 'future',
      file: 'future.scenario.json',
      timezone: ZONE,
      events: [...base.slice(0, 3), extra],
    });
    const concern = (at: string, person = 'ms-a') => ({ at, type: 'concern.recorded', person, kind: 'isolation', agency: 'gp' });
    assert.throws(
      () => checkScenario(events(concern('2999-01-01')), PROTOCOLS),
      /future\.scenario\.json: event 3: field 'at': 1 Jan 2999 is in the future/,
    );
    assert.throws(
      () => checkScenario(events(concern(today.plus({ days: 3 }).toISODate()!)), PROTOCOLS),
      /event 3: field 'at'.*in the future/,
    );
    // The demo moves each story to end today, perhaps later today than now: accepted.
    assert.doesNotThrow(() => checkScenario(events(concern(today.endOf('day').toFormat("yyyy-MM-dd'T'HH:mm"))), PROTOCOLS));
    assert.throws(
      () => checkScenario(events({ ...concern('2022-05-01'), id: 'nul\u0000id' }), PROTOCOLS),
      /event 3: field 'id': must not contain a NUL/,
    );
  });

  test('probe: plausibility: a booking’s due date in the past or years ahead, and a birth at an impossible gestation or weight, are refused', () => {
    const record = family();
    record.submit({ at: '2024-05-01', type: 'person.recorded', person: 'mum2', role: 'adult', sex: 'female', agency: 'midwifery' }, 'm2');
    const booking = (due: string, gestationWeeks = 10) => ({
      at: '2024-05-10',
      type: 'pregnancy.booked',
      person: 'mum2',
      unborn: 'bump2',
      gestationWeeks,
      due,
    });
    assert.match(refusal(record, booking('2021-01-01'))[0].reason, /is not after the booking/);
    assert.match(
      refusal(record, booking('2029-02-14'))[0].reason,
      /does not fit a booking at 10 weeks on 10 May 2024, which puts the due date around 6 Dec 2024/,
    );
    assert.equal(refusal(record, booking('2024-12-06', 0))[0].field, 'gestationWeeks');
    assert.deepEqual(refusal(record, booking('2024-12-13')), [], 'a due date a week from the gestation’s is a dating scan');
    record.submit(booking('2024-12-06'), 'bk2');
    const birth = (at: string, gestationWeeks: number, birthWeightKg: number) => ({
      at,
      type: 'birth',
      child: 'bump2',
      mother: 'mum2',
      gestationWeeks,
      birthWeightKg,
      sex: 'male',
    });
    assert.match(refusal(record, birth('2024-12-01', 21, 0.5))[0].reason, /21 is not a gestation at which a baby is born/);
    assert.match(
      refusal(record, birth('2024-08-01', 25, 4.5))[0].reason,
      /birth weight of 4\.5 kg is not plausible for a boy born at 25 weeks/,
    );
    assert.match(
      refusal(record, birth('2025-12-10', 39, 3.5))[0].reason,
      /a birth on 10 Dec 2025 with the baby due 6 Dec 2024 is at about/,
    );
    assert.deepEqual(refusal(record, birth('2024-12-01', 39, 3.5)), []);
    assert.deepEqual(refusal(record, birth('2024-08-01', 25, 0.8)), [], 'a baby born at 25 weeks, on the date that gestation implies');
  });

  test('probe: plausibility: an NHS number failing modulus 11 is refused; a valid one is accepted', () => {
    const record = family();
    const person = (nhsNumber: string) => ({ at: '2024-05-01', type: 'person.recorded', person: 'p', role: 'adult', nhsNumber });
    assert.match(refusal(record, person('943 476 5910'))[0].reason, /modulus 11/);
    assert.deepEqual(refusal(record, person('943 476 5919')), []);
  });

  test('the acceptance scenarios and the benchmark’s synthetic population hold nothing implausible', async () => {
    for (const file of ['000-child-a', '000-child-b', '000-child-c', '000-child-d', '001-jack', '002-child-rs']) {
      const scenario = await readScenario(`scenarios/${file}.scenario.json`);
      assert.doesNotThrow(() => checkScenario(scenario, PROTOCOLS), file);
    }
    const record = new InMemoryRecord([], config(), new VirtualClock());
    const events = interleave(generatePopulation({ families: 3_000, seed: 11 }));
    events.forEach((event, i) => record.submit(event, `syn-${i}`));
    assert.equal(record.events.length >= events.length, true);
  });
});
