import type { Appointment } from '@medplum/fhirtypes';
import { CONTACT_KINDS, MISSED_REASONS } from '../domain/vocabulary.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { CONTACT_SNOMED, SNOMED, SYSTEMS } from './fhir-codes.ts';
import {
  byPart,
  codeFrom,
  concept,
  envelopeExtensions,
  envelopeFrom,
  instant,
  type EventDraft,
  type ImportContext,
  type ResourceExport,
  type ResourceMapping,
} from './mapping.ts';

function kindOf(appointment: Appointment, context: ImportContext): string | undefined {
  const concepts = [...(appointment.serviceType ?? []), ...(appointment.appointmentType ? [appointment.appointmentType] : [])];
  const own = codeFrom(concepts, SYSTEMS.contactKind);
  if (own !== undefined)
    return (CONTACT_KINDS as readonly string[]).includes(own)
      ? own
      : context.problem(
          'Appointment.serviceType',
          `${JSON.stringify(own)} is not a known contact kind (one of: ${CONTACT_KINDS.join(', ')})`,
        );
  const snomed = codeFrom(concepts, SNOMED);
  return (snomed && CONTACT_SNOMED[snomed]) || 'clinic';
}

/**
 * Why an appointment was not kept. A child does not take themselves to an appointment:
 * a child's no-show is "was not brought", an adult's "did not attend".
 */
function missedReason(appointment: Appointment, person: string | undefined, context: ImportContext): string | undefined {
  const stated = codeFrom(appointment.cancelationReason, SYSTEMS.missedReason);
  if (stated !== undefined)
    return (MISSED_REASONS as readonly string[]).includes(stated)
      ? stated
      : context.problem(
          'Appointment.cancelationReason',
          `${JSON.stringify(stated)} is not a known reason (one of: ${MISSED_REASONS.join(', ')})`,
        );
  if (appointment.status === 'cancelled') {
    const code = appointment.cancelationReason?.coding?.[0]?.code;
    return code === 'pat' || code?.startsWith('pat-') ? 'cancelled-by-family' : 'cancelled-by-service';
  }
  const role = person ? context.roleOf(person) : undefined;
  return role === 'adult' ? 'did-not-attend' : 'was-not-brought';
}

/**
 * Appointment: booked (from `created`, due at `start`) and, with status noshow, missed:
 * for a child, was-not-brought. A cancelled appointment records who cancelled it.
 */
export const appointmentMapping: ResourceMapping<Appointment> = {
  resourceType: 'Appointment',
  toEvents(appointment, context) {
    const index = appointment.participant.findIndex((p) => p.actor?.reference?.includes('Patient') || p.actor?.type === 'Patient');
    const person = context.person(
      appointment.participant[index]?.actor,
      index >= 0 ? `Appointment.participant[${index}].actor` : 'Appointment.participant',
    );
    const kind = kindOf(appointment, context);
    const envelope = envelopeFrom(appointment);
    const drafts: EventDraft[] = [];
    if (appointment.created) {
      if (!appointment.start) context.problem('Appointment.start', 'is required for a booked appointment: when it is due');
      drafts.push({
        part: 'booked',
        event: { type: 'appointment.booked', at: appointment.created, person, kind, due: appointment.start, ...envelope },
        paths: { at: 'Appointment.created', due: 'Appointment.start', kind: 'Appointment.serviceType' },
      });
    }
    if (appointment.status === 'noshow' || appointment.status === 'cancelled') {
      if (!appointment.start) context.problem('Appointment.start', 'is required for a missed appointment: when it was due');
      drafts.push({
        part: 'missed',
        event: {
          type: 'appointment.missed',
          at: appointment.start,
          person,
          kind,
          reason: missedReason(appointment, person, context),
          ...envelope,
        },
        paths: { at: 'Appointment.start', kind: 'Appointment.serviceType' },
      });
    }
    if (drafts.length === 0)
      context.problem(
        'Appointment.created',
        'is required unless the appointment was missed (status noshow or cancelled): when it was booked',
      );
    return drafts;
  },
};

export const appointmentExport: ResourceExport = {
  eventTypes: ['appointment.booked', 'appointment.missed'],
  toResource(events, context): Appointment {
    const parts = byPart(events, (e) => (e.type === 'appointment.booked' ? 'booked' : 'missed'));
    const booked = parts.get('booked') as ThreadEvent<'appointment.booked'> | undefined;
    const missed = parts.get('missed') as ThreadEvent<'appointment.missed'> | undefined;
    const first = (booked ?? missed)!;
    const reason = missed?.data.reason;
    const due = instant(missed ? missed.at : (booked!.dueMs ?? booked!.at), context.zone);
    return {
      resourceType: 'Appointment',
      id: first.data.source?.id ?? first.key,
      status: !missed ? 'booked' : reason?.startsWith('cancelled') ? 'cancelled' : 'noshow',
      extension: envelopeExtensions(first),
      serviceType: [concept(SYSTEMS.contactKind, first.data.kind)],
      ...(booked ? { created: instant(booked.at, context.zone) } : {}),
      // The record keeps when it was due, not for how long: FHIR wants both start and end (app-2).
      start: due,
      end: due,
      ...(missed ? { cancelationReason: concept(SYSTEMS.missedReason, missed.data.reason) } : {}),
      participant: [{ actor: context.patientReference(first.subject), status: 'accepted' }],
    };
  },
};
