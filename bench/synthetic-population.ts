// A synthetic population for benchmarks and alert-burden figures: ordinary families
// following the Healthy Child Programme (booking, antenatal contact, birth, new birth
// visit, GP registration, 6–8 week review, immunisations, weights on a stable centile,
// the 1 year review), with occasional missed appointments, plus a small share of
// families with an injected risk. Deterministic for a given seed.
import { DateTime } from 'luxon';
import { ukWhoValue } from '../src/growth/uk-who.ts';
import { WorkingCalendar } from '../src/domain/working-days.ts';

export type RiskKind = 'bruise-at-8-weeks' | 'faltering-weight' | 'repeated-not-brought' | 'parental-mental-health';
export const RISK_KINDS: RiskKind[] = ['bruise-at-8-weeks', 'faltering-weight', 'repeated-not-brought', 'parental-mental-health'];

export interface Family {
  child: string;
  risk?: RiskKind;
  events: Record<string, unknown>[];
  /**
   * Loops the generated practice left open on purpose, by the finding code that should
   * report them (see LOOP_PRACTICE): what the stated rates imply, for the alert-burden bench.
   */
  lapses?: Partial<Record<string, number>>;
}

export interface PopulationOptions {
  families: number;
  seed?: number;
  /** Share of families with an injected risk (default 3%). */
  riskShare?: number;
  /** First booking date; families start spread over the following year. */
  start?: string;
  /**
   * Also model ordinary practice in closing loops (named practitioners, handovers
   * acknowledged, agreed actions done, referral outcomes), at LOOP_PRACTICE's rates. Drawn
   * from a separate random stream, so the rest of each family is the same with or without it.
   */
  closingTheLoop?: boolean;
}

