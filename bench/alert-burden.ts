// Alert burden: findings per 1,000 ordinary babies, per protocol.
//
//   npx tsx bench/alert-burden.ts [--families 5000] [--seed 20261123]
//
// Runs the ordinary population of bench/synthetic-population.ts (the lead's generator:
// booking, contacts, weights on a stable centile, occasional missed appointments; a small
// share of families with an injected risk, excluded from the ordinary count) through every
// registered protocol, twice:
//
//   1. as generated;
//   2. with an "ordinary life" overlay: the background of recorded needs, moves, adult
//      services and front-door contacts that ordinary families in England carry (rates
//      below, each an independent draw per family; approximate published figures, rounded,
//      a model for judging burden and not data). The generator alone records no concerns,
//      moves or adult-service records, so without the overlay the protocols that read
//      them could not show their burden at all.
//
// A finding "about an ordinary baby" is any finding whose subject is the family's child
// (or, before birth, the same id as an unborn baby), in the baby's first year.
import { DateTime } from 'luxon';
import { loadPartnershipConfig } from '../src/config/partnership-config.ts';
import type { ThreadEvent } from '../src/domain/events.ts';
import { checkEvent } from '../src/domain/validate-event.ts';
import { VirtualClock } from '../src/engine/clock.ts';
import { Engine } from '../src/engine/engine.ts';
import { PROTOCOLS } from '../src/protocols/registry.ts';
import { arg } from './bench-support.ts';
import { LOOP_PRACTICE, generatePopulation, interleave, random, type Family } from './synthetic-population.ts';
import { WorkingCalendar } from '../src/domain/working-days.ts';

const ZONE = 'Europe/London';
const config = loadPartnershipConfig({ timezone: ZONE }, PROTOCOLS);
const families = arg('families', 5_000);
const seed = arg('seed', 20261123);

/** Background rates per family (first year of life, and pregnancy). */
const RATES = {
  // Recorded at booking (midwifery routine enquiry) or from the GP record.
  mentalHealthHistory: 0.2, // NICE CG192: up to 1 in 5 women have a mental health problem in pregnancy or the year after
  youngParent: 0.03, // ONS: about 3% of births are to mothers under 20
  careExperienced: 0.007, // care leavers among mothers, under 1%
  learningDisability: 0.01,
  physicalDisability: 0.03,
  domesticAbuseDisclosed: 0.02, // routine enquiry disclosures in pregnancy
  substanceMisuse: 0.01,
  previousChildRemoved: 0.003,
  isolation: 0.05,
  unsuitableHousing: 0.03,
  // Recorded after the birth by health visiting or the GP.
  feedingDifficulty: 0.15,
  excessiveCrying: 0.1, // infant colic, 10-20%
  traumaticBirth: 0.1, // mothers describing the birth as traumatic
  postnatalDepression: 0.1, // NICE CG192: 10-15%
  // The health visitor raises the offer for a family with two or more recorded needs this often.
  offerRaisedWithNeeds: 0.5,
  // Men.
  fatherSeenAtNewBirthVisit: 0.55,
  fatherSeenAtAntenatalContact: 0.3,
  // Adult services and police.
  adultMentalHealthConcern: 0.015,
  adultServiceSharesWithin7Days: 0.7,
  policeDomesticAbuseNotification: 0.01,
  policeSharesWithHealthVisiting: 0.6,
  // Moves and the front door.
  moveArea: 0.05,
  moveTransferredWithin7Days: 0.85,
  referralToCsc: 0.03, // children in need referral rates are highest under 1 (about 5%)
  referralClosed: 0.4, // no further action or signpost
  closedByUnqualified: 0.05,
} as const;

const AREAS = ['Cambridgeshire', 'Peterborough', 'Sandwell', 'Birmingham', 'Norfolk', 'Suffolk'];

function minute(text: unknown): DateTime {
  return DateTime.fromISO(String(text), { zone: ZONE });
}

const CLOSING_CODES = [
  'immunisations-overdue',
  'child-not-seen',
  'agreed-action-overdue',
  'referral-outcome-missing',
  'information-not-acknowledged',
  'no-lead-professional',
  'escalation-unresolved',
];
const calendar = new WorkingCalendar(ZONE);

