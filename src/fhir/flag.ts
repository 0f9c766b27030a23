import type { Flag } from '@medplum/fhirtypes';
import type { ThreadEvent } from '../domain/events.ts';
import { SYSTEMS } from './fhir-codes.ts';
import { concernKindFrom } from './condition.ts';
import {
  atFrom,
  codeFrom,
  concept,
  envelopeExtensions,
  envelopeFrom,
  instant,
  type ResourceExport,
  type ResourceMapping,
} from './mapping.ts';

/** Flag: a concern flagged on the record, or (flag kind serious-incident) a serious incident. */
export const flagMapping: ResourceMapping<Flag> = {
  resourceType: 'Flag',
  toEvents(flag, context) {
    const person = context.person(flag.subject, 'Flag.subject');
    const at = atFrom(flag.period?.start, 'Flag.period.start', context);
    const envelope = envelopeFrom(flag);
    if (codeFrom(flag.code, SYSTEMS.flagKind) === 'serious-incident')
      return [
        {
          part: 'incident',
          event: { type: 'incident.serious', at, person, ...(flag.code.text ? { description: flag.code.text } : {}), ...envelope },
        },
      ];
    const kind = concernKindFrom(flag.code, 'Flag.code', context);
    if (kind === undefined && codeFrom(flag.code, SYSTEMS.concernKind) === undefined)
      context.problem(
        'Flag.code',
        `must be a concern we know (a code of ${SYSTEMS.concernKind} or SNOMED CT) or a serious incident (${SYSTEMS.flagKind})`,
      );
    return [
      {
        part: 'concern',
        event: { type: 'concern.recorded', at, person, kind, ...(flag.code.text ? { detail: flag.code.text } : {}), ...envelope },
        paths: { kind: 'Flag.code', at: 'Flag.period.start' },
      },
    ];
  },
};

export const flagExport: ResourceExport = {
  eventTypes: ['incident.serious'],
  toResource(events, context): Flag {
    const event = events[0] as ThreadEvent<'incident.serious'>;
    return {
      resourceType: 'Flag',
      id: event.data.source?.id ?? event.key,
      status: 'active',
      extension: envelopeExtensions(event),
      code: { ...concept(SYSTEMS.flagKind, 'serious-incident'), ...(event.data.description ? { text: event.data.description } : {}) },
      subject: context.patientReference(event.subject),
      period: { start: instant(event.at, context.zone) },
    };
  },
};
