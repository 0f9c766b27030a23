import type { ThreadEvent } from '../domain/events.ts';
import type { FieldProblem } from '../domain/validation-error.ts';
import { receivingAgency, type Agency, type PersonRole } from '../domain/vocabulary.ts';
import { checkFamilyGraph, type FamilyGraphView } from './check-family-graph.ts';
import type { PersonFacts, PlausibilityView } from './check-plausibility.ts';
import type { Relationship } from './world-view.ts';

/** What the reference check needs to know of the record. */
export interface ReferenceView extends FamilyGraphView, PlausibilityView {
  roleOf(id: string): PersonRole | undefined;
  hasEvent(key: string): boolean;
  /** The agency type of an organisation of the partnership, by code. */
  organisationAgency(code: string): Agency | undefined;
  /** An earlier record by its id, for records that refer to one (action.completed, ...). */
  event(key: string): ThreadEvent | undefined;
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
  if (event.data.correctionReason !== undefined && event.supersedes === undefined)
    problems.push({ field: 'correctionReason', reason: 'is only for a correction (a record that supersedes another)' });
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
    case 'action.completed':
    case 'action.cancelled': {
      known(world, problems, 'person', event.data.person);
      const action = referenced(world, problems, event, 'action', event.data.action, 'action.agreed');
      if (action)
        onlyBy(
          problems,
          event,
          [action.agency, action.data.owner?.agency],
          `only the agency that agreed the action or its owner closes it`,
        );
      break;
    }
    case 'information.acknowledged': {
      known(world, problems, 'person', event.data.person);
      const shared = referenced(world, problems, event, 'of', event.data.of, 'information.shared');
      if (shared)
        onlyBy(
          problems,
          event,
          [receivingAgency(shared.data.to)],
          `${JSON.stringify(event.data.of)} was sent to ${shared.data.to}; only the receiver acknowledges it`,
        );
      break;
    }
    case 'referral.outcome': {
      known(world, problems, 'person', event.data.person);
      const referral = referenced(world, problems, event, 'of', event.data.of, 'referral.made');
      if (referral)
        onlyBy(
          problems,
          event,
          [receivingAgency(referral.data.to)],
          `${JSON.stringify(event.data.of)} was a referral to ${referral.data.to}; only that service records its outcome`,
        );
      break;
    }
    case 'escalation.resolved': {
      known(world, problems, 'person', event.data.person);
      const raised = referenced(world, problems, event, 'of', event.data.of, 'escalation.raised');
      if (raised)
        onlyBy(
          problems,
          event,
          [raised.agency, raised.data.to],
          'only the agency that raised the escalation or the agency it was raised with resolves it',
        );
      break;
    }
    case 'escalation.raised':
      known(world, problems, 'person', event.data.person);
      if (event.data.follows !== undefined) referenced(world, problems, event, 'follows', event.data.follows, 'escalation.raised');
      break;
    default:
      known(world, problems, 'person', (event.data as { person: string }).person);
  }
  // Only once everyone named is known: then whether the family it makes is possible.
  if (problems.length === 0) problems.push(...checkFamilyGraph(event, world));
  return problems;
}

/** A record that answers an earlier one comes from one of the agencies that may answer it. */
function onlyBy(problems: FieldProblem[], event: ThreadEvent, agencies: readonly (string | undefined)[], reason: string): void {
  if (!agencies.includes(event.agency)) problems.push({ field: 'agency', reason });
}

/**
 * A record that closes or answers an earlier one must name a record of the right type,
 * about the same person (or the same person as recorded by another agency).
 */
function referenced<T extends ThreadEvent['type']>(
  world: ReferenceView,
  problems: FieldProblem[],
  event: ThreadEvent,
  field: string,
  key: string,
  type: T,
): ThreadEvent<T> | undefined {
  const earlier = world.event(key);
  if (!earlier) {
    problems.push({ field, reason: `no ${type} record with id ${JSON.stringify(key)}` });
    return undefined;
  }
  if (earlier.type !== type) {
    problems.push({ field, reason: `${JSON.stringify(key)} is a ${earlier.type} record, not ${type}` });
    return undefined;
  }
  if (!earlier.persons.includes(event.subject)) {
    problems.push({ field, reason: `${JSON.stringify(key)} is about ${earlier.subject}, not ${event.subject}` });
    return undefined;
  }
  return earlier as unknown as ThreadEvent<T>;
}

