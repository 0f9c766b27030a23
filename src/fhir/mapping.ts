import { DateTime } from 'luxon';
import type { CodeableConcept, Communication, Extension, Patient, Reference, Resource } from '@medplum/fhirtypes';
import type { ThreadEvent } from '../domain/events.ts';
import type { PersonState } from '../engine/world-view.ts';
import type { FhirProblem } from './fhir-problem.ts';
import { EXTENSIONS, SYSTEMS, THREADLINE_RECORD } from './fhir-codes.ts';

/** One record a resource makes; `part` tells apart the records of one resource (a Patient's person and GP registration). */
export interface EventDraft {
  part: string;
  event: Record<string, unknown>;
  /** The element each event field came from, so that a refusal names the element. */
  paths?: Record<string, string>;
}

/** What a mapping needs from the import around it: who a reference names, and what it was told. */
export interface ImportContext {
  /** The Threadline person a Patient or RelatedPerson reference names. */
  person(reference: Reference | undefined, path: string): string | undefined;
  /** The Threadline record an earlier resource made (the Communication an acknowledgement answers). */
  record(reference: Reference | undefined, path: string, part: string): string | undefined;
  /** The person's role as known to the record or this import: a child's missed appointment is was-not-brought. */
  roleOf(personId: string): string | undefined;
  /** The person this resource itself is (a Patient, a RelatedPerson). */
  self(): string;
  /** Now, for records whose resource does not say when they were made. */
  now(): string;
  problem(path: string, reason: string): undefined;
}

/** Maps one resource type to records. Written by hand, one file per resource type. */
export interface ResourceMapping<R extends Resource = Resource> {
  resourceType: R['resourceType'];
  toEvents(resource: R, context: ImportContext): EventDraft[];
}

/** What an export needs: how to refer to a person, a record, and the partnership's time zone. */
export interface ExportContext {
  zone: string;
  patientReference(personId: string): Reference<Patient>;
  recordReference(eventKey: string): Reference<Communication> | undefined;
  person(personId: string): PersonState | undefined;
}

/** Makes one resource from the records of one source resource (or one native record). */
export interface ResourceExport {
  eventTypes: readonly ThreadEvent['type'][];
  toResource(events: readonly ThreadEvent[], context: ExportContext): Resource;
}

export function collectProblems(): { problems: FhirProblem[]; problem: (path: string, reason: string) => undefined } {
  const problems: FhirProblem[] = [];
  return {
    problems,
    problem(path, reason) {
      problems.push({ path, reason });
      return undefined;
    },
  };
}

export function codeFrom(concept: CodeableConcept | readonly CodeableConcept[] | undefined, system: string): string | undefined {
  const concepts = Array.isArray(concept) ? concept : concept ? [concept] : [];
  for (const c of concepts as CodeableConcept[])
    for (const coding of c.coding ?? []) if (coding.system === system && coding.code) return coding.code;
  return undefined;
}

export function codesFrom(concept: CodeableConcept | readonly CodeableConcept[] | undefined): { system?: string; code?: string }[] {
  const concepts = Array.isArray(concept) ? concept : concept ? [concept] : [];
  return (concepts as CodeableConcept[]).flatMap((c) => c.coding ?? []);
}

export function concept(system: string, code: string, display?: string): CodeableConcept {
  return { coding: [{ system, code, ...(display ? { display } : {}) }] };
}

export function extensionOf(resource: { extension?: Extension[] }, url: string): Extension | undefined {
  return resource.extension?.find((e) => e.url === url);
}

export function extensionsOf(resource: { extension?: Extension[] }, url: string): Extension[] {
  return resource.extension?.filter((e) => e.url === url) ?? [];
}

/** A FHIR dateTime or date as the record's `at`: a full date or a date-time with its offset. */
export function atFrom(value: string | undefined, path: string, context: Pick<ImportContext, 'problem'>): string | undefined {
  if (value === undefined) return context.problem(path, 'is required: when it happened');
  if (!/^\d{4}-\d{2}-\d{2}(T|$)/.test(value)) return context.problem(path, 'must give at least a full date (YYYY-MM-DD)');
  return value;
}

export function dateFrom(value: string | undefined): string | undefined {
  return value?.slice(0, 10);
}

export function vocabulary<T extends string>(
  list: readonly T[],
  code: string | undefined,
  path: string,
  context: Pick<ImportContext, 'problem'>,
  what: string,
): T | undefined {
  if (code === undefined) return context.problem(path, `is required: the ${what}`);
  if ((list as readonly string[]).includes(code)) return code as T;
  return context.problem(path, `${JSON.stringify(code)} is not a known ${what} (one of: ${list.join(', ')})`);
}

/**
 * The envelope every record takes from its resource: the recording agency (kept only
 * when the import trusts it, see import-resources.ts) and the record's note.
 */
export function envelopeFrom(resource: { extension?: Extension[] }): Record<string, unknown> {
  const agency = extensionOf(resource, EXTENSIONS.recordingAgency)?.valueCoding?.code;
  const note = extensionOf(resource, EXTENSIONS.recordNote)?.valueString;
  return { ...(agency ? { agency } : {}), ...(note ? { note } : {}) };
}

// ---- export side ----

export function instant(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })!;
}

/** The recording agency and note of a record, as extensions. */
export function envelopeExtensions(event: ThreadEvent): Extension[] {
  const extensions: Extension[] = [];
  if (event.agency) extensions.push({ url: EXTENSIONS.recordingAgency, valueCoding: { system: SYSTEMS.agency, code: event.agency } });
  if (event.note) extensions.push({ url: EXTENSIONS.recordNote, valueString: event.note });
  return extensions;
}

/** meta.tag naming the Threadline records a resource was made from, each with its part. */
export function recordTags(parts: readonly { part: string; event: ThreadEvent }[]): { system: string; code: string; display: string }[] {
  return parts.map(({ part, event }) => ({ system: THREADLINE_RECORD, code: event.key, display: part }));
}

/** The records of one resource by part: the part a record was imported as, or the one its type makes. */
export function byPart(events: readonly ThreadEvent[], partOf: (event: ThreadEvent) => string): Map<string, ThreadEvent> {
  const parts = new Map<string, ThreadEvent>();
  for (const event of events) parts.set(event.data.source?.part ?? partOf(event), event);
  return parts;
}
