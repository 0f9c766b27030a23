import { EVENT_TYPES } from '../domain/event-schemas.ts';
import type { ThreadEvent } from '../domain/events.ts';
import type { Finding } from '../domain/findings.ts';
import type { Agency } from '../domain/vocabulary.ts';
import { OrganisationDirectory } from '../config/organisations.ts';
import { involvedOrganisations, recordingOrganisation } from '../access/involvement.ts';
import { recordCircle } from '../access/need-to-know.ts';
import type { PersonState, Relationship, WorldView } from './world-view.ts';
import { intern, internEvent, internFields } from './interned-strings.ts';

const NO_EVENTS: readonly ThreadEvent[] = [];
const NO_RELATIONSHIPS: readonly Relationship[] = [];
const NO_FINDINGS: readonly Finding[] = [];
// Events are indexed per person by the number of their type: an array slot is much
// cheaper than a map lookup on the path of every event and every protocol query.
const TYPE_NUMBER = new Map<string, number>(EVENT_TYPES.map((type, i) => [type, i]));

/** How many records involve an organisation with a person, and when the latest happened. */
export interface Involvement {
  records: number;
  lastAt: number;
}

const NO_INVOLVEMENT: ReadonlyMap<string, Involvement> = new Map();

/** A person as the world holds them: the public state, their events by type number, and who is involved. */
interface PersonRecord extends PersonState {
  byType: (ThreadEvent[] | undefined)[];
  /** Organisations involved with the person, by code: the need-to-know index (src/access/involvement.ts says which records count). */
  organisations: Map<string, Involvement>;
}

/** The world's state as a snapshot holds it (see World.exportState). */
export interface WorldState {
  persons: Map<string, PersonRecord>;
  byChild: Map<string, Relationship[]>;
  byAdult: Map<string, Relationship[]>;
  events: Map<string, ThreadEvent>;
  findings: Map<string, Finding[]>;
  findingIndex: Map<string, Finding>;
  sameAs: Map<string, Set<string>>;
  confirmedSameAs: Map<string, Set<string>>;
  receivers: Map<string, string[]>;
  reviews: Map<string, ThreadEvent<'identity.review'>>;
  sourced: Map<string, Map<string, string>>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The engine's projection of the log: people, relationships, plans, areas and the
 * events about each person. It is rebuilt by applying events in order.
 */
export class World implements WorldView {
  // Not readonly: a snapshot's state replaces them whole (importState).
  private persons = new Map<string, PersonRecord>();
  private byChild = new Map<string, Relationship[]>();
  private byAdult = new Map<string, Relationship[]>();
  private events = new Map<string, ThreadEvent>();
  private findings = new Map<string, Finding[]>();
  private findingIndex = new Map<string, Finding>();
  /** Every identity link, automatic or confirmed: protocols follow them all. */
  private sameAs = new Map<string, Set<string>>();
  /** Links a practitioner confirmed: the only ones that join records for need-to-know. */
  private confirmedSameAs = new Map<string, Set<string>>();
  /** The links the identity queries follow: `sameAs` here, `confirmedSameAs` in `confirmedLinksOnly()`. */
  private links = this.sameAs;
  private confirmedView?: WorldView;
  /** Organisations a record addressed to them made involved (recomputing them later would see a different family). */
  private receivers = new Map<string, string[]>();
  private reviews = new Map<string, ThreadEvent<'identity.review'>>();
  /** Records that came from another system, by resource (system, type, id): the current record of each part. */
  private sourced = new Map<string, Map<string, string>>();

  constructor(readonly organisations: OrganisationDirectory = new OrganisationDirectory()) {}

  /**
   * Everything the world holds, as plain maps, sets, arrays and objects, for a snapshot:
   * one event or finding object is shared by every index that holds it, and the V8
   * serializer keeps that sharing.
   */
  exportState(): WorldState {
    const { persons, byChild, byAdult, events, findings, findingIndex, sameAs, confirmedSameAs, receivers, reviews, sourced } = this;
    return { persons, byChild, byAdult, events, findings, findingIndex, sameAs, confirmedSameAs, receivers, reviews, sourced };
  }

