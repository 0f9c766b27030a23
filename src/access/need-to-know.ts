import type { WorldView } from '../engine/world-view.ts';
import type { Agency } from '../domain/vocabulary.ts';

/**
 * The people whose records stand or fall together for need-to-know: for a child or
 * unborn baby, the child's household; for an adult, the adult and the households of
 * each child they are related to.
 */
export function recordCircle(world: WorldView, personId: string): string[] {
  const person = world.person(personId);
  if (!person) return [];
  if (person.role !== 'adult') return world.household(personId);
  const circle = new Set<string>([personId]);
  for (const rel of world.childrenOf(personId)) for (const id of world.household(rel.of)) circle.add(id);
  return [...circle];
}

/** True when the agency has recorded anything about the person or anyone in their circle. */
export function agencyInvolved(world: WorldView, agency: Agency, personId: string): boolean {
  return recordCircle(world, personId).some((id) => world.person(id)?.agencies.has(agency) ?? false);
}
