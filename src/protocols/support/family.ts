import type { ThreadEvent } from '../../domain/events.ts';
import type { PersonState, WorldView } from '../../engine/world-view.ts';

const CARER_KINDS = new Set(['mother', 'father', 'male-carer', 'female-carer', 'partner-of-parent', 'household-member', 'grandparent']);

/** Children and unborn babies a person cares for or lives with (themselves, if a child). */
export function childrenAround(world: WorldView, personId: string): PersonState[] {
  const self = world.person(personId);
  if (!self) return [];
  if (self.role !== 'adult') return [self];
  const children: PersonState[] = [];
  for (const rel of world.childrenOf(personId)) {
    if (!CARER_KINDS.has(rel.kind)) continue;
    const child = world.person(rel.of);
    if (child && !children.includes(child)) children.push(child);
  }
  return children;
}

/** The adults who care for a child. */
export function carersOf(world: WorldView, childId: string): PersonState[] {
  const carers: PersonState[] = [];
  for (const rel of world.carersOf(childId)) {
    if (!CARER_KINDS.has(rel.kind)) continue;
    const carer = world.person(rel.person);
    if (carer && carer.role === 'adult' && !carers.includes(carer)) carers.push(carer);
  }
  return carers;
}

/** Events about the child and, where `withCarers`, about the adults caring for them. */
export function familyEvents(world: WorldView, childId: string, withCarers: boolean): ThreadEvent[] {
  const events = [...world.eventsOf(childId)];
  if (withCarers) for (const carer of carersOf(world, childId)) events.push(...world.eventsOf(carer.id));
  return events.sort((a, b) => a.at - b.at || a.seq - b.seq);
}
