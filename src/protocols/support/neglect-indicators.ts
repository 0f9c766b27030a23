// Neglect over time: the indicators of possible neglect recorded across every child and
// adult of a household, by every agency, each traceable to the record it rests on. Used by
// the persistent-neglect protocol and by the neglect picture on the household's page.
import { z } from 'zod';
import type { ThreadEvent } from '../../domain/events.ts';
import type { Finding } from '../../domain/findings.ts';
import { GCP2_AREAS, GCP2_AREA_NAMES, type Agency } from '../../domain/vocabulary.ts';
import type { WorldView } from '../../engine/world-view.ts';

export const INDICATOR_KINDS = [
  'poor-home-conditions',
  'poor-hygiene',
  'neglect',
  'treatment-not-followed',
  'dental-neglect',
  'non-engagement',
  'was-not-brought',
  'no-access-visit',
  'child-not-seen',
  'immunisations-overdue',
  'consent-refused',
  'faltering-growth',
  'gcp2-area-of-concern',
  'home-conditions-improved',
] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const INDICATOR_LABELS: Record<IndicatorKind, string> = {
  'poor-home-conditions': 'poor home conditions',
  'poor-hygiene': 'poor hygiene',
  neglect: 'neglect',
  'treatment-not-followed': 'treatment not followed',
  'dental-neglect': 'dental neglect',
  'non-engagement': 'non-engagement',
  'was-not-brought': 'not brought to an appointment',
  'no-access-visit': 'no access to a home visit',
  'child-not-seen': 'child not seen at a visit',
  'immunisations-overdue': 'immunisations overdue',
  'consent-refused': 'service or assessment refused',
  'faltering-growth': 'faltering growth',
  'gcp2-area-of-concern': 'Graded Care Profile 2 area scored 4 or 5',
  'home-conditions-improved': 'home conditions improved',
};

/**
 * Default weights. Each sign on its own is ordinary: a missed appointment, an untidy home,
 * a child asleep upstairs. "Neglect" recorded in those words and poor home conditions weigh
 * 2, as do faltering growth (NICE NG75 names neglect among its causes) and a Graded Care
 * Profile 2 area at 4 or 5 weighs 3 (the tool's own threshold of concern). Improvement is
 * counted: home conditions improved takes 2 away (CSPR 002 §8.5.2: concerns "viewed as
 * isolated incidents, rather than as a developing pattern"; a fair pattern also records
 * what got better).
 */
export const DEFAULT_INDICATOR_WEIGHTS: Record<IndicatorKind, number> = {
  'poor-home-conditions': 2,
  'poor-hygiene': 1,
  neglect: 2,
  'treatment-not-followed': 1,
  'dental-neglect': 1,
  'non-engagement': 1,
  'was-not-brought': 1,
  'no-access-visit': 1,
  'child-not-seen': 1,
  'immunisations-overdue': 1,
  'consent-refused': 1,
  'faltering-growth': 2,
  'gcp2-area-of-concern': 3,
  'home-conditions-improved': -2,
};

/** One weight per indicator kind, each defaulting, so a partnership changes only what it wants. */
export const indicatorWeightsSchema = z
  .strictObject(
    Object.fromEntries(
      INDICATOR_KINDS.map((kind) => [
        kind,
        kind === 'home-conditions-improved'
          ? z.number().min(-100).max(0).default(DEFAULT_INDICATOR_WEIGHTS[kind])
          : z.number().min(0).max(100).default(DEFAULT_INDICATOR_WEIGHTS[kind]),
      ]),
    ) as Record<IndicatorKind, z.ZodDefault<z.ZodNumber>>,
  )
  .prefault({});
export type IndicatorWeights = Record<IndicatorKind, number>;

export interface NeglectIndicator {
  kind: IndicatorKind;
  /** When it was recorded (or, for a finding, raised). */
  at: number;
  agency: Agency | undefined;
  /** Who it is about: a child of the household, or an adult. */
  person: string;
  /** The record (event key) it rests on. */
  evidence: string;
  /** What it adds to the household's score (negative for an improvement). */
  weight: number;
  /** Detail for the explanation: a GCP2 area, what was refused. */
  detail?: string;
}

const CONCERN_INDICATORS = new Set<string>([
  'poor-home-conditions',
  'poor-hygiene',
  'neglect',
  'treatment-not-followed',
  'dental-neglect',
  'non-engagement',
  'home-conditions-improved',
]);
/** An adult's own treatment or engagement with an adult service says nothing of the children's care. */
const ADULT_SERVICES = new Set<string>(['probation', 'adult-mental-health', 'substance-misuse', 'police', 'court']);
const OWN_CARE_KINDS = new Set<string>(['treatment-not-followed', 'non-engagement']);
const VISIT_KINDS = new Set<string>(['home-visit', 'new-birth-visit', 'six-to-eight-week-review', 'one-year-review', 'two-year-review']);

const PLAN_FOR_CARE = new Set<string>([
  'child-in-need',
  'child-protection',
  'unborn-child-protection',
  'looked-after',
  'interim-supervision-order',
  'interim-care-order',
]);

