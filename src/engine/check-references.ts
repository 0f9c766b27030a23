import type { ThreadEvent } from '../domain/events.ts';
import type { FieldProblem } from '../domain/validation-error.ts';
import type { World } from './world.ts';

/**
 * The record's own rules for an event whose shape is valid: people must be known before
 * anything refers to them, children must be children, corrections must name a real record.
 */
export function checkReferences(event: ThreadEvent, world: World): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = (field: string, id: string) => {
    if (!world.hasPerson(id)) problems.push({ field, reason: `unknown person id ${JSON.stringify(id)} (record them with person.recorded first)` });
  };
  if (event.supersedes !== undefined && !world.hasEvent(event.supersedes)) {
    problems.push({ field: 'supersedes', reason: `no record with id ${JSON.stringify(event.supersedes)} to correct` });
  }
  switch (event.type) {
    case 'person.recorded': {
      const existing = world.person(event.data.person);
      if (existing && event.supersedes === undefined && !(existing.role === 'unborn' && event.data.role !== 'adult')) {
        problems.push({ field: 'person', reason: `person ${JSON.stringify(event.data.person)} is already recorded (use supersedes to correct a record)` });
      }
      break;
    }
    case 'relationship.recorded': {
      known('person', event.data.person);
      known('of', event.data.of);
      const child = world.person(event.data.of);
      if (child && child.role === 'adult') problems.push({ field: 'of', reason: `${JSON.stringify(event.data.of)} is an adult; 'of' must be a child or unborn baby` });
      if (event.data.person === event.data.of) problems.push({ field: 'person', reason: 'a person cannot be related to themselves' });
      break;
    }
    case 'address.changed':
      event.data.persons.forEach((id, i) => known(`persons.${i}`, id));
      break;
    case 'pregnancy.booked': {
      known('person', event.data.person);
      const unborn = world.person(event.data.unborn);
      if (unborn && unborn.role !== 'unborn') problems.push({ field: 'unborn', reason: `${JSON.stringify(event.data.unborn)} is recorded as ${unborn.role}, not unborn` });
      break;
    }
    case 'birth': {
      known('mother', event.data.mother);
      const child = world.person(event.data.child);
      if (child && child.role !== 'unborn') problems.push({ field: 'child', reason: `${JSON.stringify(event.data.child)} is recorded as ${child.role}; a birth turns an unborn baby into a child` });
      break;
    }
    case 'contact':
      known('person', event.data.person);
      (event.data.seen ?? []).forEach((id, i) => known(`seen.${i}`, id));
      break;
    default:
      known('person', (event.data as { person: string }).person);
  }
  return problems;
}
