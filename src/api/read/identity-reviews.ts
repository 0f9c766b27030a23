import type { WorldView } from '../../engine/world-view.ts';
import { isUnderMonths } from '../../protocols/support/age.ts';

/** Why a possible match comes where it does in the queue, most urgent first. */
export const REVIEW_PRIORITIES = [
  // The invisible man: a man who may be the father or carer of a baby, whose other records
  // (probation, police, mental health) only count once he is recognised.
  'a man and a household with a baby or an unborn child',
  'a household with a child under 5',
  'other possible matches',
] as const;

export interface IdentityReview {
  readonly person: string;
  readonly candidate: string;
  readonly matchWeight: number;
  readonly probability: number;
  readonly explanation?: string;
  readonly raisedAt: string;
  /** 1 is the most urgent; see `priorityReason`. */
  readonly priority: number;
  readonly priorityReason: (typeof REVIEW_PRIORITIES)[number];
}

/**
 * The possible matches waiting for a practitioner, ordered by what matters most: first a
 * man and a household with a baby under one or an unborn child, then households with a
 * child under five, then the rest; within each, the likeliest match first, then the
 * oldest.
 */
export function identityReviewQueue(world: WorldView, now: number, zone: string): IdentityReview[] {
  const reviews = world.pendingReviews().map((event): IdentityReview => {
    const sides = [event.data.person, event.data.candidate];
    const man = sides.some((id) => isMan(world, id));
    const priority =
      man && sides.some((id) => hasChild(world, id, now, zone, 12)) ? 1 : sides.some((id) => hasChild(world, id, now, zone, 60)) ? 2 : 3;
    return {
      person: event.data.person,
      candidate: event.data.candidate,
      matchWeight: event.data.matchWeight,
      probability: event.data.probability,
      explanation: event.data.explanation,
      raisedAt: new Date(event.at).toISOString(),
      priority,
      priorityReason: REVIEW_PRIORITIES[priority - 1],
    };
  });
  return reviews.sort((a, b) => a.priority - b.priority || b.probability - a.probability || a.raisedAt.localeCompare(b.raisedAt));
}

function isMan(world: WorldView, id: string): boolean {
  return world.identityGroup(id).some((same) => {
    const person = world.person(same);
    return person?.sex === 'male' && person.role === 'adult';
  });
}

/** Whether the person (any of their records) is recorded with an unborn child or a child under `months`. */
function hasChild(world: WorldView, id: string, now: number, zone: string, months: number): boolean {
  return world.childrenOf(id).some((relationship) => {
    const child = world.person(relationship.of);
    return child !== undefined && (child.role === 'unborn' || isUnderMonths(child, now, months, zone));
  });
}
