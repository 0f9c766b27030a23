// For tests: records sent out through the FHIR export and read back as another system's resources.
import assert from 'node:assert/strict';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { checkEvent } from '../domain/validate-event.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { World } from '../engine/world.ts';
import { recordsAsBundle } from './export-bundle.ts';
import type { FhirProblem } from './fhir-problem.ts';
import { BundleIndex, importOrder, planEntry, type ImportEntry } from './plan-import.ts';

export const ZONE = 'Europe/London';
const SENDER = 'https://mosaic.example.gov.uk/fhir';

/** The records as Threadline holds them, and the Bundle its export makes of them (through JSON, as sent). */
export function exported(inputs: readonly Record<string, unknown>[]): { bundle: Bundle; notExported: Record<string, number> } {
  const world = new World();
  const events: ThreadEvent[] = inputs.map((input, i) => {
    const checked = checkEvent(input, ZONE, i + 1, `record-${i}`, 0);
    assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.problems));
    world.apply(checked.event);
    return checked.event;
  });
  const { bundle, notExported } = recordsAsBundle(events, world, ZONE);
  return { bundle: JSON.parse(JSON.stringify(bundle)) as Bundle, notExported };
}

export function resourceOfType<T extends Resource>(bundle: Bundle, type: T['resourceType']): T {
  return bundle.entry!.map((e) => e.resource!).find((r): r is T => r.resourceType === type)!;
}

/** The records the resources make when a sending system sends them (its own source and version). */
export function imported(bundle: Bundle): { records: Record<string, unknown>[]; problems: FhirProblem[] } {
  const entries: ImportEntry[] = (bundle.entry ?? []).map((e, index) => ({
    index,
    resource: { ...e.resource, meta: { source: SENDER, versionId: '1' } },
  }));
  const index = new BundleIndex(entries, SENDER);
  const world = new World();
  const records: Record<string, unknown>[] = [];
  const problems: FhirProblem[] = [];
  for (const entry of importOrder(entries)) {
    const planned = planEntry(entry, world, index, { system: SENDER, now: Date.now, keepAgency: true }, new Map());
    problems.push(...planned.problems);
    records.push(...planned.events);
  }
  return { records, problems };
}

/** A record as read back, without the provenance the import adds (its id and source). */
export function withoutProvenance(record: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!record) return undefined;
  const { id: _id, source: _source, ...data } = record;
  return data;
}
