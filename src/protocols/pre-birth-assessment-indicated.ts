import { z } from 'zod';
import type { FindingDraft, FindingSeverity } from '../domain/findings.ts';
import { DAY_MS, addLocalDays, endOfLocalDay, formatDay, localDaysBetween, startOfLocalDay } from '../domain/time.ts';
import type { PersonState, WorldView } from '../engine/world-view.ts';
import { defineProtocol, type WakeRequest } from './protocol.ts';
import { cite } from './support/describe.ts';
import { cscResponse } from './support/csc-response.ts';
import {
  describeFactors,
  factorEvidence,
  familyAdults,
  familyConcerns,
  scoreVulnerability,
  siblingRemovals,
  weightsSchema,
  type ConcernWeights,
} from './support/vulnerability.ts';

const CODE = 'pre-birth-assessment-indicated';

/**
 * Default weights against a threshold of 4. A factor that the pre-birth procedures name as
 * reason enough for a referral weighs 4 (a previous child removed: CSPR 001, Jack, whose
 * elder brother had been adopted the month before). Factors that together with one other
 * of their kind make the "constellation" of CSPR 000 (Child D: care-experienced mother with
 * learning difficulties) weigh 2: care experience, learning disability, domestic abuse,
 * substance or alcohol misuse, severe mental illness, an anonymous concern about the unborn
 * baby, known neglect or rough handling. Lesser factors weigh 1, so that four of them
 * together also meet the protocol (the London and Cambridgeshire pre-birth procedures list
 * young parenthood, mental ill health, isolation, poor housing, adverse childhood
 * experiences, offending and non-engagement as concerns to weigh together). Postnatal
 * factors (feeding, crying, unsafe sleep, traumatic birth) and a physical disability do not
 * count before birth (CSPR 000, Child C: a physical disability was not a safeguarding
 * factor in itself).
 * Version 1.1: treatment not followed and dental neglect (version 2's neglect indicators)
 * weigh 1, as poor hygiene does; home conditions improved is a positive observation and
 * weighs nothing.
 */
const DEFAULT_WEIGHTS: ConcernWeights = {
  'previous-child-removed': 4,
  'care-experienced-parent': 2,
  'learning-disability': 2,
  'domestic-abuse': 2,
  'substance-misuse': 2,
  'alcohol-misuse': 2,
  psychosis: 2,
  'suicidal-ideation': 2,
  'anonymous-referral': 2,
  neglect: 2,
  'rough-handling': 2,
  'mental-health': 1,
  anxiety: 1,
  'postnatal-depression': 1,
  'adverse-childhood-experiences': 1,
  'criminal-history': 1,
  'young-parent': 1,
  isolation: 1,
  'unsuitable-housing': 1,
  'poor-home-conditions': 1,
  'poor-hygiene': 1,
  'non-engagement': 1,
  'parent-minimising': 1,
  'physical-disability': 0,
  'feeding-difficulty': 0,
  'excessive-crying': 0,
  'traumatic-birth': 0,
  'unsafe-sleep': 0,
  'treatment-not-followed': 1,
  'dental-neglect': 1,
  'home-conditions-improved': 0,
};

const configSchema = z.strictObject({
  threshold: z.number().positive().max(100).default(4),
  weights: weightsSchema(DEFAULT_WEIGHTS),
  /** Cambridgeshire and Peterborough: multi-agency assessment from 13 weeks at the latest (CSPR 000). */
  assessmentFromWeeks: z.number().min(8).max(30).default(13),
  /**
   * Conference at about 24 weeks and an assessment of up to 35 days before it (CSPR 001
   * §5.39–5.40): a referral not made by 20 weeks puts both at risk, so the finding is high.
   */
  highFromWeeks: z.number().min(10).max(36).default(20),
  /** Days to make the referral once the finding is raised (medium), never past the assessment point unless already there. */
  referWithinDays: z.number().min(0).max(28).default(7),
  /** Days to make the referral once the finding is high. */
  highReferWithinDays: z.number().min(0).max(14).default(1),
});
type Config = z.output<typeof configSchema>;

