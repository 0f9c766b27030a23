// Synthetic FHIR R4 resources in the UK Core shapes, as a sending system (a GP or
// community health system) would export them: the synthetic population's families
// (bench/synthetic-population.ts) with names and NHS numbers, written out through
// Threadline's own FHIR export mapping and then stripped of everything Threadline-specific
// (its person ids and record tags), so that an import reads them as another system's
// resources. Deterministic for a given seed.
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { loadPartnershipConfig } from '../src/config/partnership-config.ts';
import { checkEvent } from '../src/domain/validate-event.ts';
import { VirtualClock } from '../src/engine/clock.ts';
import { Engine } from '../src/engine/engine.ts';
import { recordsAsBundle } from '../src/fhir/export-bundle.ts';
import { THREADLINE_PERSON } from '../src/fhir/fhir-codes.ts';
import { PROTOCOLS } from '../src/protocols/registry.ts';
import { COMMON_FAMILY, FEMALE_GIVEN, MALE_GIVEN } from './linkage-synthetic-names.ts';
import { capitalise, nhsNumber } from './linkage-synthetic-support.ts';
import { generatePopulation, random, type Family } from './synthetic-population.ts';

const ZONE = 'Europe/London';
/** The sending system every resource names as its meta.source. */
export const SENDING_SYSTEM = 'https://systmone.example.nhs.uk/fhir';

export interface SyntheticFhir {
  /** Each family's resources, people first. */
  families: Resource[][];
  resourceTypes: Record<string, number>;
}

/**
 * The family as a child health system holds it after the first year: names, NHS numbers
 * and postcodes for everyone; the child as a person born on the day (with the birth
 * weight as a weight on the day) rather than a pregnancy and a birth, and the father
 * related to the child from the birth. (A Bundle holding a born child's Patient and a
 * birth Observation is refused: the import stores Patients first, and a birth must turn
 * an unborn baby into a child.)
 */
function asChildHealthRecord(family: Family, rand: () => number): Record<string, unknown>[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const surname = capitalise(pick(COMMON_FAMILY));
  const letters = 'ABDEFGHJLNPQRSTUWXYZ'.split('');
  const postcode = `CB${1 + Math.floor(rand() * 9)} ${Math.floor(rand() * 10)}${pick(letters)}${pick(letters)}`;
  const birth = family.events.find((e) => e.type === 'birth')!;
  const bornAt = String(birth.at);
  const events: Record<string, unknown>[] = [];
  for (const event of family.events) {
    const id = String(event.id).replace('#', '.');
    const given = () => capitalise(pick(event.sex === 'male' ? MALE_GIVEN : FEMALE_GIVEN));
    if (event.type === 'person.recorded')
      events.push({ ...event, id, name: { given: given(), family: surname }, nhsNumber: nhsNumber(rand), postcode });
    else if (event.type === 'relationship.recorded') events.push({ ...event, id, at: bornAt });
    else if (event.type === 'birth') {
      const child = { type: 'person.recorded', at: bornAt, person: family.child, role: 'child', sex: event.sex, born: bornAt.slice(0, 10) };
      events.push({ ...child, id, name: { given: given(), family: surname }, nhsNumber: nhsNumber(rand), postcode, agency: 'midwifery' });
      events.push({
        id: `${id}.weight`,
        type: 'measurement',
        at: bornAt,
        person: family.child,
        kind: 'weight',
        value: event.birthWeightKg,
        agency: 'midwifery',
      });
    } else if (event.type !== 'pregnancy.booked') events.push({ ...event, id });
  }
  return events;
}

/** A resource as the sending system holds it: its own source and version, no Threadline ids or record tags. */
function asSent(resource: Resource): Resource {
  const sent = {
    ...resource,
    meta: { source: SENDING_SYSTEM, versionId: '1', ...(resource.meta?.lastUpdated ? { lastUpdated: resource.meta.lastUpdated } : {}) },
  };
  const identified = sent as { identifier?: { system?: string }[] };
  if (identified.identifier) identified.identifier = identified.identifier.filter((i) => i.system !== THREADLINE_PERSON);
  return sent;
}

/**
 * The families' records as resources. Also returns the records the generator made, so a
 * caller can tell that every one has a FHIR representation.
 */
export function syntheticFhir(options: { families: number; seed: number }): SyntheticFhir {
  const population = generatePopulation({ families: options.families, seed: options.seed });
  const rand = random(options.seed ^ 0xf417);
  const inputs = population.map((family) => asChildHealthRecord(family, rand));
  const config = loadPartnershipConfig({ timezone: ZONE }, PROTOCOLS);
  // The world the export reads people from; no protocol needs to run.
  const engine = new Engine({
    protocols: PROTOCOLS,
    config: { ...config, disabled: PROTOCOLS.map((p) => p.id) },
    clock: new VirtualClock(),
  });
  let seq = 0;
  const events = inputs.map((family) =>
    family.map((input) => {
      const checked = checkEvent(input, ZONE, ++seq, `k${seq}`, 0);
      if (!checked.ok) throw new Error(`synthetic event ${String(input.id)} invalid: ${JSON.stringify(checked.problems)}`);
      checked.event.recordedAt = checked.event.at;
      return checked.event;
    }),
  );
  for (const event of events.flat().sort((a, b) => a.at - b.at)) engine.record(event);
  const resourceTypes: Record<string, number> = {};
  const families = events.map((family) => {
    const { bundle, notExported } = recordsAsBundle(family, engine.world, ZONE);
    if (Object.keys(notExported).length > 0) throw new Error(`records with no FHIR resource: ${JSON.stringify(notExported)}`);
    return (bundle.entry ?? []).map((entry) => {
      const resource = asSent(entry.resource!);
      resourceTypes[resource.resourceType] = (resourceTypes[resource.resourceType] ?? 0) + 1;
      return resource;
    });
  });
  return { families, resourceTypes };
}

/** Resources as NDJSON, one a line, as a FHIR bulk data export writes them. */
export function asNdjson(resources: readonly Resource[]): string {
  return resources.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

/** Resources as a batch Bundle from the sending system. */
export function asBatchBundle(resources: readonly Resource[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'batch',
    meta: { source: SENDING_SYSTEM },
    entry: resources.map((resource) => ({
      fullUrl: `${SENDING_SYSTEM}/${resource.resourceType}/${resource.id}`,
      resource,
      request: { method: 'PUT' as const, url: `${resource.resourceType}/${resource.id}` },
    })),
  };
}
