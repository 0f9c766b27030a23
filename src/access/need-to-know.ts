import type { WorldView } from '../engine/world-view.ts';
import type { World } from '../engine/world.ts';

/**
 * The people whose records stand or fall together for need-to-know: for a child or
 * unborn baby, the child's household; for an adult, the adult and the households of
 * each child they are related to. Over `world.confirmedLinksOnly()` it is the family as
 * need-to-know sees it; over the world itself, everything a view of the record shows.
 */
export function recordCircle(world: WorldView, personId: string): string[] {
  const person = world.person(personId);
  if (!person) return [];
  if (person.role !== 'adult') return world.household(personId);
  const circle = new Set<string>([personId]);
  for (const rel of world.childrenOf(personId)) for (const id of world.household(rel.of)) circle.add(id);
  return [...circle];
}

/**
 * The family for need-to-know: the record circle joined by relationships and by
 * practitioner-confirmed identity links only. An automatic link never widens it: the
 * linker links a made-up person who matches someone, so counting its links would let
 * anyone reach any family by recording a look-alike.
 */
export function accessCircle(world: World, personId: string): string[] {
  return recordCircle(world.confirmedLinksOnly(), personId);
}

/**
 * True when the organisation has a recorded involvement (src/access/involvement.ts) with
 * the person or anyone in their family. Reads each member's involvement index: no scan
 * of the family's records.
 */
export function organisationInvolved(world: World, organisation: string, personId: string): boolean {
  return accessCircle(world, personId).some((id) => world.involvementWith(id).has(organisation));
}
