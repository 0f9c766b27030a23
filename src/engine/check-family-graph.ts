import type { ThreadEvent } from '../domain/events.ts';
import type { FieldProblem } from '../domain/validation-error.ts';
import type { RelationshipKind } from '../domain/vocabulary.ts';
import type { Relationship } from './world-view.ts';

/** What the family-graph check needs to know of the record. */
export interface FamilyGraphView {
  /** Relationships in which the child (or any record of the same person) is the child. */
  carersOf(childId: string): readonly Relationship[];
  /** This record and every record linked to it as the same person. */
  identityGroup(id: string): string[];
}

/**
 * The kinds that put one person above another in a family: a parent, a carer, a
 * grandparent, a parent's partner. Nobody can be above themselves, however many steps
 * it takes; siblings and household members are side by side and may form any pattern.
 */
const ABOVE: ReadonlySet<RelationshipKind> = new Set([
  'mother',
  'father',
  'male-carer',
  'female-carer',
  'grandparent',
  'partner-of-parent',
]);

interface Step {
  person: string;
  kind: RelationshipKind;
  of: string;
}

/**
 * A chain of recorded relationships from `from` up to anyone in `targets` (each step: a
 * person recorded above a child), following every record of the same person; undefined
 * when there is none. `ignoring` is a relationship being corrected away.
 */
function chainUp(world: FamilyGraphView, from: string, targets: ReadonlySet<string>, ignoring?: string): Step[] | undefined {
  const seen = new Set<string>([from]);
  const queue: { id: string; path: Step[] }[] = [{ id: from, path: [] }];
  while (queue.length > 0) {
    const { id, path } = queue.shift()!;
    for (const relationship of world.carersOf(id)) {
      if (!ABOVE.has(relationship.kind) || relationship.key === ignoring) continue;
      const next = [...path, { person: relationship.person, kind: relationship.kind, of: relationship.of }];
      for (const same of world.identityGroup(relationship.person)) if (targets.has(same)) return next;
      if (seen.has(relationship.person)) continue;
      seen.add(relationship.person);
      queue.push({ id: relationship.person, path: next });
    }
  }
  return undefined;
}

const describe = (chain: readonly Step[]) =>
  chain.map((s) => `${JSON.stringify(s.person)} is recorded as ${s.kind} of ${JSON.stringify(s.of)}`).join(', ');

/**
 * Refuses a record that would make a family impossible: someone above a child who is
 * already above them (two people each other's parent, a child their own parent's
 * parent, anyone their own ancestor), and an identity link joining a person with their
 * own parent, child or any ancestor or descendant.
 */
const NONE: FieldProblem[] = [];

export function checkFamilyGraph(event: ThreadEvent, world: FamilyGraphView): FieldProblem[] {
  let above: { field: string; person: string; kind: RelationshipKind; child: string } | undefined;
  if (event.type === 'relationship.recorded' && ABOVE.has(event.data.kind))
    above = { field: 'person', person: event.data.person, kind: event.data.kind, child: event.data.of };
  else if (event.type === 'pregnancy.booked')
    above = { field: 'person', person: event.data.person, kind: 'mother', child: event.data.unborn };
  else if (event.type === 'birth') above = { field: 'mother', person: event.data.mother, kind: 'mother', child: event.data.child };

  if (above) {
    const ignoring = event.supersedes;
    const childGroup = new Set(world.identityGroup(above.child));
    if (childGroup.has(above.person) && above.person !== above.child)
      return [
        {
          field: above.field,
          reason: `${JSON.stringify(above.person)} and ${JSON.stringify(above.child)} are linked as the same person, who cannot be their own ${above.kind}`,
        },
      ];
    const chain = chainUp(world, above.person, childGroup, ignoring);
    if (chain)
      return [
        {
          field: above.field,
          reason: `${JSON.stringify(above.person)} cannot be ${above.kind} of ${JSON.stringify(above.child)}, who is already above them (${describe(chain)}): nobody is their own ancestor`,
        },
      ];
  }

  if (event.type === 'identity.linked') {
    const { person, to } = event.data;
    const fromTo = chainUp(world, person, new Set(world.identityGroup(to)));
    const toFrom = fromTo ? undefined : chainUp(world, to, new Set(world.identityGroup(person)));
    const chain = fromTo ?? toFrom;
    if (chain)
      return [
        {
          field: 'to',
          reason: `${JSON.stringify(person)} and ${JSON.stringify(to)} cannot be the same person: one is recorded above the other (${describe(chain)})`,
        },
      ];
  }
  return NONE;
}
