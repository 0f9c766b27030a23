import type { ThreadEvent } from '../../domain/events.ts';
import type { WorldView } from '../../engine/world-view.ts';

/** How recently children's social care's own sight of an injury means it already knows. */
const OWN_SIGHT_MS = 7 * 86_400_000;

/**
 * The first record showing children's social care has the concern since `since`: a
 * referral or information shared with it, its own decision on a referral (it cannot
 * decide on one it does not have), or a strategy discussion; or its own record of an
 * injury to the child in the days before. A record dated only by the day (stored at
 * midnight) on the day of `since` counts, since it may have been made at any time that day.
 */
export function referralSince(world: WorldView, childId: string, since: number, dayStart: number): ThreadEvent | undefined {
  return world
    .eventsOf(childId)
    .find(
      (e) =>
        ((e.at >= since || e.at === dayStart) &&
          (((e.type === 'referral.made' || e.type === 'information.shared') && e.data.to === 'children-social-care') ||
            e.type === 'referral.decision' ||
            e.type === 'strategy.discussion')) ||
        (e.type === 'injury.observed' && e.agency === 'children-social-care' && e.at <= since && e.at >= since - OWN_SIGHT_MS),
    );
}
