import type { ThreadEvent } from '../domain/events.ts';
import type { FieldProblem } from '../domain/validation-error.ts';
import type { Agency, PersonRole } from '../domain/vocabulary.ts';

/** What the reference check needs to know of the record. */
export interface ReferenceView {
  roleOf(id: string): PersonRole | undefined;
  hasEvent(key: string): boolean;
  /** The agency type of an organisation of the partnership, by code. */
  organisationAgency(code: string): Agency | undefined;
}

function known(world: ReferenceView, problems: FieldProblem[], field: string, id: string): void {
  if (world.roleOf(id) === undefined)
    problems.push({ field, reason: `unknown person id ${JSON.stringify(id)} (record them with person.recorded first)` });
}

/**
 * The record's own rules for an event whose shape is valid: people must be known before
 * anything refers to them, children must be children, corrections must name a real record.
 */
export function checkReferences(event: ThreadEvent, world: ReferenceView): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (event.supersedes !== undefined && !world.hasEvent(event.supersedes)) {
    problems.push({ field: 'supersedes', reason: `no record with id ${JSON.stringify(event.supersedes)} to correct` });
  }
  if (event.organisation !== undefined) {
    const agency = world.organisationAgency(event.organisation);
    if (!agency)
      problems.push({ field: 'organisation', reason: `${JSON.stringify(event.organisation)} is not an organisation of the partnership` });
    // An agreed action names its owner's agency, which may not be the recording organisation's.
    else if (event.agency && agency !== event.agency && event.type !== 'action.agreed')
      problems.push({ field: 'organisation', reason: `${JSON.stringify(event.organisation)} is ${agency}, not ${event.agency}` });
  }
  switch (event.type) {
    case 'person.recorded': {
      const existing = world.roleOf(event.data.person);
      if (existing && event.supersedes === undefined && !(existing === 'unborn' && event.data.role !== 'adult')) {
        problems.push({
          field: 'person',
          reason: `person ${JSON.stringify(event.data.person)} is already recorded (use supersedes to correct a record)`,
        });
      }
      break;
    }
    case 'relationship.recorded': {
      known(world, problems, 'person', event.data.person);
      known(world, problems, 'of', event.data.of);
      if (world.roleOf(event.data.of) === 'adult')
        problems.push({ field: 'of', reason: `${JSON.stringify(event.data.of)} is an adult; 'of' must be a child or unborn baby` });
      if (event.data.person === event.data.of) problems.push({ field: 'person', reason: 'a person cannot be related to themselves' });
      break;
    }
    case 'address.changed':
      for (const [i, id] of event.data.persons.entries()) known(world, problems, `persons.${i}`, id);
      break;
    case 'pregnancy.booked': {
      known(world, problems, 'person', event.data.person);
      const unborn = world.roleOf(event.data.unborn);
      if (unborn && unborn !== 'unborn')
        problems.push({ field: 'unborn', reason: `${JSON.stringify(event.data.unborn)} is recorded as ${unborn}, not unborn` });
      break;
    }
    case 'birth': {
      known(world, problems, 'mother', event.data.mother);
      const child = world.roleOf(event.data.child);
      if (child && child !== 'unborn')
        problems.push({
          field: 'child',
          reason: `${JSON.stringify(event.data.child)} is recorded as ${child}; a birth turns an unborn baby into a child`,
        });
      break;
    }
    case 'contact':
      known(world, problems, 'person', event.data.person);
      if (event.data.seen) for (const [i, id] of event.data.seen.entries()) known(world, problems, `seen.${i}`, id);
      break;
    case 'identity.linked':
    case 'identity.review':
    case 'identity.unlinked': {
      known(world, problems, 'person', event.data.person);
      const other =
        event.type === 'identity.linked'
          ? ['to', event.data.to]
          : event.type === 'identity.review'
            ? ['candidate', event.data.candidate]
            : ['from', event.data.from];
      known(world, problems, other[0], other[1]);
      if (other[1] === event.data.person) problems.push({ field: other[0], reason: 'a record cannot be linked to itself' });
      break;
    }
    default:
      known(world, problems, 'person', (event.data as { person: string }).person);
  }
  return problems;
}

/** The record as it will be after the earlier events of a batch: their people count. */
export class BatchReferences implements ReferenceView {
  private readonly roles = new Map<string, PersonRole>();
  private readonly keys = new Set<string>();

  constructor(private readonly base: ReferenceView) {}

  roleOf(id: string): PersonRole | undefined {
    return this.roles.get(id) ?? this.base.roleOf(id);
  }

  hasEvent(key: string): boolean {
    return this.keys.has(key) || this.base.hasEvent(key);
  }

  organisationAgency(code: string): Agency | undefined {
    return this.base.organisationAgency(code);
  }

  note(event: ThreadEvent): void {
    this.keys.add(event.key);
    if (event.type === 'person.recorded') this.roles.set(event.data.person, event.data.role);
    else if (event.type === 'pregnancy.booked' && this.roleOf(event.data.unborn) === undefined) this.roles.set(event.data.unborn, 'unborn');
    else if (event.type === 'birth') this.roles.set(event.data.child, 'child');
  }
}