/**
 * The receiver's acknowledgement of a share the overlay adds, at the generator's handover
 * rates (LOOP_PRACTICE), drawn from its own random stream so the overlay's other draws do
 * not move. Returns whether the receipt was late or missing (a lapse the rates imply).
 */
function acknowledge(
  add: (at: DateTime, event: Record<string, unknown>) => string,
  shared: { id: string; at: DateTime; person: string; receiver: string },
  rand: () => number,
): boolean {
  const draw = rand();
  const onDay = (days: number) =>
    DateTime.fromMillis(calendar.endOfWorkingDaysAfter(shared.at.toMillis(), days), { zone: ZONE }).set({ hour: 15, minute: 0 });
  const ack = { type: 'information.acknowledged', person: shared.person, agency: shared.receiver, of: shared.id };
  if (draw < LOOP_PRACTICE.handoverAcknowledgedWithin2WorkingDays) {
    add(DateTime.max(onDay(Math.floor(rand() * 3)), shared.at.plus({ minutes: 1 })), ack);
    return false;
  }
  if (draw < LOOP_PRACTICE.handoverAcknowledgedWithin2WorkingDays + LOOP_PRACTICE.handoverAcknowledgedLater)
    add(onDay(3 + Math.floor(rand() * 4)), ack);
  return true;
}