/** The children (born or unborn) and adults of the household of `childId`. */
export function householdMembers(world: WorldView, childId: string): { children: string[]; adults: string[] } {
  const children: string[] = [];
  const adults: string[] = [];
  for (const id of world.household(childId)) {
    const person = world.person(id);
    if (!person) continue;
    // A linked duplicate of someone already listed is the same person.
    if (world.identityGroup(id).some((same) => same !== id && (children.includes(same) || adults.includes(same)))) continue;
    (person.role === 'adult' ? adults : children).push(id);
  }
  return { children, adults };
}

/** `about`: the record is about `person` (their own record, or a record linked to them as the same person). */
function fromEvent(e: ThreadEvent, person: string, about: boolean, weights: IndicatorWeights, isChild: boolean): NeglectIndicator[] {
  if (!about) return [];
  const base = { at: e.at, agency: e.agency, person, evidence: e.key };
  switch (e.type) {
    case 'concern.recorded': {
      if (!CONCERN_INDICATORS.has(e.data.kind)) return [];
      if (!isChild && OWN_CARE_KINDS.has(e.data.kind) && e.agency && ADULT_SERVICES.has(e.agency)) return [];
      const kind = e.data.kind as IndicatorKind;
      return [{ ...base, kind, weight: weights[kind] }];
    }
    case 'appointment.missed':
      if (!isChild || (e.data.reason !== 'was-not-brought' && e.data.reason !== 'did-not-attend')) return [];
      return [{ ...base, kind: 'was-not-brought', weight: weights['was-not-brought'], detail: e.data.kind.replaceAll('-', ' ') }];
    case 'visit.no-access':
      return [{ ...base, kind: 'no-access-visit', weight: weights['no-access-visit'] }];
    case 'contact':
      if (e.data.childSeen !== false || !VISIT_KINDS.has(e.data.kind)) return [];
      return [{ ...base, kind: 'child-not-seen', weight: weights['child-not-seen'], detail: e.data.kind.replaceAll('-', ' ') }];
    case 'consent.refused':
      return [{ ...base, kind: 'consent-refused', weight: weights['consent-refused'], detail: e.data.for }];
    case 'assessment.recorded': {
      if (e.data.tool !== 'graded-care-profile-2' || !e.data.scores) return [];
      const scores = e.data.scores;
      const areas = GCP2_AREAS.filter((a) => scores[a] >= 4).map((a) => `${GCP2_AREA_NAMES[a]} ${scores[a]}`);
      return areas.length > 0
        ? [{ ...base, kind: 'gcp2-area-of-concern', weight: weights['gcp2-area-of-concern'], detail: areas.join(', ') }]
        : [];
    }
    default:
      return [];
  }
}

const FINDING_INDICATORS: Partial<Record<string, IndicatorKind>> = {
  'faltering-growth': 'faltering-growth',
  'immunisations-overdue': 'immunisations-overdue',
};

function fromFinding(world: WorldView, f: Finding, weights: IndicatorWeights): NeglectIndicator | undefined {
  const kind = FINDING_INDICATORS[f.code];
  if (!kind) return undefined;
  // Cited by the record it rests on (the weight that fell), or by the owner of the finding.
  const record = f.evidence.map((k) => world.event(k)).find((e) => e !== undefined && e.type !== 'birth' && e.type !== 'person.recorded');
  return {
    kind,
    at: f.raisedAt,
    agency: record?.agency ?? f.owner,
    person: f.subject,
    evidence: record?.key ?? f.id,
    weight: weights[kind],
  };
}

/** Every indicator recorded about the household of `childId` between `from` and `to`, oldest first. */
export function householdIndicators(
  world: WorldView,
  childId: string,
  from: number,
  to: number,
  weights: IndicatorWeights,
): NeglectIndicator[] {
  const { children, adults } = householdMembers(world, childId);
  const found = new Map<string, NeglectIndicator>();
  const add = (i: NeglectIndicator) => {
    if (i.at < from || i.at > to || i.weight === 0) return;
    found.set(`${i.kind}\u0000${i.evidence}\u0000${i.person}`, i);
  };
  for (const id of [...children, ...adults]) {
    const isChild = children.includes(id);
    const same = world.identityGroup(id);
    for (const e of world.eventsOf(id)) {
      if (e.at < from || e.at > to) continue;
      for (const i of fromEvent(e, id, e.subject === id || same.includes(e.subject), weights, isChild)) add(i);
    }
    if (isChild)
      for (const f of world.findingsAbout(id)) {
        const i = fromFinding(world, f, weights);
        if (i) add(i);
      }
  }
  return [...found.values()].sort((a, b) => a.at - b.at || a.person.localeCompare(b.person));
}

/** An open children's social care plan for any child of the household. */
export function openCarePlan(world: WorldView, children: readonly string[]): ThreadEvent | undefined {
  for (const id of children) {
    const person = world.person(id);
    if (!person) continue;
    for (const [kind, event] of person.openPlans) if (PLAN_FOR_CARE.has(kind)) return event;
  }
  return undefined;
}
