import type { ThreadEvent } from '../../domain/events.ts';
import type { WorldView } from '../../engine/world-view.ts';

/**
 * The first record showing children's social care has the concern since `since`: a
 * referral to it, its own decision on one, or a strategy discussion.
 */
export function referralSince(world: WorldView, childId: string, since: number): ThreadEvent | undefined {
  return world.eventsOf(childId).find((e) =>
    e.at >= since &&
    ((e.type === 'referral.made' && e.data.to === 'children-social-care') ||
      e.type === 'referral.decision' ||
      e.type === 'strategy.discussion'));
}
