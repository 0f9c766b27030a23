import type { EpisodeOfCare } from '@medplum/fhirtypes';
import { ALLOCATION_ROLES } from '../domain/vocabulary.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { EXTENSIONS, SYSTEMS } from './fhir-codes.ts';
import {
  atFrom,
  byPart,
  codeFrom,
  concept,
  envelopeExtensions,
  envelopeFrom,
  extensionOf,
  instant,
  vocabulary,
  type EventDraft,
  type ResourceExport,
  type ResourceMapping,
} from './mapping.ts';

/**
 * EpisodeOfCare: involvement with the child. An allocation (lead professional, social
 * worker, health visitor... as type, the care manager's name) started and ended; a GP
 * registration; a pregnancy booking (the mother's episode, naming the unborn baby).
 */
export const episodeOfCareMapping: ResourceMapping<EpisodeOfCare> = {
  resourceType: 'EpisodeOfCare',
  toEvents(episode, context) {
    const person = context.person(episode.patient, 'EpisodeOfCare.patient');
    const envelope = envelopeFrom(episode);
    const kind = codeFrom(episode.type, SYSTEMS.episodeKind);
    if (kind === 'gp-registration') {
      const at = atFrom(episode.period?.start, 'EpisodeOfCare.period.start', context);
      const area = episode.managingOrganization?.display;
      return [{ part: 'gp', event: { type: 'gp.registered', at, person, ...(area ? { area } : {}), ...envelope } }];
    }
    if (kind === 'pregnancy') {
      const at = atFrom(episode.period?.start, 'EpisodeOfCare.period.start', context);
      const unborn = context.person(extensionOf(episode, EXTENSIONS.unborn)?.valueReference, 'EpisodeOfCare.extension(unborn)');
      const gestationWeeks = extensionOf(episode, EXTENSIONS.gestationWeeks)?.valueDecimal;
      const due = extensionOf(episode, EXTENSIONS.due)?.valueDate;
      if (gestationWeeks === undefined)
        context.problem('EpisodeOfCare.extension(gestation-weeks)', 'is required: the gestation at booking, in weeks');
      if (due === undefined) context.problem('EpisodeOfCare.extension(due-date)', 'is required: the due date');
      return [{ part: 'pregnancy', event: { type: 'pregnancy.booked', at, person, unborn, gestationWeeks, due, ...envelope } }];
    }
    const role = vocabulary(
      ALLOCATION_ROLES,
      codeFrom(episode.type, SYSTEMS.allocationRole),
      'EpisodeOfCare.type',
      context,
      `allocation role or episode kind (${SYSTEMS.allocationRole})`,
    );
    const name = episode.careManager?.display;
    if (!name) context.problem('EpisodeOfCare.careManager.display', 'is required: the name of the practitioner allocated');
    const drafts: EventDraft[] = [];
    const common = { person, role, name, ...envelope };
    if (episode.period?.start) drafts.push({ part: 'set', event: { type: 'allocation.set', at: episode.period.start, ...common } });
    else if (!episode.period?.end) context.problem('EpisodeOfCare.period.start', 'is required: when the allocation began');
    if (episode.period?.end) {
      const reason = extensionOf(episode, EXTENSIONS.endedReason)?.valueString;
      if (!reason) context.problem('EpisodeOfCare.extension(ended-reason)', 'is required when the allocation ended: say why');
      drafts.push({ part: 'ended', event: { type: 'allocation.ended', at: episode.period.end, ...common, reason } });
    }
    return drafts;
  },
};

export const episodeOfCareExport: ResourceExport = {
  eventTypes: ['allocation.set', 'allocation.ended', 'gp.registered', 'pregnancy.booked'],
  toResource(events, context): EpisodeOfCare {
    const first = events[0];
    const base = {
      resourceType: 'EpisodeOfCare' as const,
      id: first.data.source?.id ?? first.key,
      patient: context.patientReference(first.subject),
    };
    if (first.type === 'gp.registered') {
      const { data } = first;
      return {
        ...base,
        status: 'active',
        extension: envelopeExtensions(first),
        type: [concept(SYSTEMS.episodeKind, 'gp-registration')],
        ...(data.area ? { managingOrganization: { display: data.area } } : {}),
        period: { start: instant(first.at, context.zone) },
      };
    }
    if (first.type === 'pregnancy.booked') {
      const pregnancy = first;
      return {
        ...base,
        patient: context.patientReference(pregnancy.data.person),
        status: 'active',
        extension: [
          ...envelopeExtensions(first),
          { url: EXTENSIONS.unborn, valueReference: context.patientReference(pregnancy.data.unborn) },
          { url: EXTENSIONS.gestationWeeks, valueDecimal: pregnancy.data.gestationWeeks },
          { url: EXTENSIONS.due, valueDate: pregnancy.data.due.slice(0, 10) },
        ],
        type: [concept(SYSTEMS.episodeKind, 'pregnancy')],
        period: { start: instant(first.at, context.zone) },
      };
    }
    const parts = byPart(events, (e) => (e.type === 'allocation.set' ? 'set' : 'ended'));
    const set = parts.get('set') as ThreadEvent<'allocation.set'> | undefined;
    const ended = parts.get('ended') as ThreadEvent<'allocation.ended'> | undefined;
    const data = (set ?? ended)!.data;
    return {
      ...base,
      status: ended ? 'finished' : 'active',
      extension: [...envelopeExtensions(first), ...(ended ? [{ url: EXTENSIONS.endedReason, valueString: ended.data.reason }] : [])],
      type: [concept(SYSTEMS.allocationRole, data.role)],
      careManager: { display: data.name },
      period: { ...(set ? { start: instant(set.at, context.zone) } : {}), ...(ended ? { end: instant(ended.at, context.zone) } : {}) },
    };
  },
};
