import type { Reference, Resource } from '@medplum/fhirtypes';
import type { World } from '../engine/world.ts';
import type { FhirProblem } from './fhir-problem.ts';
import { validateFhirResource } from './fhir-validation.ts';
import { collectProblems, type EventDraft, type ImportContext } from './mapping.ts';
import { MAPPINGS } from './resource-mappings.ts';
import { identityOf, isThreadline, personIdOf, recordKey, type ResourceIdentity } from './resource-identity.ts';
import { THREADLINE_RECORD } from './fhir-codes.ts';
import { nhsNumberFrom } from './patient.ts';

export interface ImportEntry {
  index: number;
  resource: unknown;
  fullUrl?: string;
}

/** One resource as planned: the records to store (or why none), before authorisation. */
export interface PlannedEntry {
  index: number;
  resourceType: string;
  identity?: ResourceIdentity;
  events: Record<string, unknown>[];
  /** For each event, the element each field came from (so a refusal names the element). */
  paths: Record<string, string>[];
  /** Records already held at this version. */
  unchanged: number;
  /** Everyone the resource names, stored or not: access is decided on each. */
  touched: string[];
  problems: FhirProblem[];
}

export interface PlanOptions {
  /** The source system of resources that name none (meta.source). */
  system: string;
  now: () => number;
  /** Keep the recording agency a resource states (a trusted load); otherwise the account's agency applies. */
  keepAgency?: boolean;
}

const PERSON_TYPES = new Set(['Patient', 'RelatedPerson']);

/** Resources that introduce people come first, so records about them can follow in one batch. */
export function importOrder(entries: readonly ImportEntry[]): ImportEntry[] {
  const rank = (e: ImportEntry) => {
    const type = (e.resource as { resourceType?: string } | null)?.resourceType;
    return type === 'Patient' ? 0 : type === 'RelatedPerson' ? 1 : 2;
  };
  return [...entries].sort((a, b) => rank(a) - rank(b) || a.index - b.index);
}

/**
 * Where each resource of a Bundle or file can be found by reference (its fullUrl, and
 * Type/id), with its identity: references between resources sent together resolve to
 * each other before anything is stored.
 */
export class BundleIndex {
  private readonly byReference = new Map<string, { resource: Resource; identity: ResourceIdentity }>();
  private readonly patientByNhsNumber = new Map<string, { resource: Resource; identity: ResourceIdentity }>();

  constructor(entries: readonly ImportEntry[], system: string) {
    for (const entry of entries) {
      const resource = entry.resource as Resource | null;
      if (!resource || typeof resource !== 'object' || typeof resource.resourceType !== 'string') continue;
      const identity = identityOf(resource, entry.fullUrl, system);
      const found = { resource, identity };
      if (entry.fullUrl) this.byReference.set(entry.fullUrl, found);
      this.byReference.set(`${resource.resourceType}/${identity.id}`, found);
      const nhsNumber = resource.resourceType === 'Patient' ? nhsNumberFrom(resource.identifier) : undefined;
      if (nhsNumber) this.patientByNhsNumber.set(nhsNumber.replace(/ /g, ''), found);
    }
  }

  /**
   * The person a resource is. A RelatedPerson whose NHS number is that of a Patient sent
   * with it is that Patient (a mother is both the child's RelatedPerson and a patient).
   */
  personOf(resource: Resource, identity: ResourceIdentity): string {
    if (resource.resourceType === 'RelatedPerson') {
      const nhsNumber = nhsNumberFrom(resource.identifier);
      const patient = nhsNumber ? this.patientByNhsNumber.get(nhsNumber.replace(/ /g, '')) : undefined;
      if (patient) return personIdOf(patient.resource, patient.identity);
    }
    return personIdOf(resource, identity);
  }

  find(reference: string): { resource: Resource; identity: ResourceIdentity } | undefined {
    return this.byReference.get(reference) ?? this.byReference.get(reference.split('/').slice(-2).join('/'));
  }
}

/**
 * Plans one resource: checked against the FHIR definitions, mapped by hand to records,
 * each record given the id of its resource, version and part. A version already held is
 * unchanged; a new version supersedes the record of the same part.
 */