  /**
   * Takes over a snapshot's state whole (the confirmed-links view reads it through its
   * prototype). The deserializer writes every string anew, so the strings the events and
   * indexes shared are pooled again (interned-strings.ts).
   */
  importState(state: WorldState): void {
    for (const event of state.events.values()) internEvent(event);
    for (const index of [state.byChild, state.byAdult]) for (const list of index.values()) for (const r of list) internFields(r);
    for (const person of state.persons.values()) {
      person.id = intern(person.id);
      if (person.area !== undefined) person.area = intern(person.area);
      if (person.postcode !== undefined) person.postcode = intern(person.postcode);
      for (const registration of person.gpRegistrations) internFields(registration);
      person.agencies = new Set([...person.agencies].map((agency) => intern(agency) as Agency));
    }
    for (const finding of state.findingIndex.values()) internFields(finding);
    // Map keys are strings too: the events are keyed by their own key, the rest by pooled ids.
    state.events = new Map([...state.events.values()].map((event) => [event.key, event]));
    state.persons = withPooledKeys(state.persons);
    state.byChild = withPooledKeys(state.byChild);
    state.byAdult = withPooledKeys(state.byAdult);
    state.findings = withPooledKeys(state.findings);
    for (const links of ['sameAs', 'confirmedSameAs'] as const)
      state[links] = new Map([...state[links]].map(([id, same]) => [intern(id), new Set([...same].map(intern))]));
    Object.assign(this, state);
    this.links = this.sameAs;
    if (this.confirmedView) (this.confirmedView as unknown as { links: Map<string, Set<string>> }).links = this.confirmedSameAs;
  }

  /**
   * This record seen through practitioner-confirmed identity links only, as need-to-know
   * sees it: an automatic link (the linker's guess, which anyone can provoke by recording
   * a made-up person who matches someone) joins nothing, and the linker's own proposals
   * (automatic links, questions for review) are not shown, since they name the other
   * record. The view's prototype is this world, so it shares all state and every query,
   * including ones added later; only the identity queries differ, because they read `links`.
   */
  confirmedLinksOnly(): WorldView {
    if (this.confirmedView) return this.confirmedView;
    const view = Object.create(this) as World;
    view.links = this.confirmedSameAs;
    view.eventsOf = (personId, type) => World.prototype.eventsOf.call(view, personId, type).filter((e) => !isLinkerProposal(e));
    this.confirmedView = view;
    return view;
  }

  organisationAgency(code: string): Agency | undefined {
    return this.organisations.get(code)?.agency;
  }

  /** The organisations involved with a person (not their family), by code. */
  involvementWith(personId: string): ReadonlyMap<string, Involvement> {
    return this.persons.get(personId)?.organisations ?? NO_INVOLVEMENT;
  }

  /** The organisation that made a record: the one it names, else the default organisation of its agency. */
  organisationOf(event: ThreadEvent): string | undefined {
    return recordingOrganisation(event, this.organisations);
  }

  /** Empties the projection, to be rebuilt by applying the log again. */
  reset(): void {
    for (const map of [
      this.persons,
      this.byChild,
      this.byAdult,
      this.events,
      this.findings,
      this.findingIndex,
      this.sameAs,
      this.confirmedSameAs,
      this.receivers,
      this.reviews,
      this.sourced,
    ])
      map.clear();
  }

  person(id: string): PersonState | undefined {
    return this.persons.get(id);
  }

  hasPerson(id: string): boolean {
    return this.persons.has(id);
  }

  roleOf(id: string): PersonState['role'] | undefined {
    return this.persons.get(id)?.role;
  }

  hasEvent(key: string): boolean {
    return this.events.has(key);
  }

  event(key: string): ThreadEvent | undefined {
    return this.events.get(key);
  }

