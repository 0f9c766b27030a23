import type { Resource } from '@medplum/fhirtypes';
import type { ResourceExport, ResourceMapping } from './mapping.ts';
import { patientExport, patientMapping } from './patient.ts';
import { relatedPersonExport, relatedPersonMapping } from './related-person.ts';
import { encounterExport, encounterMapping } from './encounter.ts';
import { appointmentExport, appointmentMapping } from './appointment.ts';
import { observationExport, observationMapping } from './observation.ts';
import { conditionExport, conditionMapping } from './condition.ts';
import { flagExport, flagMapping } from './flag.ts';
import { serviceRequestExport, serviceRequestMapping } from './service-request.ts';
import { carePlanExport, carePlanMapping } from './care-plan.ts';
import { episodeOfCareExport, episodeOfCareMapping } from './episode-of-care.ts';
import { communicationExport, communicationMapping } from './communication.ts';
import { immunizationExport, immunizationMapping } from './immunization.ts';
import { consentExport, consentMapping } from './consent.ts';

/** The resource types Threadline reads, each with its hand-written mapping. */
export const MAPPINGS: Record<string, ResourceMapping<Resource>> = Object.fromEntries(
  [
    patientMapping,
    relatedPersonMapping,
    encounterMapping,
    appointmentMapping,
    observationMapping,
    conditionMapping,
    flagMapping,
    serviceRequestMapping,
    carePlanMapping,
    episodeOfCareMapping,
    communicationMapping,
    immunizationMapping,
    consentMapping,
  ].map((m) => [m.resourceType, m as unknown as ResourceMapping<Resource>]),
);

/** The resource each type is written as, by resource type (for records that came as one) . */
export const EXPORTS: Record<string, ResourceExport> = {
  Patient: patientExport,
  RelatedPerson: relatedPersonExport,
  Encounter: encounterExport,
  Appointment: appointmentExport,
  Observation: observationExport,
  Condition: conditionExport,
  Flag: flagExport,
  ServiceRequest: serviceRequestExport,
  CarePlan: carePlanExport,
  EpisodeOfCare: episodeOfCareExport,
  Communication: communicationExport,
  Immunization: immunizationExport,
  Consent: consentExport,
};

/** The resource type a native record of each event type is written as. */
export const EXPORT_TYPE_OF_EVENT: Partial<Record<string, string>> = Object.fromEntries(
  Object.entries(EXPORTS).flatMap(([resourceType, exporter]) => exporter.eventTypes.map((type) => [type, resourceType])),
);

/** The part each native record is, as the mappings name the records a resource makes. */
export const PART_OF_EVENT: Partial<Record<string, string>> = {
  'person.recorded': 'person',
  'relationship.recorded': 'relationship',
  'gp.registered': 'gp',
  contact: 'contact',
  'strategy.discussion': 'strategy-discussion',
  'visit.no-access': 'no-access',
  'hospital.admitted': 'admitted',
  'hospital.fit-for-discharge': 'fit',
  'hospital.discharged': 'discharged',
  'appointment.booked': 'booked',
  'appointment.missed': 'missed',
  measurement: 'measurement',
  birth: 'birth',
  'concern.recorded': 'concern',
  'injury.observed': 'injury',
  'illness.presented': 'illness',
  'incident.serious': 'incident',
  'referral.made': 'referral',
  'service-level.set': 'service-level',
  'plan.started': 'started',
  'plan.ended': 'ended',
  'allocation.set': 'set',
  'allocation.ended': 'ended',
  'pregnancy.booked': 'pregnancy',
  'information.shared': 'shared',
  'information.acknowledged': 'acknowledged',
  'immunisation.given': 'immunisation',
  'consent.refused': 'refused',
};
