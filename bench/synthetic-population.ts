// A synthetic population for benchmarks and alert-burden figures: ordinary families
// following the Healthy Child Programme (booking, antenatal contact, birth, new birth
// visit, GP registration, 6–8 week review, immunisations, weights on a stable centile,
// the 1 year review), with occasional missed appointments, plus a small share of
// families with an injected risk. Deterministic for a given seed.
import { DateTime } from 'luxon';
import { ukWhoValue } from '../src/growth/uk-who.ts';

export type RiskKind = 'bruise-at-8-weeks' | 'faltering-weight' | 'repeated-not-brought' | 'parental-mental-health';
export const RISK_KINDS: RiskKind[] = ['bruise-at-8-weeks', 'faltering-weight', 'repeated-not-brought', 'parental-mental-health'];

export interface Family {
  child: string;
  risk?: RiskKind;
  events: Record<string, unknown>[];
}

export interface PopulationOptions {
  families: number;
  seed?: number;
  /** Share of families with an injected risk (default 3%). */
  riskShare?: number;
  /** First booking date; families start spread over the following year. */
  start?: string;
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
  const start = DateTime.fromISO(options.start ?? '2024-01-01', { zone: ZONE });
  const riskShare = options.riskShare ?? 0.03;
  const families: Family[] = [];
  for (let i = 0; i < options.families; i++) {
    const risk = rand() < riskShare ? RISK_KINDS[Math.floor(rand() * RISK_KINDS.length)] : undefined;
    families.push(generateFamily(i, rand, start, risk));
  }
  return families;
}

/** All families' events merged in time order, as a partnership would receive them. */
export function interleave(families: readonly Family[]): Record<string, unknown>[] {
  const all = families.flatMap((f) => f.events);
  return all.sort((a, b) => (a.at as string).localeCompare(b.at as string));
}
