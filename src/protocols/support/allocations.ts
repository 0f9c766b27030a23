// Who is named for a child: allocations set and ended (shared/spec/scenarios.md, "Version 2
// additions"), read from the record so that every reader (protocols, the engine naming a
// finding's owner, the child's page) sees the same history.
import type { ThreadEvent } from '../../domain/events.ts';
import type { Agency, AllocationRole } from '../../domain/vocabulary.ts';
import type { WorldView } from '../../engine/world-view.ts';

export interface Allocation {
  role: AllocationRole;
  name: string;
  agency: Agency;
  since: number;
  key: string;
  ended?: { at: number; reason: string; key: string };
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Every allocation of the child recorded by `at`, oldest first; an ending closes the matching open one. */
export function allocationHistory(world: WorldView, childId: string, at: number): Allocation[] {
  const records = [...world.eventsOf(childId, 'allocation.set'), ...world.eventsOf(childId, 'allocation.ended')]
    .filter((e) => e.at <= at)
    .sort((a, b) => a.at - b.at || a.seq - b.seq) as ThreadEvent<'allocation.set' | 'allocation.ended'>[];
  const history: Allocation[] = [];
  for (const record of records) {
    if (record.type === 'allocation.set') {
      history.push({ role: record.data.role, name: record.data.name, agency: record.agency!, since: record.at, key: record.key });
      continue;
    }
    const open = history.find(
      (a) => !a.ended && a.role === record.data.role && a.agency === record.agency && sameName(a.name, record.data.name),
    );
    if (open) open.ended = { at: record.at, reason: record.data.reason, key: record.key };
  }
  return history;
}

export function currentAllocations(world: WorldView, childId: string, at: number): Allocation[] {
  return allocationHistory(world, childId, at).filter((a) => !a.ended);
}

/**
 * The named practitioner who holds the child for an agency: its lead professional if it
 * has one, else its other current allocation (the most recent).
 */
export function namedLeadFor(world: WorldView, childId: string, agency: Agency, at: number): Allocation | undefined {
  const mine = currentAllocations(world, childId, at).filter((a) => a.agency === agency);
  return mine.find((a) => a.role === 'lead-professional') ?? mine.at(-1);
}
