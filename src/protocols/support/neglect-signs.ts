import type { ThreadEvent } from '../../domain/events.ts';
import { DAY_MS } from '../../domain/time.ts';
import type { WorldView } from '../../engine/world-view.ts';
import { carersOf } from './family.ts';

const NEGLECT_CONCERNS = new Set(['unsafe-sleep', 'poor-hygiene', 'poor-home-conditions', 'neglect', 'non-engagement']);

/**
 * Signs of possible neglect around a child in the window before `at`: concerns of
 * those kinds about the child or a carer, no-access visits, and missed care.
 */
export function neglectSigns(world: WorldView, childId: string, at: number, windowDays: number): ThreadEvent[] {
  const from = at - windowDays * DAY_MS;
  const about = [childId, ...carersOf(world, childId).map((c) => c.id)];
  const signs = new Map<string, ThreadEvent>();
  for (const id of about) {
    for (const e of world.eventsOf(id)) {
      if (e.at < from || e.at > at) continue;
      const sign =
        (e.type === 'concern.recorded' && NEGLECT_CONCERNS.has(e.data.kind)) ||
        e.type === 'visit.no-access' ||
        (e.type === 'appointment.missed' &&
          e.subject === childId &&
          (e.data.reason === 'was-not-brought' || e.data.reason === 'did-not-attend'));
      if (sign) signs.set(e.key, e);
    }
  }
  return [...signs.values()].sort((a, b) => a.at - b.at);
}