  /**
   * Takes a family out of this world, to be evaluated elsewhere (a merge moved it to
   * another shard): every event about its people (in the order applied) and every finding
   * about them, removed from all indexes here.
   */
  extractFamily(personIds: readonly string[]): { events: ThreadEvent[]; findings: Finding[] } {
    const people = new Set(personIds);
    const events: ThreadEvent[] = [];
    for (const event of this.events.values()) if (event.persons.some((id) => people.has(id))) events.push(event);
    const findings: Finding[] = [];
    for (const id of people) {
      for (const finding of this.findings.get(id) ?? []) {
        findings.push(finding);
        this.findingIndex.delete(finding.id);
      }
      for (const map of [this.persons, this.byChild, this.byAdult, this.findings, this.sameAs, this.confirmedSameAs]) map.delete(id);
    }
    const keys = new Set(events.map((e) => e.key));
    for (const key of keys) {
      this.events.delete(key);
      this.receivers.delete(key);
    }
    for (const [pair, review] of this.reviews)
      if (people.has(review.data.person) || people.has(review.data.candidate)) this.reviews.delete(pair);
    for (const [resource, parts] of this.sourced) {
      for (const [part, key] of parts) if (keys.has(key)) parts.delete(part);
      if (parts.size === 0) this.sourced.delete(resource);
    }
    return { events, findings };
  }

  /** Every event applied, superseded ones included, in the order they were applied. */
  allEvents(): IterableIterator<ThreadEvent> {
    return this.events.values();
  }

  allPersons(): IterableIterator<PersonState> {
    return this.persons.values();
  }

  // Relationships recorded against any agency's record of the same person count for all.
  carersOf(childId: string): readonly Relationship[] {
    return this.acrossIdentity(this.byChild, childId);
  }

  childrenOf(adultId: string): readonly Relationship[] {
    return this.acrossIdentity(this.byAdult, adultId);
  }

  private acrossIdentity(index: Map<string, Relationship[]>, id: string): readonly Relationship[] {
    if (!this.links.has(id)) return index.get(id) ?? NO_RELATIONSHIPS;
    return this.identityGroup(id).flatMap((same) => index.get(same) ?? []);
  }

  household(childId: string): string[] {
    const members = new Set<string>([childId]);
    for (const carer of this.carersOf(childId)) {
      members.add(carer.person);
      for (const other of this.childrenOf(carer.person)) members.add(other.of);
    }
    // Other agencies' records of the same people belong to the household too.
    for (const id of [...members]) for (const same of this.identityGroup(id)) members.add(same);
    return [...members];
  }

  identityGroup(id: string): string[] {
    if (!this.links.has(id)) return [id];
    const group = new Set<string>([id]);
    const queue = [id];
    while (queue.length > 0) {
      for (const next of this.links.get(queue.pop()!) ?? []) {
        if (!group.has(next)) {
          group.add(next);
          queue.push(next);
        }
      }
    }
    return [...group];
  }

  pendingReviews(): ThreadEvent<'identity.review'>[] {
    return [...this.reviews.values()];
  }

  eventsOf(personId: string, type?: ThreadEvent['type']): readonly ThreadEvent[] {
    if (!this.links.has(personId)) {
      if (type) return this.persons.get(personId)?.byType[TYPE_NUMBER.get(type)!] ?? NO_EVENTS;
      return this.persons.get(personId)?.events ?? NO_EVENTS;
    }
    let events: readonly ThreadEvent[];
    {
      const merged = new Map<string, ThreadEvent>();
      for (const id of this.identityGroup(personId)) for (const e of this.persons.get(id)?.events ?? NO_EVENTS) merged.set(e.key, e);
      events = [...merged.values()].sort((a, b) => a.at - b.at || a.seq - b.seq);
    }
    return type ? events.filter((e) => e.type === type) : events;
  }

  findingsAbout(subject: string): readonly Finding[] {
    return this.findings.get(subject) ?? NO_FINDINGS;
  }

  openFinding(code: string, subject: string): Finding | undefined {
    return this.findingsAbout(subject).find((f) => f.code === code && (f.status === 'open' || f.status === 'acknowledged'));
  }

  findingById(id: string): Finding | undefined {
    return this.findingIndex.get(id);
  }

  addFinding(finding: Finding): void {
    push(this.findings, finding.subject, finding);
    this.findingIndex.set(finding.id, finding);
  }

  /**
   * The current records made from one resource of another system, by part (a FHIR
   * Patient makes a person record and a GP registration): what a new version supersedes.
   */
  fromSource(system: string, resourceType: string, id: string): ReadonlyMap<string, string> | undefined {
    return this.sourced.get(sourceKey(system, resourceType, id));
  }