/** The local start of the day at which the pregnancy reaches `weeks` (40 weeks at the due date). */
function atGestation(unborn: PersonState, weeks: number, zone: string): number {
  return addLocalDays(startOfLocalDay(unborn.dueMs!, zone), -(280 - Math.round(weeks * 7)), zone);
}

/** Completed weeks of gestation at `at`, counted in local calendar days. */
function gestationWeeks(unborn: PersonState, at: number, zone: string): number | undefined {
  if (unborn.dueMs === undefined) return undefined;
  return localDaysBetween(atGestation(unborn, 0, zone), at, zone) / 7;
}

/** Unborn babies a record may concern: the person themselves, or those of the adults it is about. */
function unbornAround(world: WorldView, personId: string): PersonState[] {
  const person = world.person(personId);
  if (!person) return [];
  if (person.role === 'unborn') return [person];
  if (person.role !== 'adult') return [];
  const found: PersonState[] = [];
  for (const rel of world.childrenOf(personId)) {
    const child = world.person(rel.of);
    if (child?.role === 'unborn' && !found.includes(child)) found.push(child);
  }
  return found;
}

function evaluateUnborn(
  world: WorldView,
  unborn: PersonState,
  now: number,
  config: Config,
  zone: string,
): { finding?: FindingDraft; wakes: WakeRequest[] } {
  const none = { wakes: [] };
  if (unborn.role !== 'unborn') return none;
  const weeks = gestationWeeks(unborn, now, zone);
  if (weeks !== undefined && weeks >= 43) return none; // the birth has not been recorded; not a pregnancy any more
  const records = [...familyConcerns(world, unborn.id, now), ...siblingRemovals(world, unborn.id, now)];
  const { score, factors } = scoreVulnerability(records, config.weights);
  if (score < config.threshold) return none;

  const pregnancyStart = unborn.dueMs === undefined ? Number.NEGATIVE_INFINITY : atGestation(unborn, 0, zone);
  const mothers = world
    .carersOf(unborn.id)
    .filter((r) => r.kind === 'mother')
    .map((r) => r.person);
  const response = cscResponse(world, [unborn.id, ...mothers], pregnancyStart, now);
  if (response.inHand) return none;

  const earlier = world.findingsAbout(unborn.id).filter((f) => f.code === CODE);
  const high = weeks !== undefined && now >= atGestation(unborn, config.highFromWeeks, zone);
  const stage: FindingSeverity = high ? 'high' : 'medium';
  const wakes: WakeRequest[] = [];
  if (!high && weeks !== undefined) {
    wakes.push({ at: atGestation(unborn, config.highFromWeeks, zone), subject: unborn.id, key: 'escalate', cause: unborn.id });
  }
  if (earlier.some((f) => f.dedupeKey === stage)) return { wakes };
  // Escalate only what is still waiting: an earlier finding someone actioned or closed with a reason stands.
  if (earlier.some((f) => f.status === 'actioned' || f.status === 'closed')) return { wakes };

  const booking = world.eventsOf(unborn.id, 'pregnancy.booked').at(-1);
  const gestationText = weeks === undefined ? 'gestation unknown' : `${Math.floor(weeks)} weeks' gestation on ${formatDay(now, zone)}`;
  const due = unborn.dueMs === undefined ? '' : `, due ${formatDay(unborn.dueMs, zone)}`;
  const adults = familyAdults(world, unborn.id).length;
  const closed = response.latest
    ? ` The only response from children's social care was a decision of ${response.latest.type === 'referral.decision' ? response.latest.data.outcome.replaceAll('-', ' ') : 'closure'} (${cite(response.latest, zone)}), which is not a pre-birth assessment.`
    : ` No referral to children's social care has been recorded for the unborn baby or the mother during this pregnancy.`;
  const timing = high
    ? ` The pregnancy has reached ${config.highFromWeeks} weeks: an assessment of up to 35 days and a pre-birth conference at about 24 weeks are now at risk${earlier.length > 0 ? '; the earlier finding has not been actioned' : ''}.`
    : ` The pre-birth protocol expects a multi-agency assessment to begin by ${config.assessmentFromWeeks} weeks' gestation${weeks === undefined ? '' : ` (${formatDay(atGestation(unborn, config.assessmentFromWeeks, zone), zone)})`}.`;
  const deadline = high
    ? now + config.highReferWithinDays * DAY_MS
    : weeks === undefined
      ? now + config.referWithinDays * DAY_MS
      : Math.max(now + DAY_MS, Math.min(now + config.referWithinDays * DAY_MS, atGestation(unborn, config.assessmentFromWeeks, zone)));
  return {
    wakes,
    finding: {
      code: CODE,
      subject: unborn.id,
      dedupeKey: stage,
      severity: stage,
      explanation:
        `Unborn baby (${gestationText}${due}${booking ? `; booked by ${cite(booking, zone)}` : ''}): the recorded vulnerabilities of the ` +
        `${adults > 1 ? 'parents and household' : 'family'} score ${score} against the pre-birth protocol threshold of ${config.threshold}. ` +
        `${describeFactors(factors, zone)}.${closed}${timing}`,
      evidence: [...(booking ? [booking.key] : []), ...factorEvidence(factors), ...(response.latest ? [response.latest.key] : [])],
      action: high
        ? "Refer to children's social care under the pre-birth protocol today and ask for a strategy discussion and a pre-birth assessment; tell the health visitor and GP. Record the referral, or a reasoned decision not to refer signed off by the safeguarding lead."
        : "Discuss with the safeguarding lead and refer to children's social care under the pre-birth protocol, so that a multi-agency pre-birth assessment can start by " +
          `${config.assessmentFromWeeks} weeks; share the history with the health visitor and GP. Record the referral, or a reasoned decision not to refer.`,
      owner: 'midwifery',
      deadline: endOfLocalDay(deadline, zone),
    },
  };
}

