import type { ThreadEvent } from '../../domain/events.ts';
import type { WorldView } from '../../engine/world-view.ts';

/**
 * The first record showing children's social care has the concern since `since`: a
 * referral to it, its own decision on one (it cannot decide on a referral it does not
 * have), or a strategy discussion. A record dated only by the day (stored at midnight)
 * on the day of `since` counts, since it may have been made at any time that day.
 */
export function referralSince(world: WorldView, childId: string, since: number, dayStart: number): ThreadEvent | undefined {
  return world.eventsOf(childId).find((e) =>
    (e.at >= since || e.at === dayStart) &&
    ((e.type === 'referral.made' && e.data.to === 'children-social-care') ||
      e.type === 'referral.decision' ||
      e.type === 'strategy.discussion'));
}
