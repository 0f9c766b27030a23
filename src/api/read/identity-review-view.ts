import type { World } from '../../engine/world.ts';
import type { ThreadEvent } from '../../domain/events.ts';
import type { MatchEvidence } from '../../domain/match-evidence.ts';
import type { Principal } from '../../access/principal.ts';
import type { RecordAccess } from '../../access/record-access.ts';
import { agencyName } from '../../protocols/support/describe.ts';
import { DEFAULT_THRESHOLDS } from '../../linkage/model-parameters.ts';
import { identityReviewQueue, type IdentityReview } from './identity-reviews.ts';
import { describeAge, nameOf } from './people.ts';

/** How strong a possible match is, in words a practitioner can weigh, with the model's probability. */
export interface MatchStrength {
  words: string;
  percent: string;
  /** A GOV.UK tag colour. */
  tag: string;
}

/** Reviews lie between the thresholds at which the model parts and links on its own; these words split that band. */
export function matchStrength(probability: number): MatchStrength {
  const percent = `${Math.round(probability * 100)}%`;
  if (probability >= 0.8) return { words: 'Strong', percent, tag: 'govuk-tag--green' };
  if (probability >= 0.3) return { words: 'Moderate', percent, tag: 'govuk-tag--yellow' };
  return { words: 'Weak', percent, tag: 'govuk-tag--grey' };
}

/** One of the two people in a review, as the list shows them. */
export interface ReviewPerson {
  id: string;
  name: string;
  age: string;
  /** Only where the viewer has need-to-know of the person. */
  nhsNumber?: string;
}

export interface ReviewListItem {
  person: ReviewPerson;
  candidate: ReviewPerson;
  strength: MatchStrength;
  matchWeight: number;
  priorityReason: string;
  raisedAt: string;
}

function reviewPerson(world: World, access: RecordAccess, principal: Principal, id: string, now: number, zone: string): ReviewPerson {
  const person = world.person(id);
  return {
    id,
    name: nameOf(world, id),
    age: person ? describeAge(person, now, zone) : 'Age not recorded',
    nhsNumber: person?.nhsNumber && access.knows(principal, id) ? person.nhsNumber : undefined,
  };
}

/** The pending identity reviews, most urgent first (identity-reviews.ts), with names, ages and need-to-know NHS numbers. */
export function identityReviewList(world: World, access: RecordAccess, principal: Principal, now: number, zone: string): ReviewListItem[] {
  return identityReviewQueue(world, now, zone).map((review: IdentityReview) => ({
    person: reviewPerson(world, access, principal, review.person, now, zone),
    candidate: reviewPerson(world, access, principal, review.candidate, now, zone),
    strength: matchStrength(review.probability),
    matchWeight: review.matchWeight,
    priorityReason: sentence(review.priorityReason),
    raisedAt: review.raisedAt,
  }));
}

/** The pending review of a pair, whichever way round the pair is named. */
export function pendingReview(world: World, person: string, candidate: string): ThreadEvent<'identity.review'> | undefined {
  return world
    .pendingReviews()
    .find(
      (r) => (r.data.person === person && r.data.candidate === candidate) || (r.data.person === candidate && r.data.candidate === person),
    );
}

/** One side of the review page: what each agency recorded of the person. */
export interface ReviewRecord extends ReviewPerson {
  bornMs?: number;
  dueMs?: number;
  sex?: string;
  postcode?: string;
  area?: string;
  gp?: string;
  recordedBy: string;
  recordedAt?: number;
  relationships: string[];
}

const words = (text: string) => text.replaceAll('-', ' ');
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function organisationName(world: World, event: ThreadEvent): string {
  const code = world.organisationOf(event);
  const organisation = code ? world.organisations.get(code)?.name : undefined;
  return organisation ? `${organisation} (${agencyName(event.agency)})` : agencyName(event.agency);
}