/** Mulberry32: small, fast and good enough for synthetic data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

const AREAS = ['Cambridgeshire', 'Peterborough', 'Sandwell', 'Birmingham', 'Norfolk', 'Suffolk'];
const ZONE = 'Europe/London';
const CALENDAR = new WorkingCalendar(ZONE);

export function generateFamily(index: number, rand: () => number, start: DateTime, risk: RiskKind | undefined): Family {
  const id = (role: string) => `f${index}-${role}`;
  const mother = id('mother');
  const father = id('father');
  const child = id('child');
  const area = AREAS[Math.floor(rand() * AREAS.length)];
  const booking = start.plus({ days: Math.floor(rand() * 365), hours: 9 + Math.floor(rand() * 8) });
  const gestationWeeks = 37 + Math.floor(rand() * 5);
  const due = booking.plus({ weeks: 40 - 10 });
  const born = booking.plus({ weeks: gestationWeeks - 10, hours: Math.floor(rand() * 10) });
  const sex = rand() < 0.5 ? 'male' : 'female';
  // A stable centile for the whole first year; ordinary babies sit anywhere on the chart.
  const sds = Math.max(-1.9, Math.min(2.3, gaussian(rand) * 0.9));
  // Babies born at term (37 weeks or more) are plotted at age from birth, as UK-WHO prescribes.
  const ageYears = (at: DateTime) => at.diff(born, 'days').days / 365.25;
  const weightAt = (at: DateTime, shift = 0) =>
    Math.round(ukWhoValue('weight', sex, Math.max(ageYears(at), 0), sds + shift + gaussian(rand) * 0.08) * 1000) / 1000;
  const day = (d: number, hour = 10) => born.startOf('day').plus({ days: d, hours: hour });
  const iso = (at: DateTime) => at.toFormat("yyyy-MM-dd'T'HH:mm");
  const events: { at: DateTime; event: Record<string, unknown> }[] = [];
  const add = (at: DateTime, event: Record<string, unknown>) => events.push({ at, event: { ...event, at: iso(at) } });

  add(booking, {
    type: 'person.recorded',
    person: mother,
    role: 'adult',
    sex: 'female',
    area,
    agency: 'midwifery',
    born: iso(booking.minus({ years: 20 + Math.floor(rand() * 20) })).slice(0, 10),
  });
  add(booking, { type: 'pregnancy.booked', person: mother, unborn: child, gestationWeeks: 10, due: due.toISODate(), agency: 'midwifery' });
  if (rand() < 0.92) {
    add(booking.plus({ minutes: 5 }), { type: 'person.recorded', person: father, role: 'adult', sex: 'male', area, agency: 'midwifery' });
    add(booking.plus({ minutes: 6 }), { type: 'relationship.recorded', person: father, of: child, kind: 'father', agency: 'midwifery' });
  }
  if (rand() < 0.97)
    add(booking.plus({ weeks: 19 + Math.floor(rand() * 3) }), {
      type: 'contact',
      person: mother,
      kind: 'antenatal-contact',
      agency: 'health-visiting',
      seen: [mother],
    });
  add(born, { type: 'birth', child, mother, gestationWeeks, birthWeightKg: weightAt(born), sex, agency: 'midwifery' });
  // Weight falls a little in the first days and is regained by about two weeks.
  add(day(5), { type: 'measurement', person: child, kind: 'weight', value: weightAt(day(5), -0.45), agency: 'midwifery' });
  if (rand() < 0.98)
    add(day(10 + Math.floor(rand() * 4)), {
      type: 'contact',
      person: child,
      kind: 'new-birth-visit',
      agency: 'health-visiting',
      seen: [child, mother],
    });
  add(day(13), { type: 'measurement', person: child, kind: 'weight', value: weightAt(day(13), -0.1), agency: 'health-visiting' });
  add(day(20 + Math.floor(rand() * 14)), { type: 'gp.registered', person: child, area, agency: 'gp' });
  add(day(35), { type: 'measurement', person: child, kind: 'weight', value: weightAt(day(35)), agency: 'health-visiting' });
  if (rand() < 0.96)
    add(day(44 + Math.floor(rand() * 10)), {
      type: 'contact',
      person: child,
      kind: 'six-to-eight-week-review',
      agency: 'health-visiting',
      seen: [child, mother],
    });
  add(day(56), { type: 'contact', person: child, kind: 'gp-consultation', agency: 'gp', note: '8 week immunisations and baby check' });
  let missed = 0;
  for (const week of [12, 16]) {
    add(day(week * 7 - 14), { type: 'appointment.booked', person: child, kind: 'clinic', due: day(week * 7).toISODate(), agency: 'gp' });
    if (rand() < 0.04 && missed === 0) {
      missed++;
      add(day(week * 7), { type: 'appointment.missed', person: child, kind: 'clinic', reason: 'was-not-brought', agency: 'gp' });
      add(day(week * 7 + 7), { type: 'contact', person: child, kind: 'clinic', agency: 'gp', note: 'rebooked immunisations' });
    } else {
      add(day(week * 7), { type: 'contact', person: child, kind: 'clinic', agency: 'gp', note: 'immunisations' });
    }
  }
  for (const d of [91, 122, 183, 274, 365])
    add(day(d, 11), { type: 'measurement', person: child, kind: 'weight', value: weightAt(day(d)), agency: 'health-visiting' });
  if (rand() < 0.9)
    add(day(300 + Math.floor(rand() * 60)), {
      type: 'contact',
      person: child,
      kind: 'one-year-review',
      agency: 'health-visiting',
      seen: [child, mother],
    });

  switch (risk) {
    case 'bruise-at-8-weeks':
      add(day(57, 15), {
        type: 'injury.observed',
        person: child,
        kind: 'bruise',
        site: 'cheek',
        agency: 'health-visiting',
        explanation: 'caught on the cot',
      });
      break;
    case 'faltering-weight':
      for (const [d, shift] of [
        [42, -0.8],
        [60, -1.5],
        [75, -2.0],
      ] as const)
        add(day(d, 14), { type: 'measurement', person: child, kind: 'weight', value: weightAt(day(d), shift), agency: 'health-visiting' });
      break;
    case 'repeated-not-brought':
      add(day(30), { type: 'visit.no-access', person: mother, agency: 'health-visiting' });
      add(day(70), { type: 'appointment.missed', person: child, kind: 'clinic', reason: 'was-not-brought', agency: 'health-visiting' });
      break;
    case 'parental-mental-health':
      add(day(25), { type: 'concern.recorded', person: mother, kind: 'postnatal-depression', severity: 'medium', agency: 'gp' });
      add(day(26), { type: 'concern.recorded', person: mother, kind: 'isolation', severity: 'low', agency: 'health-visiting' });
      add(day(27), { type: 'concern.recorded', person: child, kind: 'excessive-crying', severity: 'low', agency: 'health-visiting' });
      break;
  }
  events.sort((a, b) => a.at.toMillis() - b.at.toMillis());
  return { child, risk, events: events.map((e, i) => ({ ...e.event, id: `${child}#${i}` })) };
}

export function generatePopulation(options: PopulationOptions): Family[] {
  const rand = random(options.seed ?? 20261123);
  const practice = random((options.seed ?? 20261123) ^ 0x100b5);
  const jabs = random((options.seed ?? 20261123) ^ 0x1a85);
  const start = DateTime.fromISO(options.start ?? '2024-01-01', { zone: ZONE });
  const riskShare = options.riskShare ?? 0.03;
  const families: Family[] = [];
  for (let i = 0; i < options.families; i++) {
    const risk = rand() < riskShare ? RISK_KINDS[Math.floor(rand() * RISK_KINDS.length)] : undefined;
    const family = immunise(generateFamily(i, rand, start, risk), jabs);
    families.push(options.closingTheLoop ? closeLoops(family, practice) : family);
  }
  return families;
}

/**
 * Ordinary practice in closing loops, per family: a model with round rates chosen to
 * resemble good ordinary practice (not data). Each rate is the share of families, or of
 * the records concerned, to which it applies.
 */
