import { z } from 'zod';
import type { ThreadEvent } from '../domain/events.ts';
import type { FindingDraft } from '../domain/findings.ts';
import { DAY_MS, addMonths, endOfLocalDay, formatDay, localDateKey } from '../domain/time.ts';
import type { WorldView } from '../engine/world-view.ts';
import { defineProtocol, type WakeRequest } from './protocol.ts';
import { agencyName } from './support/describe.ts';
import { relationTo } from './support/vulnerability.ts';
import {
  INDICATOR_LABELS,
  householdIndicators,
  householdMembers,
  indicatorWeightsSchema,
  openCarePlan,
  type NeglectIndicator,
} from './support/neglect-indicators.ts';

const CODE = 'persistent-neglect';

const configSchema = z.strictObject({
  /** The rolling window over which the household's indicators add up (default 24 months). */
  windowMonths: z.number().int().min(1).max(120).default(24),
  threshold: z.number().positive().max(100).default(6),
  /**
   * Different kinds of indicator needed: neglect is a pattern across the care of the children
   * (health care missed, the home, engagement), not one thing recorded many times.
   */
  minKinds: z.number().int().min(1).max(10).default(3),
  weights: indicatorWeightsSchema,
  /** Days a children's social care assessment stays open after the decision to assess (45 working days). */
  assessmentOpenDays: z.number().int().min(1).max(365).default(65),
  /** Days for the owner to complete the Graded Care Profile 2 or refer. */
  actWithinDays: z.number().int().min(1).max(60).default(10),
});
type Config = z.output<typeof configSchema>;

/** Outcomes of a front-door decision that open a children's social care assessment. */
const ASSESSING = new Set(['assessment', 'strategy-discussion', 'section-47']);

function windowStart(now: number, config: Config, zone: string): number {
  return addMonths(now, -config.windowMonths, zone);
}

/** A children's social care assessment decided for a child of the household and not yet completed. */
function openAssessment(world: WorldView, children: readonly string[], now: number, config: Config): ThreadEvent | undefined {
  for (const id of children) {
    const decisions = world
      .eventsOf(id, 'referral.decision')
      .filter(
        (e) =>
          e.type === 'referral.decision' &&
          ASSESSING.has(e.data.outcome) &&
          e.at <= now &&
          e.at >= now - config.assessmentOpenDays * DAY_MS,
      );
    const last = decisions.at(-1);
    if (!last) continue;
    const completed = world
      .eventsOf(id, 'assessment.recorded')
      .some((e) => e.type === 'assessment.recorded' && e.data.tool === 'single-assessment' && e.at >= last.at && e.at <= now);
    if (!completed) return last;
  }
  return undefined;
}

/**
 * A Graded Care Profile 2 completed in the window that found care good enough (no area at 4
 * or 5): the tool has measured the family's care. One with an area at 4 or 5 is itself an
 * indicator, and does not quieten the protocol.
 */
function reassuringGcp2(world: WorldView, children: readonly string[], from: number, now: number): ThreadEvent | undefined {
  for (const id of children)
    for (const e of world.eventsOf(id, 'assessment.recorded'))
      if (
        e.type === 'assessment.recorded' &&
        e.data.tool === 'graded-care-profile-2' &&
        e.at >= from &&
        e.at <= now &&
        !(e.data.scores && Object.values(e.data.scores).some((s) => s >= 4))
      )
        return e;
  return undefined;
}

function personLabel(world: WorldView, childId: string, personId: string): string {
  if (personId === childId) return 'this child';
  const person = world.person(personId);
  const name = [person?.name?.given, person?.name?.family].filter(Boolean).join(' ');
  if (person?.role !== 'adult') return `${name || personId} (${person?.role === 'unborn' ? 'unborn sibling' : 'sibling'})`;
  const relation = relationTo(world, childId, personId);
  return relation === 'a family member' ? name || personId : relation;
}

function describeIndicator(world: WorldView, childId: string, i: NeglectIndicator, zone: string): string {
  const points = i.weight > 0 ? `+${i.weight}` : `${i.weight}`;
  const detail = i.detail ? ` (${i.detail})` : '';
  return `${formatDay(i.at, zone)}, ${agencyName(i.agency)}, ${personLabel(world, childId, i.person)}: ${INDICATOR_LABELS[i.kind]}${detail}, ${points}`;
}

