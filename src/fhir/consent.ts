import type { Consent } from '@medplum/fhirtypes';
import type { ThreadEvent } from '../domain/events.ts';
import { atFrom, envelopeExtensions, envelopeFrom, instant, type ResourceExport, type ResourceMapping } from './mapping.ts';

const CONSENT_SCOPE = 'http://terminology.hl7.org/CodeSystem/consentscope';
const CONSENT_CATEGORY = 'http://loinc.org';
/** LOINC 59284-0 "Patient Consent", the category FHIR's examples use for consent to care. */
const PATIENT_CONSENT = '59284-0';
/** Consent needs a policy (invariant ppc-1): the partnership's information-sharing agreement. */
const POLICY = 'https://threadline.example/fhir/policy/information-sharing-agreement';

/** Consent, status `rejected`: a parent or young person refused a service, assessment or referral (`provision.code.text`, what was refused). */
export const consentMapping: ResourceMapping<Consent> = {
  resourceType: 'Consent',
  toEvents(consent, context) {
    if (consent.status !== 'rejected') {
      context.problem('Consent.status', `is ${JSON.stringify(consent.status)}: only a refusal (rejected) is recorded`);
      return [];
    }
    const person = context.person(consent.patient, 'Consent.patient');
    const at = atFrom(consent.dateTime, 'Consent.dateTime', context);
    const refused = consent.provision?.code?.[0]?.text ?? consent.provision?.code?.[0]?.coding?.[0]?.display;
    if (!refused) context.problem('Consent.provision.code.text', 'is required: what was refused (the service, assessment or referral)');
    return [
      {
        part: 'refused',
        event: { type: 'consent.refused', at, person, for: refused, ...envelopeFrom(consent) },
        paths: { for: 'Consent.provision.code.text', at: 'Consent.dateTime', person: 'Consent.patient' },
      },
    ];
  },
};

export const consentExport: ResourceExport = {
  eventTypes: ['consent.refused'],
  toResource(events, context): Consent {
    const event = events[0] as ThreadEvent<'consent.refused'>;
    return {
      resourceType: 'Consent',
      id: event.data.source?.id ?? event.key,
      status: 'rejected',
      extension: envelopeExtensions(event),
      scope: { coding: [{ system: CONSENT_SCOPE, code: 'treatment' }] },
      category: [{ coding: [{ system: CONSENT_CATEGORY, code: PATIENT_CONSENT }] }],
      patient: context.patientReference(event.data.person),
      dateTime: instant(event.at, context.zone),
      policy: [{ uri: POLICY }],
      provision: { type: 'deny', code: [{ text: event.data.for }] },
    };
  },
};