function reviewRecord(world: World, access: RecordAccess, principal: Principal, id: string, now: number, zone: string): ReviewRecord {
  const person = world.person(id);
  const first = person?.events.find((e) => e.type === 'person.recorded' && e.data.person === id) ?? person?.events[0];
  const registration = person?.gpRegistrations.at(-1);
  const gpEvent = registration ? world.event(registration.key) : undefined;
  const describe = (other: string) => {
    const them = world.person(other);
    const age = them ? describeAge(them, now, zone) : undefined;
    return `${nameOf(world, other)}${age ? ` (${age.charAt(0).toLowerCase()}${age.slice(1)})` : ''}`;
  };
  const relationships = [
    ...world.childrenOf(id).map((r) => sentence(`${words(r.kind)} of ${describe(r.of)}`)),
    ...world.carersOf(id).map((r) => `${describe(r.person)} is their ${words(r.kind)}`),
  ];
  return {
    ...reviewPerson(world, access, principal, id, now, zone),
    bornMs: person?.bornMs,
    dueMs: person?.dueMs,
    sex: person?.sex ? sentence(person.sex) : undefined,
    postcode: person?.postcode,
    area: person?.area,
    gp: gpEvent ? organisationName(world, gpEvent) : undefined,
    recordedBy: first ? organisationName(world, first) : 'Not known',
    recordedAt: first?.at,
    relationships: [...new Set(relationships)],
  };
}

/** One line of the match waterfall as the page shows it. */
export interface WaterfallLine {
  evidence: string;
  finding: string;
  /** Signed, two decimals: + towards the same person, − towards different people. */
  weight: string;
  running: string;
  direction: 'same person' | 'different people' | 'no evidence';
}

export interface ReviewDetail {
  key: string;
  person: ReviewRecord;
  candidate: ReviewRecord;
  strength: MatchStrength;
  matchWeight: number;
  raisedAt: number;
  priorityReason: string;
  /** The model's own waterfall, stored with the review; absent on reviews raised before it was kept. */
  waterfall?: { prior: WaterfallLine; steps: WaterfallLine[]; total: string; household?: string; rule?: string; guards: string[] };
  /** The text the linker wrote when it raised the review (every review has it). */
  explanation?: string;
}

/** "About 1 in 156,000" for a small chance, "12%" otherwise. */
function oneIn(probability: number): string {
  if (probability >= 0.01) return `${Math.round(probability * 100)}% of`;
  return `About 1 in ${Number((1 / probability).toPrecision(3)).toLocaleString('en-GB')}`;
}

const signed = (weight: number) => `${weight < 0 ? '−' : '+'}${Math.abs(weight).toFixed(2)}`;
const direction = (weight: number): WaterfallLine['direction'] =>
  weight > 0 ? 'same person' : weight < 0 ? 'different people' : 'no evidence';

function waterfallLines(evidence: MatchEvidence): NonNullable<ReviewDetail['waterfall']> {
  return {
    prior: {
      evidence: evidence.household ? 'Starting point: two records at one address' : 'Starting point: two records at random',
      finding: `${oneIn(evidence.priorProbability)} such pairs are one person`,
      weight: signed(evidence.priorWeight),
      running: signed(evidence.priorWeight),
      direction: direction(evidence.priorWeight),
    },
    steps: evidence.steps.map((step) => ({
      evidence: step.title,
      finding: sentence(
        step.level === null ? (step.note ?? 'missing from one or both records') : step.note ? `${step.level}: ${step.note}` : step.level,
      ),
      weight: signed(step.weight),
      running: signed(step.runningWeight),
      direction: direction(step.weight),
    })),
    total: signed(evidence.matchWeight),
    household: evidence.household?.recordsAtAddress,
    rule: evidence.rule ?? undefined,
    guards: evidence.guards.map(sentence),
  };
}

/** The review page's content: both records side by side and the model's waterfall. */
export function identityReviewDetail(
  world: World,
  access: RecordAccess,
  principal: Principal,
  review: ThreadEvent<'identity.review'>,
  now: number,
  zone: string,
): ReviewDetail {
  const queued = identityReviewQueue(world, now, zone).find(
    (r) => r.person === review.data.person && r.candidate === review.data.candidate,
  );
  return {
    key: review.key,
    person: reviewRecord(world, access, principal, review.data.person, now, zone),
    candidate: reviewRecord(world, access, principal, review.data.candidate, now, zone),
    strength: matchStrength(review.data.probability),
    matchWeight: review.data.matchWeight,
    raisedAt: review.at,
    priorityReason: queued ? sentence(queued.priorityReason) : '',
    waterfall: review.data.waterfall ? waterfallLines(review.data.waterfall) : undefined,
    explanation: review.data.explanation,
  };
}

/** Thresholds the page explains: below the first the model parts records itself, above the second it links them. */
export const REVIEW_BAND = DEFAULT_THRESHOLDS;
