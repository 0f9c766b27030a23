import type { Immunization } from '@medplum/fhirtypes';
import { IMMUNISATION_STAGES } from '../domain/vocabulary.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { SYSTEMS } from './fhir-codes.ts';
import { atFrom, envelopeExtensions, envelopeFrom, instant, vocabulary, type ResourceExport, type ResourceMapping } from './mapping.ts';

/** Immunization: a dose of the UK routine schedule given; the stage is protocolApplied.series ("8-weeks"...). */
export const immunizationMapping: ResourceMapping<Immunization> = {
  resourceType: 'Immunization',
  toEvents(immunization, context) {
    if (immunization.status !== 'completed') {
      context.problem(
        'Immunization.status',
        `is ${JSON.stringify(immunization.status)}: only a completed immunisation is recorded as given`,
      );
      return [];
    }
    const person = context.person(immunization.patient, 'Immunization.patient');
    const at = atFrom(immunization.occurrenceDateTime, 'Immunization.occurrenceDateTime', context);
    const stage = vocabulary(
      IMMUNISATION_STAGES,
      immunization.protocolApplied?.[0]?.series,
      'Immunization.protocolApplied[0].series',
      context,
      'stage of the routine schedule',
    );
    return [{ part: 'immunisation', event: { type: 'immunisation.given', at, person, stage, ...envelopeFrom(immunization) } }];
  },
};

export const immunizationExport: ResourceExport = {
  eventTypes: ['immunisation.given'],
  toResource(events, context): Immunization {
    const event = events[0] as ThreadEvent<'immunisation.given'>;
    return {
      resourceType: 'Immunization',
      id: event.data.source?.id ?? event.key,
      status: 'completed',
      extension: envelopeExtensions(event),
      vaccineCode: {
        coding: [{ system: SYSTEMS.immunisationStage, code: event.data.stage }],
        text: `Routine immunisations at ${event.data.stage}`,
      },
      patient: context.patientReference(event.data.person),
      occurrenceDateTime: instant(event.at, context.zone),
      protocolApplied: [{ series: event.data.stage, doseNumberString: event.data.stage }],
    };
  },
};