export function planEntry(
  entry: ImportEntry,
  world: World,
  index: BundleIndex,
  options: PlanOptions,
  introduced: Map<string, string>,
): PlannedEntry {
  const resource = entry.resource as Resource;
  const resourceType = typeof resource?.resourceType === 'string' ? resource.resourceType : 'Resource';
  const planned: PlannedEntry = { index: entry.index, resourceType, events: [], paths: [], unchanged: 0, touched: [], problems: [] };
  const mapping = MAPPINGS[resourceType];
  if (!mapping && typeof resource?.resourceType === 'string') {
    planned.problems.push({
      path: `${resourceType}`,
      reason: `is not a resource type Threadline reads (it reads ${Object.keys(MAPPINGS).join(', ')})`,
      code: 'not-supported',
    });
    return planned;
  }
  planned.problems.push(...validateFhirResource(resource));
  if (planned.problems.length > 0) return planned;
  const identity = identityOf(resource, entry.fullUrl, options.system);
  planned.identity = identity;
  const { problems, problem } = collectProblems();
  const context: ImportContext = {
    self: () => index.personOf(resource, identity),
    now: () => new Date(options.now()).toISOString(),
    problem,
    roleOf: (person) => world.person(person)?.role ?? introduced.get(person),
    person: (reference, path) => resolvePerson(reference, path, identity, world, index, problem),
    record: (reference, path, part) => resolveRecord(reference, path, part, identity, world, index, problem),
  };
  const drafts = mapping.toEvents(resource, context);
  if (problems.length > 0) {
    planned.problems.push(...problems);
    return planned;
  }
  for (const draft of drafts) {
    for (const value of Object.values(draft.event))
      if (typeof value === 'string' && world.hasPerson(value) && !planned.touched.includes(value)) planned.touched.push(value);
    addDraft(planned, draft, resource, identity, world, options, introduced);
  }
  return planned;
}

function addDraft(
  planned: PlannedEntry,
  draft: EventDraft,
  resource: Resource,
  identity: ResourceIdentity,
  world: World,
  options: PlanOptions,
  introduced: Map<string, string>,
): void {
  const event: Record<string, unknown> = { ...draft.event };
  if (!options.keepAgency) delete event.agency;
  if (isThreadline(identity)) {
    // Threadline's own records coming back: each part is the record it was made from.
    const tag = resource.meta?.tag?.find((t) => t.system === THREADLINE_RECORD && t.display === draft.part);
    if (!tag?.code) return;
    if (world.hasEvent(tag.code)) {
      planned.unchanged++;
      return;
    }
    event.id = tag.code;
  } else {
    const currentKey = world.fromSource(identity.system, identity.resourceType, identity.id)?.get(draft.part);
    const current = currentKey ? world.event(currentKey) : undefined;
    const key = recordKey(identity, draft.part);
    if (current?.data.source?.version === identity.version || world.hasEvent(key)) {
      planned.unchanged++;
      return;
    }
    event.id = key;
    event.source = { ...identity, part: draft.part };
    if (current) {
      event.supersedes = current.key;
      event.note ??= `Version ${identity.version} of ${identity.resourceType}/${identity.id} from ${identity.system}, replacing version ${current.data.source?.version ?? 'unknown'}.`;
    }
  }
  if (event.type === 'person.recorded') introduced.set(String(event.person), String(event.role));
  planned.events.push(event);
  planned.paths.push(draft.paths ?? {});
}

function referenceText(reference: Reference): string | undefined {
  return reference.reference;
}

function resolvePerson(
  reference: Reference | undefined,
  path: string,
  from: ResourceIdentity,
  world: World,
  index: BundleIndex,
  problem: (path: string, reason: string) => undefined,
): string | undefined {
  const text = reference ? referenceText(reference) : undefined;
  if (!text) return problem(path, 'is required: a reference to the Patient (or RelatedPerson) the record is about');
  const inBundle = index.find(text);
  if (inBundle) {
    if (!PERSON_TYPES.has(inBundle.resource.resourceType))
      return problem(path, `must refer to a Patient or RelatedPerson, not a ${inBundle.resource.resourceType}`);
    return index.personOf(inBundle.resource, inBundle.identity);
  }
  const [type, id] = text.split('/').slice(-2);
  if (!type || !id || !PERSON_TYPES.has(type))
    return problem(path, `${JSON.stringify(text)} must refer to a Patient or RelatedPerson (Patient/{id})`);
  const held = world.fromSource(from.system, type, id);
  const heldKey = held?.get('person') ?? held?.values().next().value;
  const heldEvent = heldKey ? world.event(heldKey) : undefined;
  if (heldEvent) return String((heldEvent.data as { person?: string }).person ?? heldEvent.subject);
  return personIdOf({ resourceType: type as 'Patient', id }, { ...from, resourceType: type, id });
}

function resolveRecord(
  reference: Reference | undefined,
  path: string,
  part: string,
  from: ResourceIdentity,
  world: World,
  index: BundleIndex,
  problem: (path: string, reason: string) => undefined,
): string | undefined {
  const text = reference ? referenceText(reference) : undefined;
  if (!text) return problem(path, 'is required: a reference to the earlier resource');
  const inBundle = index.find(text);
  if (inBundle) {
    if (isThreadline(inBundle.identity))
      return inBundle.resource.meta?.tag?.find((t) => t.system === THREADLINE_RECORD && t.display === part)?.code ?? inBundle.identity.id;
    return (
      world.fromSource(inBundle.identity.system, inBundle.identity.resourceType, inBundle.identity.id)?.get(part) ??
      recordKey(inBundle.identity, part)
    );
  }
  const [type, id] = text.split('/').slice(-2);
  if (!type || !id) return problem(path, `${JSON.stringify(text)} must be a reference of the form Type/{id}`);
  if (isThreadline(from)) return id;
  return (
    world.fromSource(from.system, type, id)?.get(part) ??
    problem(path, `${JSON.stringify(text)}: no record of that resource has been received from ${from.system}`)
  );
}