/** Adds the ordinary-life background to a generated family (same ids, valid events, time order kept by the caller). */
function overlay(family: Family, rand: () => number, ackRand: () => number): Family {
  const events = [...family.events];
  const booking = events.find((e) => e.type === 'pregnancy.booked')!;
  const birth = events.find((e) => e.type === 'birth')!;
  const mother = String(booking.person);
  const child = family.child;
  const father = events.some((e) => e.type === 'relationship.recorded' && e.kind === 'father')
    ? child.replace(/-child$/, '-father')
    : undefined;
  const area = String(events.find((e) => e.type === 'person.recorded' && e.person === mother)!.area);
  const booked = minute(booking.at);
  const born = minute(birth.at).startOf('day');
  const iso = (at: DateTime) => at.toFormat("yyyy-MM-dd'T'HH:mm");
  let n = 0;
  const add = (at: DateTime, event: Record<string, unknown>) => {
    const id = `${child}#o${n++}`;
    events.push({ ...event, at: iso(at), id });
    return id;
  };
  const lapses = { ...family.lapses };
  const share = (at: DateTime, event: Record<string, unknown>) => {
    const id = add(at, event);
    if (acknowledge(add, { id, at, person: String(event.person), receiver: String(event.to) }, ackRand))
      lapses['information-not-acknowledged'] = (lapses['information-not-acknowledged'] ?? 0) + 1;
  };
  const concern = (at: DateTime, person: string, kind: string, agency: string) =>
    add(at, { type: 'concern.recorded', person, kind, agency, severity: 'low' });
  const chance = (p: number) => rand() < p;

  // Antenatal: history and circumstances recorded at booking.
  const atBooking = booked.plus({ minutes: 20 });
  let antenatalNeeds = 0;
  const antenatal: [number, string, string][] = [
    [RATES.mentalHealthHistory, 'mental-health', 'midwifery'],
    [RATES.youngParent, 'young-parent', 'midwifery'],
    [RATES.careExperienced, 'care-experienced-parent', 'midwifery'],
    [RATES.learningDisability, 'learning-disability', 'gp'],
    [RATES.physicalDisability, 'physical-disability', 'gp'],
    [RATES.domesticAbuseDisclosed, 'domestic-abuse', 'midwifery'],
    [RATES.substanceMisuse, 'substance-misuse', 'midwifery'],
    [RATES.previousChildRemoved, 'previous-child-removed', 'midwifery'],
    [RATES.isolation, 'isolation', 'midwifery'],
    [RATES.unsuitableHousing, 'unsuitable-housing', 'midwifery'],
  ];
  for (const [p, kind, agency] of antenatal)
    if (chance(p)) {
      concern(atBooking, mother, kind, agency);
      antenatalNeeds++;
    }

  // The antenatal health-visiting contact: sometimes the father is there.
  const antenatalContact = events.find((e) => e.type === 'contact' && e.kind === 'antenatal-contact');
  if (antenatalContact && father && chance(RATES.fatherSeenAtAntenatalContact)) antenatalContact.seen = [mother, father];

  // Postnatal needs, recorded at the new birth visit or the 6-8 week review.
  let postnatalNeeds = 0;
  const nbv = events.find((e) => e.type === 'contact' && e.kind === 'new-birth-visit');
  const nbvAt = nbv ? minute(nbv.at) : born.plus({ days: 14, hours: 10 });
  if (nbv && father && chance(RATES.fatherSeenAtNewBirthVisit)) nbv.seen = [child, mother, father];
  if (chance(RATES.feedingDifficulty)) {
    concern(nbvAt.plus({ minutes: 30 }), child, 'feeding-difficulty', 'health-visiting');
    postnatalNeeds++;
  }
  if (chance(RATES.traumaticBirth)) {
    concern(nbvAt.plus({ minutes: 31 }), mother, 'traumatic-birth', 'health-visiting');
    postnatalNeeds++;
  }
  if (chance(RATES.excessiveCrying)) {
    concern(born.plus({ days: 42, hours: 11 }), child, 'excessive-crying', 'health-visiting');
    postnatalNeeds++;
  }
  if (chance(RATES.postnatalDepression)) {
    concern(born.plus({ days: 49, hours: 11 }), mother, 'postnatal-depression', 'gp');
    postnatalNeeds++;
  }
  // The offer: universal, raised for some families with several needs.
  const level = antenatalNeeds + postnatalNeeds >= 2 && chance(RATES.offerRaisedWithNeeds) ? 'universal-plus' : 'universal';
  add(nbvAt.plus({ minutes: 45 }), { type: 'service-level.set', person: child, level, agency: 'health-visiting' });

  // Adult services.
  if (chance(RATES.adultMentalHealthConcern)) {
    const at = born.plus({ days: 30 + Math.floor(rand() * 200), hours: 14 });
    concern(at, mother, 'anxiety', 'adult-mental-health');
    if (chance(RATES.adultServiceSharesWithin7Days))
      share(at.plus({ days: 1 + Math.floor(rand() * 5) }), {
        type: 'information.shared',
        person: mother,
        agency: 'adult-mental-health',
        to: rand() < 0.5 ? 'gp' : 'health-visiting',
        content: ['anxiety'],
      });
  }
  if (chance(RATES.policeDomesticAbuseNotification)) {
    const at = born.plus({ days: 20 + Math.floor(rand() * 300), hours: 23 });
    concern(at, mother, 'domestic-abuse', 'police');
    if (chance(RATES.policeSharesWithHealthVisiting))
      share(at.plus({ days: 2 }), {
        type: 'information.shared',
        person: child,
        agency: 'police',
        to: 'health-visiting',
        content: ['domestic abuse notification'],
      });
  }

  // A move to another area, usually with the record transferred.
  if (chance(RATES.moveArea)) {
    const at = born.plus({ days: 60 + Math.floor(rand() * 250), hours: 12 });
    const to = AREAS.filter((a) => a !== area)[Math.floor(rand() * (AREAS.length - 1))];
    add(at, { type: 'address.changed', persons: father ? [mother, father, child] : [mother, child], area: to, agency: 'health-visiting' });
    if (chance(RATES.moveTransferredWithin7Days))
      share(at.plus({ days: 1 + Math.floor(rand() * 5) }), {
        type: 'information.shared',
        person: child,
        agency: 'health-visiting',
        to: 'health-visiting',
        area: to,
        content: ['new to area transfer'],
      });
    add(at.plus({ days: 10 }), { type: 'gp.registered', person: child, area: to, agency: 'gp' });
  }

  // A contact with the front door.
  if (chance(RATES.referralToCsc)) {
    const at = born.plus({ days: 30 + Math.floor(rand() * 300), hours: 11 });
    add(at, { type: 'referral.made', person: child, to: 'children-social-care', agency: 'health-visiting', reason: 'concern about care' });
    const closed = chance(RATES.referralClosed);
    const unqualified = closed && chance(RATES.closedByUnqualified);
    add(at.plus({ hours: 20 }), {
      type: 'referral.decision',
      person: child,
      agency: 'children-social-care',
      outcome: closed ? 'no-further-action' : 'assessment',
      recordedBy: { role: unqualified ? 'contact officer' : 'social worker', qualified: !unqualified },
    });
  }
  events.sort((a, b) => String(a.at).localeCompare(String(b.at)));
  return { ...family, events, lapses };
}