export const LOOP_PRACTICE = {
  // A community midwife is named at booking and a health visitor at the birth notification.
  midwifeNamedAtBooking: 0.98,
  healthVisitorNamedWithin3Days: 0.97,
  healthVisitorNamedWithin4To10Days: 0.02, // the rest (1%) have nobody named
  // The midwifery handover to health visiting (day 10-14) is acknowledged:
  handoverAcknowledgedWithin2WorkingDays: 0.96,
  handoverAcknowledgedLater: 0.03, // 3-6 working days; the rest (1%) never
  // At the 6-8 week review a follow-up is agreed with the family, due in 14 days:
  followUpAgreed: 0.25,
  followUpDoneOnTime: 0.93,
  followUpClosedExplicitly: 0.03, // completed or cancelled with a reason
  followUpDoneLate: 0.02, // the rest (2%) never
  // A referral to another service (feeding clinic, paediatrics) in the first months:
  referredToService: 0.05,
  referralOutcomeWithin28Days: 0.95, // seen, or an outcome recorded; the rest: nothing
  // A professional disagreement taken to the escalation procedure:
  escalationRaised: 0.005,
  escalationResolvedAtStage1: 0.9, // within 5 working days; the rest stay open
} as const;

/** Adds the records of ordinary loop-closing practice to a generated family (ids and times valid). */
function closeLoops(family: Family, rand: () => number): Family {
  const events = [...family.events];
  const lapses: Partial<Record<string, number>> = { ...family.lapses };
  const lapse = (code: string) => (lapses[code] = (lapses[code] ?? 0) + 1);
  const child = family.child;
  const booking = events.find((e) => e.type === 'pregnancy.booked')!;
  const birth = events.find((e) => e.type === 'birth')!;
  const at = (text: unknown) => DateTime.fromISO(String(text), { zone: ZONE });
  const born = at(birth.at).startOf('day');
  const iso = (when: DateTime) => when.toFormat("yyyy-MM-dd'T'HH:mm");
  let n = 0;
  const add = (when: DateTime, event: Record<string, unknown>) => {
    const id = `${child}#l${n++}`;
    events.push({ ...event, at: iso(when), id });
    return id;
  };
  // The day `days` working days after `from` (bank holidays in England and Wales excluded), at 3 pm.
  const workingDaysOn = (from: DateTime, days: number) =>
    DateTime.fromMillis(CALENDAR.endOfWorkingDaysAfter(from.toMillis(), days), { zone: ZONE }).set({ hour: 15, minute: 0 });

  if (rand() < LOOP_PRACTICE.midwifeNamedAtBooking)
    add(at(booking.at).plus({ minutes: 10 }), {
      type: 'allocation.set',
      person: child,
      agency: 'midwifery',
      role: 'named-midwife',
      name: 'Community midwife',
    });
  const hv = rand();
  const hvDays =
    hv < LOOP_PRACTICE.healthVisitorNamedWithin3Days
      ? Math.floor(rand() * 4)
      : hv < LOOP_PRACTICE.healthVisitorNamedWithin3Days + LOOP_PRACTICE.healthVisitorNamedWithin4To10Days
        ? 4 + Math.floor(rand() * 7)
        : undefined;
  if (hvDays !== undefined)
    add(born.plus({ days: hvDays, hours: 12 }), {
      type: 'allocation.set',
      person: child,
      agency: 'health-visiting',
      role: 'health-visitor',
      name: 'Named health visitor',
    });
  if (hvDays === undefined || hvDays > 5) lapse('no-lead-professional');

  // The handover, and the health visitor's receipt.
  const handoverAt = born.plus({ days: 10 + Math.floor(rand() * 5), hours: 9 });
  const handover = add(handoverAt, {
    type: 'information.shared',
    person: child,
    agency: 'midwifery',
    to: 'health-visiting',
    kind: 'handover',
    content: ['birth and postnatal summary'],
  });
  const ack = rand();
  if (ack < LOOP_PRACTICE.handoverAcknowledgedWithin2WorkingDays)
    add(workingDaysOn(handoverAt, Math.floor(rand() * 3)), {
      type: 'information.acknowledged',
      person: child,
      agency: 'health-visiting',
      of: handover,
    });
  else {
    lapse('information-not-acknowledged');
    if (ack < LOOP_PRACTICE.handoverAcknowledgedWithin2WorkingDays + LOOP_PRACTICE.handoverAcknowledgedLater)
      add(workingDaysOn(handoverAt, 3 + Math.floor(rand() * 4)), {
        type: 'information.acknowledged',
        person: child,
        agency: 'health-visiting',
        of: handover,
      });
  }

  // A follow-up agreed at the 6-8 week review.
  const review = events.find((e) => e.type === 'contact' && e.kind === 'six-to-eight-week-review');
  if (review && rand() < LOOP_PRACTICE.followUpAgreed) {
    const agreedAt = at(review.at).plus({ minutes: 20 });
    const due = agreedAt.plus({ days: 14 });
    const action = add(agreedAt, {
      type: 'action.agreed',
      person: child,
      agency: 'health-visiting',
      action: 'follow-up-contact',
      due: due.toISODate(),
    });
    const outcome = rand();
    const { followUpDoneOnTime: onTime, followUpClosedExplicitly: closed, followUpDoneLate: late } = LOOP_PRACTICE;
    if (outcome < onTime)
      add(agreedAt.plus({ days: 3 + Math.floor(rand() * 10) }), {
        type: 'contact',
        person: child,
        agency: 'health-visiting',
        kind: 'phone-call',
      });
    else if (outcome < onTime + closed)
      add(
        agreedAt.plus({ days: 5 }),
        rand() < 0.5
          ? { type: 'action.completed', person: child, agency: 'health-visiting', action }
          : { type: 'action.cancelled', person: child, agency: 'health-visiting', action, reason: 'family seen at clinic instead' },
      );
    else {
      lapse('agreed-action-overdue');
      if (outcome < onTime + closed + late)
        add(due.plus({ days: 3 + Math.floor(rand() * 7) }), {
          type: 'contact',
          person: child,
          agency: 'health-visiting',
          kind: 'phone-call',
        });
    }
  }

  // A referral to another service, and what became of it.
  if (rand() < LOOP_PRACTICE.referredToService) {
    const referredAt = born.plus({ days: 20 + Math.floor(rand() * 120), hours: 11 });
    const to = rand() < 0.6 ? 'feeding-clinic' : 'paediatrics';
    const referral = add(referredAt, { type: 'referral.made', person: child, agency: 'health-visiting', to, reason: 'routine referral' });
    if (rand() < LOOP_PRACTICE.referralOutcomeWithin28Days) {
      const answeredAt = referredAt.plus({ days: 3 + Math.floor(rand() * 21) });
      add(
        answeredAt,
        rand() < 0.5
          ? {
              type: 'referral.outcome',
              person: child,
              agency: 'hospital',
              of: referral,
              outcome: rand() < 0.8 ? 'accepted' : 'waiting-list',
            }
          : { type: 'contact', person: child, agency: 'hospital', kind: 'clinic' },
      );
    } else lapse('referral-outcome-missing');
  }

  // A disagreement between agencies, taken to the escalation procedure.
  if (rand() < LOOP_PRACTICE.escalationRaised) {
    const raisedAt = born.plus({ days: 30 + Math.floor(rand() * 200), hours: 10 });
    const escalation = add(raisedAt, {
      type: 'escalation.raised',
      person: child,
      agency: 'health-visiting',
      to: 'children-social-care',
      about: 'threshold decision on a referral',
      stage: 1,
    });
    if (rand() < LOOP_PRACTICE.escalationResolvedAtStage1)
      add(workingDaysOn(raisedAt, 1 + Math.floor(rand() * 4)), {
        type: 'escalation.resolved',
        person: child,
        agency: 'children-social-care',
        of: escalation,
        outcome: 'decision explained and agreed',
      });
    else lapse('escalation-unresolved');
  }
  events.sort((a, b) => String(a.at).localeCompare(String(b.at)));
  return { ...family, events, lapses };
}

