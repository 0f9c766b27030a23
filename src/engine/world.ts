import { EVENT_TYPES } from '../domain/event-schemas.ts';
import type { ThreadEvent } from '../domain/events.ts';
import type { Finding } from '../domain/findings.ts';
import type { Agency } from '../domain/vocabulary.ts';
import { OrganisationDirectory } from '../config/organisations.ts';
import { involvedOrganisations, recordingOrganisation } from '../access/involvement.ts';
import { recordCircle } from '../access/need-to-know.ts';
import type { PersonState, Relationship, WorldView } from './world-view.ts';
import { intern, internEvent, internFields } from './interned-strings.ts';
import { FamilyDirectory, type Family, type FamilyDirectoryState } from './family-directory.ts';

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

/**
 * The world's state as a snapshot holds it (see World.exportState): findings and the
 * few indexes across families whole, and every family as a blob.
 */
export interface WorldState {
  findings: Map<string, Finding[]>;
  findingIndex: Map<string, Finding>;
  reviews: Map<string, ThreadEvent<'identity.review'>>;
  sourced: Map<string, Map<string, string>>;
  families: FamilyDirectoryState;
}

/** One family's part of the world, as its blob holds it while the family is cold. */
interface FamilyState {
  persons: string[];
  records: PersonRecord[];
  byChild: [string, Relationship[]][];
  byAdult: [string, Relationship[]][];
  sameAs: [string, Set<string>][];
  confirmedSameAs: [string, Set<string>][];
  events: ThreadEvent[];
  receivers: [string, string[]][];
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
  /**
   * Which family each person is in, and the families kept serialised (cold) until a query
   * or a record needs them: memory is held by the families in use, not the whole record.
   * Only its contents change (views read it through the prototype).
   */
  private readonly directory = new FamilyDirectory();

  constructor(readonly organisations: OrganisationDirectory = new OrganisationDirectory()) {}

  /**
   * Everything the world holds, for a snapshot: findings and the indexes across families
   * as they are, every family as a blob. Families in memory are written uncompressed (fast,
   * while records wait): `FamilyCodec.compressAll` compresses them afterwards, off the main thread.
   */
  exportState(): WorldState {
    const { findings, findingIndex, reviews, sourced } = this;
    const hot = this.directory.hotFamilies();
    this.directory.codec.learn(() => hot.slice(-200).map((family) => this.familyState(family)));
    const families = this.directory.exportState((family) => this.directory.codec.encodeRaw(this.familyState(family)));
    return { findings, findingIndex, reviews, sourced, families };
  }

  /**
   * Takes over a snapshot's state: every family starts cold and is read when first
   * needed. The deserializer writes every string anew, so the findings' are pooled again.
   */
  importState(state: WorldState): void {
    this.reset();
    for (const finding of state.findingIndex.values()) internFields(finding);
    for (const review of state.reviews.values()) internEvent(review);
    this.findings = withPooledKeys(state.findings);
    this.findingIndex = state.findingIndex;
    this.reviews = state.reviews;
    this.sourced = state.sourced;
    this.directory.importState(state.families);
    if (this.confirmedView) {
      const view = this.confirmedView as unknown as { links: Map<string, Set<string>> };
      view.links = this.confirmedSameAs;
    }
  }

  /** How many families are in memory and how many are serialised. */
  familyCounts(): { hot: number; cold: number } {
    return { hot: this.directory.hot, cold: this.directory.cold };
  }

  /**
   * Serialises the least recently needed families until at most `limit` are in memory
   * (with some room, so that this is not done at every record). Call it between records,
   * never while a protocol is reading the world.
   */
  keepHot(limit: number): number {
    const directory = this.directory;
    if (directory.hot <= limit) return 0;
    const target = Math.floor(limit * 0.9);
    const families = directory.hotFamilies().sort((a, b) => a.touched - b.touched);
    directory.codec.learn(() => families.slice(-200).map((family) => this.familyState(family)));
    let evicted = 0;
    for (const family of families) {
      if (directory.hot <= target) break;
      this.makeCold(family);
      evicted++;
    }
    return evicted;
  }

  /** A family's part of the world, gathered from the indexes. */
  private familyState(family: Family): FamilyState {
    const state: FamilyState = {
      persons: family.persons,
      records: [],
      byChild: [],
      byAdult: [],
      sameAs: [],
      confirmedSameAs: [],
      events: family.events,
      receivers: [],
    };
    for (const id of family.persons) {
      const record = this.persons.get(id);
      if (record) state.records.push(record);
      const asChild = this.byChild.get(id);
      if (asChild) state.byChild.push([id, asChild]);
      const asAdult = this.byAdult.get(id);
      if (asAdult) state.byAdult.push([id, asAdult]);
      const same = this.sameAs.get(id);
      if (same) state.sameAs.push([id, same]);
      const confirmed = this.confirmedSameAs.get(id);
      if (confirmed) state.confirmedSameAs.push([id, confirmed]);
    }
    for (const event of family.events) {
      const receivers = this.receivers.get(event.key);
      if (receivers) state.receivers.push([event.key, receivers]);
    }
    return state;
  }