/**
 * The ordinary background of neglect indicators (each a share of families in the baby's first
 * year; a model with round rates, not data): a baby asleep and not seen at one home visit, a
 * no-access visit, poor home conditions, a prescription not collected, a service declined.
 */
const NEGLECT_BACKGROUND = {
  childNotSeenAtAVisit: 0.05,
  seenWithin5WorkingDays: 0.9, // a clinic appointment a day or four later; otherwise the next weighing
  noAccessVisit: 0.08,
  poorHomeConditions: 0.02,
  treatmentNotFollowed: 0.03,
  serviceDeclined: 0.03,
} as const;

/** Records that mean the child was seen (as the child-not-seen protocol reads them). */
function seesChild(e: Record<string, unknown>, child: string): boolean {
  if (e.type === 'measurement' || e.type === 'immunisation.given') return e.person === child;
  if (e.type !== 'contact' || e.kind === 'phone-call' || e.kind === 'supervision-session') return false;
  return (Array.isArray(e.seen) && e.seen.includes(child)) || (e.person === child && e.childSeen !== false);
}

/** Adds NEGLECT_BACKGROUND's records, from its own random stream; a child left unseen past the window is a lapse. */
function neglectBackground(family: Family, rand: () => number): Family {
  const events = [...family.events];
  const birth = events.find((e) => e.type === 'birth')!;
  const mother = String(birth.mother);
  const child = family.child;
  const born = minute(birth.at).startOf('day');
  const iso = (at: DateTime) => at.toFormat("yyyy-MM-dd'T'HH:mm");
  let n = 0;
  const add = (at: DateTime, event: Record<string, unknown>) => events.push({ ...event, at: iso(at), id: `${child}#n${n++}` });
  const someDay = () => born.plus({ days: 30 + Math.floor(rand() * 300), hours: 10 + Math.floor(rand() * 6) });
  const lapses = { ...family.lapses };
  if (rand() < NEGLECT_BACKGROUND.childNotSeenAtAVisit) {
    const at = someDay();
    add(at, { type: 'contact', person: child, kind: 'home-visit', agency: 'health-visiting', childSeen: false, note: 'asleep upstairs' });
    if (rand() < NEGLECT_BACKGROUND.seenWithin5WorkingDays)
      add(at.plus({ days: 1 + Math.floor(rand() * 4) }), { type: 'contact', person: child, kind: 'clinic', agency: 'health-visiting' });
    const by = calendar.endOfWorkingDaysAfter(at.toMillis(), 5);
    const seen = events.some((e) => seesChild(e, child) && minute(e.at) > at && minute(e.at).toMillis() <= by);
    if (!seen) lapses['child-not-seen'] = (lapses['child-not-seen'] ?? 0) + 1;
  }
  if (rand() < NEGLECT_BACKGROUND.noAccessVisit) add(someDay(), { type: 'visit.no-access', person: child, agency: 'health-visiting' });
  const concern = (person: string, kind: string, agency: string) =>
    add(someDay(), { type: 'concern.recorded', person, kind, agency, severity: 'low' });
  if (rand() < NEGLECT_BACKGROUND.poorHomeConditions) concern(mother, 'poor-home-conditions', 'health-visiting');
  if (rand() < NEGLECT_BACKGROUND.treatmentNotFollowed) concern(child, 'treatment-not-followed', 'gp');
  if (rand() < NEGLECT_BACKGROUND.serviceDeclined)
    add(someDay(), { type: 'consent.refused', person: mother, agency: 'health-visiting', for: "referral to the children's centre" });
  events.sort((a, b) => String(a.at).localeCompare(String(b.at)));
  return { ...family, events, lapses };
}

