import type { Communication } from '@medplum/fhirtypes';
import { INFORMATION_KINDS, REFERRAL_DESTINATIONS } from '../domain/vocabulary.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { EXTENSIONS, SYSTEMS } from './fhir-codes.ts';
import {
  atFrom,
  codeFrom,
  concept,
  envelopeExtensions,
  envelopeFrom,
  extensionOf,
  instant,
  vocabulary,
  type ResourceExport,
  type ResourceMapping,
} from './mapping.ts';

/**
 * Communication: information shared with a service (recipient identified by the
 * referral-destination code system; payload strings are what was shared), or, with
 * inResponseTo, the acknowledgement of an earlier share.
 */
export const communicationMapping: ResourceMapping<Communication> = {
  resourceType: 'Communication',
  toEvents(communication, context) {
    const person = context.person(communication.subject, 'Communication.subject');
    const envelope = envelopeFrom(communication);
    if (communication.inResponseTo?.length) {
      const at = atFrom(communication.received ?? communication.sent, 'Communication.received', context);
      const of = context.record(communication.inResponseTo[0], 'Communication.inResponseTo[0]', 'shared');
      return [
        {
          part: 'acknowledged',
          event: { type: 'information.acknowledged', at, person, of, ...envelope },
          paths: { of: 'Communication.inResponseTo' },
        },
      ];
    }
    const at = atFrom(communication.sent, 'Communication.sent', context);
    const recipient = communication.recipient?.find((r) => r.identifier?.system === SYSTEMS.referralDestination)?.identifier?.value;
    const to = vocabulary(
      REFERRAL_DESTINATIONS,
      recipient,
      'Communication.recipient.identifier',
      context,
      `recipient (${SYSTEMS.referralDestination})`,
    );
    const stated = codeFrom(communication.category, SYSTEMS.informationKind);
    const kind =
      stated === undefined ? undefined : vocabulary(INFORMATION_KINDS, stated, 'Communication.category', context, 'kind of information');
    const content = (communication.payload ?? []).flatMap((p) => (p.contentString ? [p.contentString] : []));
    const requiresAcknowledgement = extensionOf(communication, EXTENSIONS.requiresAcknowledgement)?.valueBoolean;
    return [
      {
        part: 'shared',
        event: {
          type: 'information.shared',
          at,
          person,
          to,
          ...(content.length ? { content } : {}),
          ...(kind ? { kind } : {}),
          ...(requiresAcknowledgement !== undefined ? { requiresAcknowledgement } : {}),
          ...envelope,
        },
        paths: { to: 'Communication.recipient', content: 'Communication.payload', at: 'Communication.sent' },
      },
    ];
  },
};

export const communicationExport: ResourceExport = {
  eventTypes: ['information.shared', 'information.acknowledged'],
  toResource(events, context): Communication {
    const event = events[0];
    const base = {
      resourceType: 'Communication' as const,
      id: event.data.source?.id ?? event.key,
      status: 'completed' as const,
      subject: context.patientReference(event.subject),
      extension: envelopeExtensions(event),
    };
    if (event.type === 'information.acknowledged') {
      const { data } = event;
      const original = context.recordReference(data.of);
      return {
        ...base,
        ...(original ? { inResponseTo: [original] } : {}),
        received: instant(event.at, context.zone),
        sent: instant(event.at, context.zone),
      };
    }
    const { data } = event as ThreadEvent<'information.shared'>;
    if (data.requiresAcknowledgement !== undefined)
      base.extension.push({ url: EXTENSIONS.requiresAcknowledgement, valueBoolean: data.requiresAcknowledgement });
    return {
      ...base,
      sent: instant(event.at, context.zone),
      recipient: [{ identifier: { system: SYSTEMS.referralDestination, value: data.to }, display: data.to }],
      ...(data.kind ? { category: [concept(SYSTEMS.informationKind, data.kind)] } : {}),
      ...(data.content?.length ? { payload: data.content.map((contentString) => ({ contentString })) } : {}),
    };
  },
};