  /** Applies an accepted event. The caller has checked that it refers to known people. */
  apply(event: ThreadEvent): void {
    internEvent(event);
    this.events.set(event.key, event);
    if (event.supersedes) this.retract(event.supersedes);
    const source = event.data.source;
    if (source) {
      const key = sourceKey(source.system, source.resourceType, source.id);
      const parts = this.sourced.get(key) ?? new Map<string, string>();
      parts.set(source.part ?? '', event.key);
      this.sourced.set(key, parts);
    }
    this.project(event);
    const type = TYPE_NUMBER.get(event.type)!;
    const { recorder, receivers } = involvedOrganisations(event, this.organisations, (agency) =>
      this.familyInvolves(event.subject, agency),
    );
    if (receivers.length > 0) this.receivers.set(event.key, receivers);
    for (const id of event.persons) {
      const person = this.persons.get(id);
      if (!person) continue;
      person.events.push(event);
      const list = person.byType[type];
      if (list) list.push(event);
      else person.byType[type] = [event];
      if (event.agency) person.agencies.add(event.agency);
      if (recorder) involve(person, recorder, event.at, 1);
      for (const code of receivers) involve(person, code, event.at, 1);
    }
  }

  /** Whether an organisation of the agency type is involved with anyone in the person's family. */
  private familyInvolves(personId: string, agency: Agency): boolean {
    return recordCircle(this.confirmedLinksOnly(), personId).some((id) => {
      for (const code of this.persons.get(id)?.organisations.keys() ?? []) if (this.organisations.get(code)?.agency === agency) return true;
      return false;
    });
  }

  private newPerson(id: string, role: PersonState['role'], at: number): PersonRecord {
    const person: PersonRecord = {
      id,
      role,
      firstRecordedAt: at,
      gpRegistrations: [],
      openPlans: new Map(),
      agencies: new Set(),
      organisations: new Map(),
      events: [],
      byType: EVENT_TYPES.map(() => undefined),
    };
    this.persons.set(id, person);
    return person;
  }

  private relate(relationship: Relationship): void {
    const existing = this.byChild.get(relationship.of);
    if (existing?.some((r) => r.person === relationship.person && r.kind === relationship.kind)) return;
    push(this.byChild, relationship.of, relationship);
    push(this.byAdult, relationship.person, relationship);
  }