/**
 * CP-IS checks (issue 16): unscheduled care asks about ordinary babies too. A model with round
 * rates, not data (babies under 1 attend emergency and urgent care more than any other age
 * group under 80): a third of babies are checked at one attendance in the first year, and a
 * third of those at a second; each check by an emergency department, an out-of-hours GP or an
 * ambulance service. The checks are the only records added, so any change in a protocol's
 * burden is the checks' own.
 */
const UNSCHEDULED_CARE = {
  checkedOnce: 0.33,
  checkedAgain: 0.33,
  settings: [
    [0.75, 'emergency-department', 'emergency-department'],
    [0.9, 'out-of-hours-gp', 'gp'],
    [1, 'ambulance', 'ambulance'],
  ] as [number, string, string][],
} as const;

/** Adds UNSCHEDULED_CARE's checks, from their own random stream. */
function unscheduledCareChecks(family: Family, rand: () => number): Family {
  const birth = family.events.find((e) => e.type === 'birth')!;
  const born = minute(birth.at).startOf('day');
  const checks: Record<string, unknown>[] = [];
  const check = () => {
    const at = born.plus({ days: 7 + Math.floor(rand() * 340), hours: Math.floor(rand() * 24), minutes: Math.floor(rand() * 60) });
    const draw = rand();
    const [, setting, agency] = UNSCHEDULED_CARE.settings.find(([upTo]) => draw < upTo)!;
    checks.push({ type: 'unscheduled-care.queried', person: family.child, agency, setting, at: at.toFormat("yyyy-MM-dd'T'HH:mm") });
  };
  if (rand() < UNSCHEDULED_CARE.checkedOnce) {
    check();
    if (rand() < UNSCHEDULED_CARE.checkedAgain) check();
  }
  if (checks.length === 0) return family;
  checks.forEach((c, i) => (c.id = `${family.child}#u${i}`));
  const events = [...family.events, ...checks].sort((a, b) => String(a.at).localeCompare(String(b.at)));
  return { ...family, events };
}

function prepare(inputs: readonly Record<string, unknown>[]): ThreadEvent[] {
  return inputs.map((input, i) => {
    const checked = checkEvent(input, ZONE, i + 1, typeof input.id === 'string' ? input.id : `k${i}`, 0);
    if (!checked.ok) throw new Error(`synthetic event ${i} invalid: ${JSON.stringify(checked.problems)} ${JSON.stringify(input)}`);
    checked.event.recordedAt = checked.event.at;
    return checked.event;
  });
}

interface Burden {
  ordinary: number;
  perCode: Map<string, number>;
  babiesWithAny: number;
  risky: number;
  riskyCaught: number;
  events: number;
  ms: number;
}

function run(population: Family[]): Burden {
  const t = performance.now();
  const events = prepare(interleave(population));
  const engine = new Engine({ protocols: PROTOCOLS, config, clock: new VirtualClock() });
  for (const event of events) engine.record(event);
  // 30 days after the last record of the first year; immunisations given after it (the 1-year
  // stage, given late) do not move the end, so every other figure keeps its horizon.
  const lastOfYear = events.filter((e) => e.type !== 'immunisation.given').at(-1)!.at;
  engine.runUntil(lastOfYear + 30 * 86_400_000);
  const ordinary = population.filter((f) => !f.risk);
  const perCode = new Map<string, number>();
  let babiesWithAny = 0;
  for (const family of ordinary) {
    const findings = engine.world.findingsAbout(family.child);
    if (findings.length > 0) babiesWithAny++;
    for (const f of findings) {
      perCode.set(f.code, (perCode.get(f.code) ?? 0) + 1);
      // Sub-rules a protocol raises under distinct keys, shown beneath it.
      const part =
        f.code === 'male-carer-not-identified'
          ? f.dedupeKey === 'identify'
            ? 'no man identified'
            : 'man not seen or checked'
          : f.code === 'pre-birth-assessment-indicated'
            ? `${f.severity} (${f.dedupeKey === 'high' ? 'from 20 weeks' : 'before 20 weeks'})`
            : undefined;
      if (part) perCode.set(`${f.code}\u0000${part}`, (perCode.get(`${f.code}\u0000${part}`) ?? 0) + 1);
    }
  }
  const risky = population.filter((f) => f.risk);
  const riskyCaught = risky.filter((f) => engine.world.findingsAbout(f.child).length > 0).length;
  if (engine.failures.length > 0) console.error(`protocol failures: ${JSON.stringify(engine.failures.slice(0, 3))}`);
  return {
    ordinary: ordinary.length,
    perCode,
    babiesWithAny,
    risky: risky.length,
    riskyCaught,
    events: events.length,
    ms: performance.now() - t,
  };
}