/** The record as it will be after the earlier events of a batch: their people, relationships and links count. */
export class BatchReferences implements ReferenceView {
  private readonly roles = new Map<string, PersonRole>();
  private readonly keys = new Set<string>();
  private readonly noted = new Map<string, ThreadEvent>();
  private readonly relationships = new Map<string, Relationship[]>();
  private readonly links = new Map<string, string[]>();
  /** What the batch's earlier records say of each person (births, due dates, sex). */
  private readonly facts = new Map<string, PersonFacts>();

  constructor(private readonly base: ReferenceView) {}

  event(key: string): ThreadEvent | undefined {
    return this.noted.get(key) ?? this.base.event(key);
  }

  roleOf(id: string): PersonRole | undefined {
    return this.roles.get(id) ?? this.base.roleOf(id);
  }

  person(id: string): PersonFacts | undefined {
    return this.facts.get(id) ?? this.base.person(id);
  }

  private learn(id: string, role: PersonRole, update: Partial<PersonFacts>): void {
    const known = this.person(id);
    this.facts.set(id, { ...known, role, ...Object.fromEntries(Object.entries(update).filter(([, v]) => v !== undefined)) });
  }

  hasEvent(key: string): boolean {
    return this.keys.has(key) || this.base.hasEvent(key);
  }

  organisationAgency(code: string): Agency | undefined {
    return this.base.organisationAgency(code);
  }

  identityGroup(id: string): string[] {
    if (this.links.size === 0) return this.base.identityGroup(id);
    const group = new Set<string>([id]);
    const queue = [id];
    while (queue.length > 0) {
      const next = queue.pop()!;
      for (const same of [...this.base.identityGroup(next), ...(this.links.get(next) ?? [])]) {
        if (group.has(same)) continue;
        group.add(same);
        queue.push(same);
      }
    }
    return [...group];
  }

  carersOf(childId: string): readonly Relationship[] {
    if (this.relationships.size === 0 && this.links.size === 0) return this.base.carersOf(childId);
    return this.identityGroup(childId).flatMap((id) => [...this.base.carersOf(id), ...(this.relationships.get(id) ?? [])]);
  }

  private relate(person: string, of: string, kind: Relationship['kind'], event: ThreadEvent): void {
    const list = this.relationships.get(of) ?? [];
    list.push({ person, of, kind, at: event.at, key: event.key });
    this.relationships.set(of, list);
  }

  note(event: ThreadEvent): void {
    this.keys.add(event.key);
    this.noted.set(event.key, event);
    if (event.type === 'relationship.recorded') this.relate(event.data.person, event.data.of, event.data.kind, event);
    else if (event.type === 'pregnancy.booked') this.relate(event.data.person, event.data.unborn, 'mother', event);
    else if (event.type === 'birth') this.relate(event.data.mother, event.data.child, 'mother', event);
    else if (event.type === 'identity.linked')
      for (const [a, b] of [
        [event.data.person, event.data.to],
        [event.data.to, event.data.person],
      ])
        this.links.set(a, [...(this.links.get(a) ?? []), b]);
    if (event.type === 'person.recorded') {
      this.roles.set(event.data.person, event.data.role);
      this.learn(event.data.person, event.data.role, { sex: event.data.sex, bornMs: event.bornMs, dueMs: event.dueMs });
    } else if (event.type === 'pregnancy.booked') {
      if (this.roleOf(event.data.unborn) === undefined) this.roles.set(event.data.unborn, 'unborn');
      this.learn(event.data.unborn, this.roleOf(event.data.unborn)!, { dueMs: event.dueMs });
    } else if (event.type === 'birth') {
      this.roles.set(event.data.child, 'child');
      const { sex, gestationWeeks, gestationDays } = event.data;
      this.learn(event.data.child, 'child', { bornMs: event.at, sex, gestationWeeks, gestationDays });
    }
  }
}