/**
 * The routine immunisations of the first year (8, 12 and 16 weeks, 1 year), at rates chosen to
 * resemble UK coverage (about 92% of babies complete the first doses on time; a model, not
 * data). Each rate is a share of babies. A late baby is late from one of the infant stages on:
 * that stage and each later one are given 35-70 days after they fall due, or (a third of the
 * time) not at all in the first year. Drawn from their own random stream, so the rest of each
 * family is the same as before they were added.
 */
export const IMMUNISATION_PRACTICE = {
  onTime: 0.91, // every stage within 2 weeks of falling due
  lateWithinGrace: 0.03, // one stage 15-27 days late, inside the protocol's 4 weeks' grace
  lateBeyondGrace: 0.06, // the rest: late beyond the grace period, from a stage on
} as const;

const STAGES: { stage: string; days: number }[] = [
  { stage: '8-weeks', days: 56 },
  { stage: '12-weeks', days: 84 },
  { stage: '16-weeks', days: 112 },
  { stage: '1-year', days: 366 },
];

/** Adds `immunisation.given` records at IMMUNISATION_PRACTICE's rates; a baby late beyond the grace is a lapse. */
function immunise(family: Family, rand: () => number): Family {
  const birth = family.events.find((e) => e.type === 'birth')!;
  const born = DateTime.fromISO(String(birth.at), { zone: ZONE }).startOf('day');
  const draw = rand();
  const within = draw >= IMMUNISATION_PRACTICE.onTime && draw < IMMUNISATION_PRACTICE.onTime + IMMUNISATION_PRACTICE.lateWithinGrace;
  const beyond = draw >= IMMUNISATION_PRACTICE.onTime + IMMUNISATION_PRACTICE.lateWithinGrace;
  const lateFrom = Math.floor(rand() * 3);
  const withinStage = Math.floor(rand() * STAGES.length);
  const events = [...family.events];
  STAGES.forEach(({ stage, days }, i) => {
    let delay = Math.floor(rand() * 14);
    if (within && i === withinStage) delay = 15 + Math.floor(rand() * 13);
    if (beyond && i >= lateFrom) {
      if (rand() < 1 / 3) return;
      delay = 35 + Math.floor(rand() * 36);
    }
    const at = born.plus({ days: days + delay, hours: 10 + Math.floor(rand() * 6) });
    events.push({
      type: 'immunisation.given',
      person: family.child,
      stage,
      agency: 'gp',
      at: at.toFormat("yyyy-MM-dd'T'HH:mm"),
      id: `${family.child}#i${i}`,
    });
  });
  events.sort((a, b) => String(a.at).localeCompare(String(b.at)));
  const lapses = beyond ? { ...family.lapses, 'immunisations-overdue': 1 } : family.lapses;
  return { ...family, events, ...(lapses ? { lapses } : {}) };
}

/** All families' events merged in time order, as a partnership would receive them. */
export function interleave(families: readonly Family[]): Record<string, unknown>[] {
  const all = families.flatMap((f) => f.events);
  return all.sort((a, b) => (a.at as string).localeCompare(b.at as string));
}
