import type { HumanName, Identifier, Patient } from '@medplum/fhirtypes';
import { PERSON_ROLES, SEXES } from '../domain/vocabulary.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { EXTENSIONS, NHS_NUMBER, THREADLINE_PERSON } from './fhir-codes.ts';
import {
  byPart,
  dateFrom,
  envelopeExtensions,
  envelopeFrom,
  extensionOf,
  instant,
  vocabulary,
  type EventDraft,
  type ExportContext,
  type ImportContext,
  type ResourceExport,
  type ResourceMapping,
} from './mapping.ts';

export const ADULT_FROM_YEARS = 18;

/** The name UK Core puts first: the official (usual) one, else the first. */
export function nameFrom(names: readonly HumanName[] | undefined): { given?: string; family?: string } | undefined {
  const name = names?.find((n) => n.use === 'official') ?? names?.find((n) => n.use === 'usual') ?? names?.[0];
  if (!name) return undefined;
  const given = name.given?.join(' ');
  return { ...(given ? { given } : {}), ...(name.family ? { family: name.family } : {}) };
}

export function nhsNumberFrom(identifiers: readonly Identifier[] | undefined): string | undefined {
  return identifiers?.find((i) => i.system === NHS_NUMBER)?.value;
}

export function sexFrom(gender: string | undefined): (typeof SEXES)[number] | undefined {
  if (gender === undefined) return undefined;
  return gender === 'male' || gender === 'female' ? gender : 'unknown';
}

function roleFrom(patient: Patient, now: string, context: ImportContext): string | undefined {
  const stated = extensionOf(patient, EXTENSIONS.personRole)?.valueCode;
  if (stated !== undefined) return vocabulary(PERSON_ROLES, stated, 'Patient.extension(person-role)', context, 'person role');
  if (!patient.birthDate) return 'adult';
  const years = (Date.parse(now) - Date.parse(patient.birthDate)) / (365.25 * 86_400_000);
  return years < ADULT_FROM_YEARS ? 'child' : 'adult';
}

/** The demographic fields of a person record, from a Patient or a RelatedPerson. */
export function demographicsFrom(resource: Pick<Patient, 'name' | 'gender' | 'birthDate' | 'identifier' | 'address' | 'telecom'>) {
  const address = resource.address?.find((a) => a.use === 'home') ?? resource.address?.[0];
  const name = nameFrom(resource.name);
  const sex = sexFrom(resource.gender);
  const nhsNumber = nhsNumberFrom(resource.identifier);
  const area = address?.district ?? address?.city;
  const phone = resource.telecom?.find((t) => t.system === 'phone')?.value;
  const email = resource.telecom?.find((t) => t.system === 'email')?.value;
  return {
    ...(name ? { name } : {}),
    ...(sex ? { sex } : {}),
    ...(nhsNumber ? { nhsNumber } : {}),
    ...(address?.postalCode ? { postcode: address.postalCode } : {}),
    ...(area ? { area } : {}),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
  };
}

export const DEMOGRAPHIC_PATHS = {
  name: 'name',
  sex: 'gender',
  born: 'birthDate',
  nhsNumber: "identifier.where(system='https://fhir.nhs.uk/Id/nhs-number').value",
  postcode: 'address.postalCode',
  area: 'address.district',
};

function prefixed(type: string, paths: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(paths).map(([field, path]) => [field, `${type}.${path}`]));
}

/**
 * Patient (UK Core): the person record (NHS number, name, birth date, gender, postcode,
 * area) and, from generalPractitioner, the GP registration.
 */
export const patientMapping: ResourceMapping<Patient> = {
  resourceType: 'Patient',
  toEvents(patient, context) {
    const at = patient.meta?.lastUpdated ?? context.now();
    const person = context.self();
    const role = roleFrom(patient, context.now(), context);
    const due = extensionOf(patient, EXTENSIONS.due)?.valueDate;
    const drafts: EventDraft[] = [
      {
        part: 'person',
        event: {
          type: 'person.recorded',
          at,
          person,
          role,
          ...demographicsFrom(patient),
          ...(patient.birthDate ? { born: patient.birthDate } : {}),
          ...(due ? { due } : {}),
          ...envelopeFrom(patient),
        },
        paths: { ...prefixed('Patient', DEMOGRAPHIC_PATHS), at: 'Patient.meta.lastUpdated', role: 'Patient.birthDate' },
      },
    ];
    const gp = patient.generalPractitioner?.[0];
    if (gp)
      drafts.push({
        part: 'gp',
        event: { type: 'gp.registered', at, person, ...(gp.display ? { area: gp.display } : {}) },
        paths: { area: 'Patient.generalPractitioner.display' },
      });
    return drafts;
  },
};

/** Patient out: the person record, its GP registration when both came from one Patient, and the person's Threadline id. */
export function patientResource(personId: string, events: readonly ThreadEvent[], context: ExportContext): Patient {
  const parts = byPart(events, (e) => (e.type === 'gp.registered' ? 'gp' : 'person'));
  const recorded = parts.get('person') as ThreadEvent<'person.recorded'> | undefined;
  const gp = parts.get('gp') as ThreadEvent<'gp.registered'> | undefined;
  const state = context.person(personId);
  const data = recorded?.data;
  const name = data?.name ?? state?.name;
  const nhsNumber = data?.nhsNumber ?? state?.nhsNumber;
  const sex = data?.sex ?? state?.sex;
  const born = data?.born ?? (state?.bornMs !== undefined ? instant(state.bornMs, context.zone).slice(0, 10) : undefined);
  const postcode = data?.postcode ?? state?.postcode;
  const area = data?.area ?? state?.area;
  const source = recorded?.data.source;
  return {
    resourceType: 'Patient',
    id: source?.id ?? personId,
    ...(recorded ? { meta: { lastUpdated: instant(recorded.at, context.zone) } } : {}),
    extension: [
      ...(recorded ? envelopeExtensions(recorded) : []),
      { url: EXTENSIONS.personRole, valueCode: data?.role ?? state?.role ?? 'child' },
      ...(data?.due ? [{ url: EXTENSIONS.due, valueDate: dateFrom(data.due) }] : []),
    ],
    identifier: [
      { system: THREADLINE_PERSON, value: personId },
      ...(nhsNumber ? [{ system: NHS_NUMBER, value: nhsNumber.replace(/ /g, '') }] : []),
    ],
    ...(name
      ? {
          name: [
            {
              use: 'official' as const,
              ...(name.family ? { family: name.family } : {}),
              ...(name.given ? { given: name.given.split(' ') } : {}),
            },
          ],
        }
      : {}),
    ...(sex ? { gender: sex } : {}),
    ...(born ? { birthDate: dateFrom(born) } : {}),
    ...(postcode || area
      ? { address: [{ use: 'home' as const, ...(postcode ? { postalCode: postcode } : {}), ...(area ? { district: area } : {}) }] }
      : {}),
    ...(gp ? { generalPractitioner: [{ display: gp.data.area ?? 'Registered GP' }] } : {}),
  };
}

export const patientExport: ResourceExport = {
  eventTypes: ['person.recorded'],
  toResource: (events, context) =>
    patientResource(events[0].data.type === 'person.recorded' ? events[0].data.person : events[0].subject, events, context),
};
