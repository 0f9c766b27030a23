import type { RelatedPerson } from '@medplum/fhirtypes';
import { RELATIONSHIP_KINDS, type RelationshipKind } from '../domain/vocabulary.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { NHS_NUMBER, RELATIONSHIP_CODES, RELATIONSHIP_SYNONYMS, THREADLINE_PERSON, V3_ROLE_CODE, codeSystem } from './fhir-codes.ts';
import { DEMOGRAPHIC_PATHS, demographicsFrom } from './patient.ts';
import {
  byPart,
  codesFrom,
  envelopeExtensions,
  envelopeFrom,
  instant,
  type EventDraft,
  type ResourceExport,
  type ResourceMapping,
} from './mapping.ts';

const RELATIONSHIP_KIND_SYSTEM = codeSystem('relationship-kind');

function kindFrom(resource: RelatedPerson): RelationshipKind | undefined {
  for (const coding of codesFrom(resource.relationship)) {
    if (coding.system === RELATIONSHIP_KIND_SYSTEM && (RELATIONSHIP_KINDS as readonly string[]).includes(coding.code ?? ''))
      return coding.code as RelationshipKind;
    if (coding.system !== V3_ROLE_CODE || !coding.code) continue;
    const kind = (Object.entries(RELATIONSHIP_CODES).find(([, code]) => code === coding.code)?.[0] ??
      RELATIONSHIP_SYNONYMS[coding.code]) as RelationshipKind | undefined;
    if (kind) return kind;
  }
  return undefined;
}

/**
 * RelatedPerson (mother, father, carers): the relationship to the child and, when the
 * adult is not yet known, the adult's person record.
 */
export const relatedPersonMapping: ResourceMapping<RelatedPerson> = {
  resourceType: 'RelatedPerson',
  toEvents(resource, context) {
    const person = context.self();
    const of = context.person(resource.patient, 'RelatedPerson.patient');
    const kind = kindFrom(resource);
    if (!kind)
      context.problem(
        'RelatedPerson.relationship',
        `must hold a relationship to the child we know (HL7 v3 RoleCode ${Object.values(RELATIONSHIP_CODES).join(', ')})`,
      );
    const at = resource.period?.start ?? resource.meta?.lastUpdated ?? context.now();
    const drafts: EventDraft[] = [];
    if (context.roleOf(person) === undefined)
      drafts.push({
        part: 'person',
        event: {
          type: 'person.recorded',
          at,
          person,
          role: 'adult',
          ...demographicsFrom(resource),
          ...(resource.birthDate ? { born: resource.birthDate } : {}),
          ...envelopeFrom(resource),
        },
        paths: Object.fromEntries(Object.entries(DEMOGRAPHIC_PATHS).map(([f, p]) => [f, `RelatedPerson.${p}`])),
      });
    drafts.push({
      part: 'relationship',
      event: { type: 'relationship.recorded', at, person, of, kind, ...envelopeFrom(resource) },
      paths: { of: 'RelatedPerson.patient', kind: 'RelatedPerson.relationship', at: 'RelatedPerson.period.start' },
    });
    return drafts;
  },
};

export const relatedPersonExport: ResourceExport = {
  eventTypes: ['relationship.recorded'],
  toResource(events, context): RelatedPerson {
    const parts = byPart(events, (e) => (e.type === 'person.recorded' ? 'person' : 'relationship'));
    const relationship = parts.get('relationship') as ThreadEvent<'relationship.recorded'>;
    const adult = relationship.data.person;
    const state = context.person(adult);
    return {
      resourceType: 'RelatedPerson',
      id: relationship.data.source?.id ?? relationship.key,
      extension: envelopeExtensions(relationship),
      identifier: [
        { system: THREADLINE_PERSON, value: adult },
        ...(state?.nhsNumber ? [{ system: NHS_NUMBER, value: state.nhsNumber.replace(/ /g, '') }] : []),
      ],
      patient: context.patientReference(relationship.data.of),
      relationship: [
        {
          coding: [
            { system: V3_ROLE_CODE, code: RELATIONSHIP_CODES[relationship.data.kind] },
            { system: RELATIONSHIP_KIND_SYSTEM, code: relationship.data.kind },
          ],
        },
      ],
      ...(state?.name
        ? {
            name: [
              {
                ...(state.name.family ? { family: state.name.family } : {}),
                ...(state.name.given ? { given: state.name.given.split(' ') } : {}),
              },
            ],
          }
        : {}),
      ...(state?.sex ? { gender: state.sex } : {}),
      period: { start: instant(relationship.at, context.zone) },
    };
  },
};