  /** Serialises a family and takes it out of the indexes. */
  private makeCold(family: Family): void {
    const blob = this.directory.codec.encode(this.familyState(family));
    for (const id of family.persons) {
      this.persons.delete(id);
      this.byChild.delete(id);
      this.byAdult.delete(id);
      this.sameAs.delete(id);
      this.confirmedSameAs.delete(id);
    }
    for (const event of family.events) {
      this.events.delete(event.key);
      this.receivers.delete(event.key);
    }
    this.directory.markCold(family, blob);
  }

  /** Reads a cold family back into the indexes. */
  private makeHot(family: Family): void {
    const state = this.directory.codec.decode<FamilyState>(family.blob!);
    for (const record of state.records) this.persons.set(record.id, record);
    for (const [id, list] of state.byChild) this.byChild.set(id, list);
    for (const [id, list] of state.byAdult) this.byAdult.set(id, list);
    for (const [id, same] of state.sameAs) this.sameAs.set(id, same);
    for (const [id, same] of state.confirmedSameAs) this.confirmedSameAs.set(id, same);
    for (const event of state.events) this.events.set(event.key, event);
    for (const [key, receivers] of state.receivers) this.receivers.set(key, receivers);
    this.directory.markHot(family, state.persons, state.events);
  }

  /** Makes sure the person's family is in memory (every query about a person starts here). */
  private warm(id: string): void {
    if (this.directory.cold === 0 || this.persons.has(id)) return;
    const family = this.directory.familyOf(id);
    if (family?.blob) this.makeHot(family);
  }

  /** A record by key from the families in memory, else from the cold family that may hold it. */
  private coldEvent(key: string): ThreadEvent | undefined {
    if (this.directory.cold === 0) return undefined;
    for (const number of this.directory.keys.candidates(key)) {
      const family = this.directory.byId(number);
      if (!family?.blob) continue;
      this.makeHot(family);
      const event = this.events.get(key);
      if (event) return event;
    }
    return undefined;
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
    this.warm(personId);
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
    this.directory.clear();
  }

  person(id: string): PersonState | undefined {
    this.warm(id);
    return this.persons.get(id);
  }

  hasPerson(id: string): boolean {
    this.warm(id);
    return this.persons.has(id);
  }

  roleOf(id: string): PersonState['role'] | undefined {
    this.warm(id);
    return this.persons.get(id)?.role;
  }

  hasEvent(key: string): boolean {
    return this.events.has(key) || this.coldEvent(key) !== undefined;
  }

  event(key: string): ThreadEvent | undefined {
    return this.events.get(key) ?? this.coldEvent(key);
  }

  /**
   * Takes a family out of this world, to be evaluated elsewhere (a merge moved it to
   * another shard): every event about its people (in the order applied) and every finding
   * about them, removed from all indexes here.
   */
  extractFamily(personIds: readonly string[]): { events: ThreadEvent[]; findings: Finding[] } {
    const people = new Set(personIds);
    for (const id of people) this.warm(id);
    const families = new Set<Family>();
    for (const id of people) {
      const family = this.directory.familyOf(id);
      if (family) families.add(family);
    }
    const events: ThreadEvent[] = [];
    for (const family of families) for (const event of family.events) if (event.persons.some((id) => people.has(id))) events.push(event);
    events.sort((a, b) => a.seq - b.seq);
    for (const family of families) this.directory.remove(family);
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

  /**
   * Every event applied, superseded ones included: those of families in memory in the
   * order applied, then each cold family's, read without bringing the family back.
   */
  *allEvents(): IterableIterator<ThreadEvent> {
    yield* this.events.values();
    for (const family of this.directory.coldFamilies()) yield* this.directory.codec.decode<FamilyState>(family.blob!).events;
  }

  /** Everyone, those in memory first; a cold family's people are read without bringing the family back. */
  *allPersons(): IterableIterator<PersonState> {
    yield* this.persons.values();
    for (const family of this.directory.coldFamilies()) yield* this.directory.codec.decode<FamilyState>(family.blob!).records;
  }

  /** The people whose families are in memory: those recorded about, or read, since the store opened or since they were last serialised. */
  personsInMemory(): IterableIterator<PersonState> {
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
    this.warm(id);
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
    this.warm(id);
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
    this.warm(personId);
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

  /** How many findings the world holds, about anyone. */
  findingCount(): number {
    return this.findingIndex.size;
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
    for (const id of event.persons) this.warm(id);
    this.directory.join(event.persons).events.push(event);
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
      this.warm(id);
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
    const old = this.event(key);
    if (!old) return;
    for (const id of old.persons) this.warm(id);
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
