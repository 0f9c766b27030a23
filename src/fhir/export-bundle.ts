import type { Bundle, BundleEntry, Patient, Resource } from '@medplum/fhirtypes';
import type { ThreadEvent } from '../domain/events.ts';
import type { WorldView } from '../engine/world-view.ts';
import { THREADLINE_FHIR, THREADLINE_SYSTEM } from './fhir-codes.ts';
import { recordTags, type ExportContext } from './mapping.ts';
import { patientResource } from './patient.ts';
import { EXPORT_TYPE_OF_EVENT, EXPORTS, PART_OF_EVENT } from './resource-mappings.ts';

export const FHIR_BASE = `${THREADLINE_FHIR}/R4`;

export interface ExportedBundle {
  bundle: Bundle;
  /** Records with no FHIR resource in the mapping (agreed actions, decisions...), by type. */
  notExported: Record<string, number>;
}

/** The resource a record belongs to: the resource it came from, or (a Threadline record) its own. */
function groupKey(event: ThreadEvent): { key: string; resourceType: string } | undefined {
  const source = event.data.source;
  if (source) return { key: `${source.system}\u0000${source.resourceType}\u0000${source.id}`, resourceType: source.resourceType };
  const resourceType = EXPORT_TYPE_OF_EVENT[event.type];
  if (event.type === 'person.recorded') return { key: `person\u0000${event.data.person}`, resourceType: 'Patient' };
  return resourceType ? { key: event.key, resourceType } : undefined;
}

/**
 * Records as a FHIR Bundle: one resource per resource they came from (with its system,
 * id and version, so a receiving system or a second import recognises it), one per
 * Threadline record otherwise (tagged with the record's id), and a Patient for every
 * person the resources refer to.
 */
export function recordsAsBundle(
  events: readonly ThreadEvent[],
  world: Pick<WorldView, 'person' | 'event'>,
  zone: string,
  type: 'searchset' | 'collection' = 'collection',
): ExportedBundle {
  const groups = new Map<string, { resourceType: string; events: ThreadEvent[] }>();
  const notExported: Record<string, number> = {};
  for (const event of events) {
    const group = groupKey(event);
    if (!group) {
      notExported[event.type] = (notExported[event.type] ?? 0) + 1;
      continue;
    }
    const existing = groups.get(group.key);
    if (existing) existing.events.push(event);
    else groups.set(group.key, { resourceType: group.resourceType, events: [event] });
  }
  const patients = new Map<string, Patient>();
  const context: ExportContext = {
    zone,
    person: (id) => world.person(id),
    patientReference: (personId) => {
      if (!patients.has(personId)) patients.set(personId, patientResource(personId, [], context));
      return { reference: `Patient/${patients.get(personId)!.id}` };
    },
    recordReference: (key) => {
      const record = world.event(key);
      if (!record) return undefined;
      return { reference: `Communication/${record.data.source?.id ?? record.key}` };
    },
  };
  const resources: Resource[] = [];
  const withMeta = (resource: Resource, groupEvents: readonly ThreadEvent[]): Resource => {
    const source = groupEvents[0].data.source;
    const meta = source
      ? { ...resource.meta, source: source.system, versionId: source.version }
      : {
          ...resource.meta,
          source: THREADLINE_SYSTEM,
          tag: recordTags(groupEvents.map((event) => ({ event, part: PART_OF_EVENT[event.type] ?? event.type }))),
        };
    return { ...resource, meta };
  };
  // People first, so that every reference made later finds its Patient.
  for (const group of groups.values()) {
    if (group.resourceType !== 'Patient') continue;
    const first = group.events[0];
    const personId = first.type === 'person.recorded' ? first.data.person : first.subject;
    const patient = withMeta(patientResource(personId, group.events, context), group.events) as Patient;
    patients.set(personId, patient);
  }
  for (const group of groups.values()) {
    if (group.resourceType === 'Patient') continue;
    const exporter = EXPORTS[group.resourceType];
    if (!exporter) {
      for (const event of group.events) notExported[event.type] = (notExported[event.type] ?? 0) + 1;
      continue;
    }
    resources.push(withMeta(exporter.toResource(group.events, context), group.events));
  }
  const people = [...patients.values()].map((p) => (p.meta ? p : { ...p, meta: { source: THREADLINE_SYSTEM } }));
  const entry: BundleEntry[] = [...people, ...resources].map((resource) => ({
    fullUrl: `${FHIR_BASE}/${resource.resourceType}/${resource.id}`,
    resource,
    ...(type === 'searchset' ? { search: { mode: 'match' as const } } : {}),
  }));
  return { bundle: { resourceType: 'Bundle', type, ...(type === 'searchset' ? { total: entry.length } : {}), entry }, notExported };
}
