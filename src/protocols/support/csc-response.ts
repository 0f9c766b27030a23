import type { ThreadEvent } from '../../domain/events.ts';
import type { WorldView } from '../../engine/world-view.ts';

/** Outcomes after which children's social care is not working with the family. */
export const CLOSING_OUTCOMES = new Set(['no-further-action', 'signpost']);

/** A record that children's social care has, or had, the family's case in hand. */
export function isCscRecord(event: ThreadEvent): boolean {
  return (
    (event.type === 'referral.made' && event.data.to === 'children-social-care') ||
    event.type === 'referral.decision' ||
    event.type === 'strategy.discussion' ||
    event.type === 'plan.started'
  );
}

/**
 * Whether children's social care has the case in hand at `at`, from records about any of
 * `ids` since `since`: a referral awaiting its decision, a decision to assess or help, a
 * strategy discussion or a plan. A referral closed with no further action or signposting is
 * not in hand. Returns the latest such record and whether it counts.
 */
export function cscResponse(
  world: WorldView,
  ids: readonly string[],
  since: number,
  at: number,
): { inHand: boolean; latest?: ThreadEvent } {
  let latest: ThreadEvent | undefined;
  const seen = new Set<string>();
  for (const id of ids) {
    for (const event of world.eventsOf(id)) {
      if (seen.has(event.key) || event.at < since || event.at > at || !isCscRecord(event)) continue;
      seen.add(event.key);
      if (!latest || event.at > latest.at || (event.at === latest.at && event.seq > latest.seq)) latest = event;
    }
  }
  if (!latest) return { inHand: false };
  const closed = latest.type === 'referral.decision' && CLOSING_OUTCOMES.has(latest.data.outcome);
  return { inHand: !closed, latest };
}