  private project(event: ThreadEvent): void {
    switch (event.type) {
      case 'person.recorded': {
        const d = event.data;
        const person = this.persons.get(d.person) ?? this.newPerson(d.person, d.role, event.at);
        person.role = d.role;
        person.sex = d.sex ?? person.sex;
        person.bornMs = event.bornMs ?? person.bornMs;
        person.dueMs = event.dueMs ?? person.dueMs;
        person.name = d.name ?? person.name;
        person.nhsNumber = d.nhsNumber ?? person.nhsNumber;
        person.postcode = d.postcode ?? person.postcode;
        if (d.area && d.area !== person.area) {
          person.area = d.area;
          person.areaSince = event.at;
        }
        return;
      }
      case 'relationship.recorded':
        this.relate({ person: event.data.person, of: event.data.of, kind: event.data.kind, at: event.at, key: event.key });
        return;
      case 'address.changed':
        for (const id of event.data.persons) {
          const person = this.persons.get(id);
          if (!person) continue;
          if (person.area !== event.data.area) person.areaSince = event.at;
          person.area = event.data.area;
          person.postcode = event.data.postcode ?? person.postcode;
        }
        return;
      case 'gp.registered': {
        const person = this.persons.get(event.data.person);
        person?.gpRegistrations.push({ area: event.data.area ?? person.area, at: event.at, key: event.key });
        return;
      }
      case 'pregnancy.booked': {
        const unborn = this.persons.get(event.data.unborn) ?? this.newPerson(event.data.unborn, 'unborn', event.at);
        unborn.dueMs = event.dueMs;
        const mother = this.persons.get(event.data.person);
        if (mother?.area && !unborn.area) {
          unborn.area = mother.area;
          unborn.areaSince = event.at;
        }
        this.relate({ person: event.data.person, of: event.data.unborn, kind: 'mother', at: event.at, key: event.key });
        return;
      }
      case 'birth': {
        const d = event.data;
        const child = this.persons.get(d.child) ?? this.newPerson(d.child, 'child', event.at);
        child.role = 'child';
        child.bornMs = event.at;
        child.sex = d.sex;
        child.gestationWeeks = d.gestationWeeks;
        child.gestationDays = d.gestationDays;
        child.birthWeightKg = d.birthWeightKg;
        const mother = this.persons.get(d.mother);
        if (mother?.area && !child.area) {
          child.area = mother.area;
          child.areaSince = event.at;
        }
        this.relate({ person: d.mother, of: d.child, kind: 'mother', at: event.at, key: event.key });
        return;
      }
      case 'service-level.set': {
        const person = this.persons.get(event.data.person);
        if (person) person.serviceLevel = event.data.level;
        return;
      }
      case 'plan.started':
        this.persons.get(event.data.person)?.openPlans.set(event.data.kind, event);
        return;
      case 'plan.ended':
        this.persons.get(event.data.person)?.openPlans.delete(event.data.kind);
        return;
      case 'identity.linked':
        this.link(this.sameAs, event.data.person, event.data.to);
        if (event.data.basis === 'confirmed') this.link(this.confirmedSameAs, event.data.person, event.data.to);
        this.reviews.delete(pairKey(event.data.person, event.data.to));
        return;
      case 'identity.unlinked':
        for (const links of [this.sameAs, this.confirmedSameAs]) {
          links.get(event.data.person)?.delete(event.data.from);
          links.get(event.data.from)?.delete(event.data.person);
        }
        this.reviews.delete(pairKey(event.data.person, event.data.from));
        return;
      case 'identity.review':
        if (!this.identityGroup(event.data.person).includes(event.data.candidate))
          this.reviews.set(pairKey(event.data.person, event.data.candidate), event);
        return;
      default:
        return;
    }
  }

  private link(links: Map<string, Set<string>>, a: string, b: string): void {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const set = links.get(x) ?? new Set<string>();
      set.add(y);
      links.set(x, set);
    }
  }

  /** A correction hides the event it supersedes from the current picture; the log keeps both. */
  private retract(key: string): void {
    const old = this.events.get(key);
    if (!old) return;
    // The involvement the record made goes with it (a record made about the wrong family).
    const { recorder } = involvedOrganisations(old, this.organisations, () => true);
    const withdrawn = [...(recorder ? [recorder] : []), ...(this.receivers.get(key) ?? [])];
    for (const id of old.persons) {
      const person = this.persons.get(id);
      if (person) for (const code of withdrawn) involve(person, code, old.at, -1);
      if (person) person.events = person.events.filter((e) => e.key !== key);
      const type = TYPE_NUMBER.get(old.type)!;
      const list = person?.byType[type];
      if (list) person.byType[type] = list.filter((e) => e.key !== key);
    }
    if (old.type === 'relationship.recorded') {
      const drop = (list: Relationship[] | undefined) => list?.filter((r) => r.key !== key) ?? [];
      this.byChild.set(old.data.of, drop(this.byChild.get(old.data.of)));
      this.byAdult.set(old.data.person, drop(this.byAdult.get(old.data.person)));
    }
  }
}

function isLinkerProposal(event: ThreadEvent): boolean {
  return event.type === 'identity.review' || (event.type === 'identity.linked' && event.data.basis === 'automatic');
}

/** Counts one more (or one fewer) record by which the organisation is involved with the person. */
function involve(person: PersonRecord, code: string, at: number, change: 1 | -1): void {
  const current = person.organisations.get(code);
  if (!current) {
    if (change > 0) person.organisations.set(code, { records: 1, lastAt: at });
    return;
  }
  current.records += change;
  if (current.records <= 0) person.organisations.delete(code);
  else if (at > current.lastAt) current.lastAt = at;
}

function withPooledKeys<V>(map: Map<string, V>): Map<string, V> {
  return new Map([...map].map(([key, value]) => [intern(key), value]));
}

function sourceKey(system: string, resourceType: string, id: string): string {
  return `${system}\u0000${resourceType}\u0000${id}`;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}