function main() {
  const started = performance.now();
  const population = generatePopulation({ families, seed, closingTheLoop: true });
  const rand = random(seed ^ 0x5eed);
  const ackRand = random(seed ^ 0xac4);
  const neglectRand = random(seed ^ 0x9e6);
  const checkRand = random(seed ^ 0xc915);
  const withOverlay = population.map((f) => unscheduledCareChecks(neglectBackground(overlay(f, rand, ackRand), neglectRand), checkRand));
  const plain = run(population);
  const life = run(withOverlay);

  const codes = [...new Set(PROTOCOLS.flatMap((p) => p.codes))];
  const per1000 = (b: Burden, code: string) => (((b.perCode.get(code) ?? 0) / b.ordinary) * 1000).toFixed(1);
  console.log(`Alert burden: findings per 1,000 ordinary babies (first year), ${PROTOCOLS.length} protocols, seed ${seed}`);
  console.log(
    `  generator as is:         ${plain.ordinary.toLocaleString('en-GB')} ordinary babies, ${plain.events.toLocaleString('en-GB')} events, ${(plain.ms / 1000).toFixed(1)} s`,
  );
  console.log(
    `  with ordinary-life overlay: ${life.ordinary.toLocaleString('en-GB')} ordinary babies, ${life.events.toLocaleString('en-GB')} events, ${(life.ms / 1000).toFixed(1)} s`,
  );
  console.log('');
  console.log(
    `| ${'protocol (finding code)'.padEnd(38)} | generator | + overlay | implied by the practice rates (+ overlay) | beyond them |`,
  );
  console.log(`|${'-'.repeat(40)}|----------:|----------:|------------------------------------------:|------------:|`);
  const implied = (population: Family[], code: string) =>
    (population.filter((f) => !f.risk).reduce((sum, f) => sum + (f.lapses?.[code] ?? 0), 0) / population.filter((f) => !f.risk).length) *
    1000;
  for (const code of codes) {
    const loop = CLOSING_CODES.includes(code);
    const imp = loop ? implied(withOverlay, code) : undefined;
    const beyond = imp === undefined ? '' : (Number(per1000(life, code)) - imp).toFixed(1);
    console.log(
      `| ${code.padEnd(38)} | ${per1000(plain, code).padStart(9)} | ${per1000(life, code).padStart(9)} | ${(imp === undefined ? '' : `${implied(population, code).toFixed(1)} (${imp.toFixed(1)})`).padStart(41)} | ${beyond.padStart(11)} |`,
    );
    const parts = [...new Set([...plain.perCode.keys(), ...life.perCode.keys()])].filter((k) => k.startsWith(`${code}\u0000`)).sort();
    for (const part of parts)
      console.log(
        `| ${`  of which ${part.split('\u0000')[1]}`.padEnd(38)} | ${per1000(plain, part).padStart(9)} | ${per1000(life, part).padStart(9)} | | |`,
      );
  }
  const total = (b: Burden) =>
    (([...b.perCode].filter(([k]) => !k.includes('\u0000')).reduce((a, [, c]) => a + c, 0) / b.ordinary) * 1000).toFixed(1);
  console.log(`| ${'all findings'.padEnd(38)} | ${total(plain).padStart(9)} | ${total(life).padStart(9)} |`);
  const pct = (b: Burden) => `${((b.babiesWithAny / b.ordinary) * 100).toFixed(1)}%`;
  console.log(`| ${'babies raising any finding'.padEnd(38)} | ${pct(plain).padStart(9)} | ${pct(life).padStart(9)} |`);
  console.log(
    `\nFamilies with an injected risk raising a finding: ${plain.riskyCaught} of ${plain.risky} (generator), ${life.riskyCaught} of ${life.risky} (with overlay).`,
  );
  console.log(`Total ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main();