export const preBirthAssessmentIndicated = defineProtocol({
  id: CODE,
  version: '1.1.0',
  title: 'Pre-birth assessment indicated and no referral made',
  source:
    'Cambridgeshire and Peterborough Safeguarding Children Partnership Pre-birth Protocol (2019, revised after CSPR 000): referral where there is a history of concerns, multi-agency assessment from 13 weeks at the latest; ' +
    'CSPR 000 (Child D: a constellation of care experience, learning difficulties, adverse childhood experiences and depression should have led to a referral) and CSPR 001 (Jack: elder child adopted; conference at 24 weeks, assessment within 35 days); ' +
    'NICE CG110 Pregnancy and complex social factors (the midwife co-ordinates care and information sharing)',
  codes: [CODE],
  triggers: ['pregnancy.booked', 'person.recorded', 'relationship.recorded', 'concern.recorded', 'plan.started'],
  configSchema,
  evaluate({ event, wake, world, config, partnership, now }) {
    const zone = partnership.timezone;
    let unborn: PersonState[] = [];
    if (wake) {
      const person = world.person(wake.subject);
      if (person) unborn = [person];
    } else if (event) {
      switch (event.type) {
        case 'pregnancy.booked':
          unborn = unbornAround(world, event.data.unborn);
          break;
        case 'relationship.recorded':
          unborn = unbornAround(world, event.data.of);
          break;
        case 'plan.started': {
          // A sibling removed into care counts for every unborn baby of the same parents.
          const child = world.person(event.data.person);
          if (!child || child.role !== 'child') {
            unborn = unbornAround(world, event.data.person);
            break;
          }
          const add = (list: PersonState[]) => {
            for (const u of list) if (!unborn.includes(u)) unborn.push(u);
          };
          for (const rel of world.carersOf(child.id)) add(unbornAround(world, rel.person));
          for (const rel of world.childrenOf(child.id)) add(unbornAround(world, rel.of)); // recorded as the unborn baby's sibling
          break;
        }
        default:
          unborn = unbornAround(world, event.subject);
      }
    }
    const findings: FindingDraft[] = [];
    const wakes: WakeRequest[] = [];
    for (const baby of unborn) {
      const result = evaluateUnborn(world, baby, now, config, zone);
      if (result.finding) findings.push(result.finding);
      wakes.push(...result.wakes.filter((w) => w.at > now));
    }
    return { findings, wakes };
  },
});