function evaluateChild(
  world: WorldView,
  childId: string,
  now: number,
  config: Config,
  zone: string,
  cause?: string,
): FindingDraft | undefined {
  const child = world.person(childId);
  if (!child || child.role === 'adult') return undefined;
  if (world.openFinding(CODE, childId)) return undefined;
  const from = windowStart(now, config, zone);
  const { children } = householdMembers(world, childId);
  if (openCarePlan(world, children) || openAssessment(world, children, now, config) || reassuringGcp2(world, children, from, now))
    return undefined;
  const indicators = householdIndicators(world, childId, from, now, config.weights);
  const score = indicators.reduce((sum, i) => sum + i.weight, 0);
  const kinds = new Set(indicators.filter((i) => i.weight > 0).map((i) => i.kind));
  if (score < config.threshold || kinds.size < config.minKinds) return undefined;
  const agencies = new Set(indicators.map((i) => i.agency).filter((a) => a !== undefined));
  const gcp2Concern = indicators.filter((i) => i.kind === 'gcp2-area-of-concern');
  const by = formatDay(now + config.actWithinDays * DAY_MS, zone);
  const action =
    gcp2Concern.length > 0
      ? `A Graded Care Profile 2 already scored an area of care at 4 or 5 (${gcp2Concern.map((i) => `${formatDay(i.at, zone)}: ${i.detail}`).join('; ')}) and no children's social care assessment or plan is open: ` +
        `discuss with the safeguarding lead today and refer to children's social care (MASH) with this chronology.`
      : `Complete a Graded Care Profile 2 with the family by ${by} (none has been done in the last ${config.windowMonths} months), covering every child of the household; ` +
        `discuss the pattern with the safeguarding lead and the family's GP, and refer to children's social care (MASH) if the profile or the discussion confirms neglect.`;
  return {
    code: CODE,
    subject: childId,
    dedupeKey: cause ?? `day:${localDateKey(now, zone)}`,
    severity: gcp2Concern.length > 0 || score >= 2 * config.threshold ? 'high' : 'medium',
    explanation:
      `Across the ${children.length === 1 ? 'child' : `${children.length} children`} of this household over the last ${config.windowMonths} months, ` +
      `${indicators.length} indicators of possible neglect recorded by ${agencies.size} ${agencies.size === 1 ? 'agency' : 'agencies'} score ${score} ` +
      `against a threshold of ${config.threshold} (${kinds.size} kinds; ${config.minKinds} needed), and no children's social care assessment or plan is open. ` +
      `Each on its own looks minor: ${indicators.map((i) => describeIndicator(world, childId, i, zone)).join('; ')}. ` +
      `Seen one at a time, neglect is missed ("start again syndrome": CSPR 001 Rec 4; CSPR 002 §8.5.2, §8.5.9).`,
    evidence: [...new Set(indicators.map((i) => i.evidence))],
    action,
    owner: 'health-visiting',
    deadline: endOfLocalDay(now + config.actWithinDays * DAY_MS, zone),
  };
}

export const persistentNeglect = defineProtocol({
  id: CODE,
  version: '1.0.0',
  title: 'Persistent signs of neglect across the children of a household',
  source:
    'NICE NG76 / CG89 Child maltreatment: when to suspect (persistent failure to provide basic care, to obtain essential health care, to keep appointments); ' +
    'NSPCC Graded Care Profile 2 (the measure of care across physical care, safety, love and care, esteem); ' +
    'Working Together to Safeguard Children 2023 (early help assessment for emerging neglect); ' +
    'CSPR 001 §5.21 and Rec 4 (the neglect history not brought together), CSPR 002 §8.1.12, §8.2.1, §8.4.1, §8.5.2 ("start again" practice: concerns "viewed as isolated incidents, rather than as a developing pattern")',
  codes: [CODE],
  triggers: ['concern.recorded', 'appointment.missed', 'visit.no-access', 'contact', 'consent.refused', 'assessment.recorded', 'finding'],
  configSchema,
  evaluate({ event, finding, wake, world, config, partnership, now }) {
    const zone = partnership.timezone;
    if (wake) {
      const raised = evaluateChild(world, wake.subject, now, config, zone, wake.cause);
      return raised ? { findings: [raised] } : undefined;
    }
    let about: string | undefined;
    if (finding) {
      if (finding.code !== 'faltering-growth' && finding.code !== 'immunisations-overdue') return undefined;
      about = finding.subject;
    } else if (event) {
      if (event.type === 'contact' && event.data.childSeen !== false) return undefined;
      about = event.subject;
    }
    if (!about || !world.person(about)) return undefined;
    // Judged at the end of the day, for every child of the household: the practitioner who
    // records the sign has the rest of the day to record what they did about it.
    const start = world.person(about)!.role === 'adult' ? world.childrenOf(about).map((r) => r.of) : [about];
    const children = new Set(start.flatMap((id) => householdMembers(world, id).children));
    // A record entered after its day (a late entry, an import) is judged at once, on its own.
    const late = event !== undefined && endOfLocalDay(event.at, zone) < now;
    const wakes: WakeRequest[] = [...children].map((id) => ({
      at: late ? now : endOfLocalDay(now, zone),
      subject: id,
      // A finding raised at the end of the day, after that day's judgement, is judged on its own.
      key: finding ? `finding:${finding.id}` : late ? `late:${event.key}` : `day:${localDateKey(now, zone)}`,
      cause: event?.key ?? finding?.id,
    }));
    return { wakes };
  },
});
