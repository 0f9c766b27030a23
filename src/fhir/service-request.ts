import type { ServiceRequest } from '@medplum/fhirtypes';
import { REFERRAL_CATEGORIES, REFERRAL_DESTINATIONS } from '../domain/vocabulary.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { SNOMED, SYSTEMS } from './fhir-codes.ts';
import {
  atFrom,
  codeFrom,
  concept,
  envelopeExtensions,
  envelopeFrom,
  instant,
  vocabulary,
  type ResourceExport,
  type ResourceMapping,
} from './mapping.ts';

const REFERRAL_SNOMED = '3457005'; // Patient referral

/** ServiceRequest: a referral to a service (performerType), with its reason and category. */
export const serviceRequestMapping: ResourceMapping<ServiceRequest> = {
  resourceType: 'ServiceRequest',
  toEvents(request, context) {
    const person = context.person(request.subject, 'ServiceRequest.subject');
    const at = atFrom(request.authoredOn, 'ServiceRequest.authoredOn', context);
    const to = vocabulary(
      REFERRAL_DESTINATIONS,
      codeFrom(request.performerType, SYSTEMS.referralDestination),
      'ServiceRequest.performerType',
      context,
      'service referred to',
    );
    const stated = codeFrom(request.reasonCode, SYSTEMS.referralCategory);
    const category =
      stated === undefined ? undefined : vocabulary(REFERRAL_CATEGORIES, stated, 'ServiceRequest.reasonCode', context, 'referral category');
    const reason = request.reasonCode?.[0]?.text;
    return [
      {
        part: 'referral',
        event: {
          type: 'referral.made',
          at,
          person,
          to,
          ...(reason ? { reason } : {}),
          ...(category ? { category } : {}),
          ...envelopeFrom(request),
        },
        paths: { to: 'ServiceRequest.performerType', reason: 'ServiceRequest.reasonCode.text', at: 'ServiceRequest.authoredOn' },
      },
    ];
  },
};

export const serviceRequestExport: ResourceExport = {
  eventTypes: ['referral.made'],
  toResource(events, context): ServiceRequest {
    const event = events[0] as ThreadEvent<'referral.made'>;
    const { reason, category, to } = event.data;
    return {
      resourceType: 'ServiceRequest',
      id: event.data.source?.id ?? event.key,
      status: 'active',
      intent: 'order',
      extension: envelopeExtensions(event),
      category: [concept(SNOMED, REFERRAL_SNOMED, 'Patient referral')],
      code: { text: 'Referral' },
      subject: context.patientReference(event.subject),
      authoredOn: instant(event.at, context.zone),
      performerType: concept(SYSTEMS.referralDestination, to),
      ...(reason || category
        ? { reasonCode: [{ ...(category ? concept(SYSTEMS.referralCategory, category) : {}), ...(reason ? { text: reason } : {}) }] }
        : {}),
    };
  },
};
