import type { Encounter } from '@medplum/fhirtypes';
import { AGENCIES, STRATEGY_DECISIONS } from '../domain/vocabulary.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { EXTENSIONS, SYSTEMS, V3_ACT_CODE } from './fhir-codes.ts';
import {
  atFrom,
  codeFrom,
  concept,
  envelopeExtensions,
  envelopeFrom,
  extensionOf,
  extensionsOf,
  instant,
  vocabulary,
  type EventDraft,
  type ExportContext,
  type ImportContext,
} from './mapping.ts';

export const STRATEGY_DISCUSSION = 'strategy-discussion';

/** An Encounter whose type is the meeting kind `strategy-discussion`. */
export function isStrategyDiscussion(encounter: Encounter): boolean {
  return codeFrom(encounter.type, SYSTEMS.meetingKind) === STRATEGY_DISCUSSION;
}

/**
 * A strategy discussion as an Encounter (a multi-agency meeting about the child): the
 * agencies that attended as participant types, whether a paediatrician contributed and
 * what was decided as extensions.
 */
export function strategyDiscussionFrom(encounter: Encounter, context: ImportContext): EventDraft {
  const person = context.person(encounter.subject, 'Encounter.subject');
  const at = atFrom(encounter.period?.start, 'Encounter.period.start', context);
  const attendees = (encounter.participant ?? []).map((p, i) =>
    vocabulary(
      AGENCIES,
      codeFrom(p.type, SYSTEMS.agency),
      `Encounter.participant[${i}].type`,
      context,
      `attending agency (${SYSTEMS.agency})`,
    ),
  );
  const decisions = extensionsOf(encounter, EXTENSIONS.strategyDecision).map((e, i) =>
    vocabulary(STRATEGY_DECISIONS, e.valueCode, `Encounter.extension(strategy-decision)[${i}]`, context, 'strategy decision'),
  );
  const paediatricianInput = extensionOf(encounter, EXTENSIONS.paediatricianInput)?.valueBoolean;
  return {
    part: STRATEGY_DISCUSSION,
    event: {
      type: 'strategy.discussion',
      at,
      person,
      attendees,
      ...(paediatricianInput !== undefined ? { paediatricianInput } : {}),
      ...(decisions.length > 0 ? { decisions } : {}),
      ...envelopeFrom(encounter),
    },
    paths: {
      at: 'Encounter.period.start',
      person: 'Encounter.subject',
      attendees: 'Encounter.participant',
      decisions: 'Encounter.extension',
    },
  };
}

export function strategyDiscussionResource(event: ThreadEvent<'strategy.discussion'>, context: ExportContext): Encounter {
  const { data } = event;
  return {
    resourceType: 'Encounter',
    id: data.source?.id ?? event.key,
    subject: context.patientReference(event.subject),
    status: 'finished',
    // Strategy discussions are mostly held by phone or video.
    class: { system: V3_ACT_CODE, code: 'VR', display: 'virtual' },
    type: [concept(SYSTEMS.meetingKind, STRATEGY_DISCUSSION, 'Strategy discussion')],
    extension: [
      ...envelopeExtensions(event),
      ...(data.paediatricianInput !== undefined ? [{ url: EXTENSIONS.paediatricianInput, valueBoolean: data.paediatricianInput }] : []),
      ...(data.decisions ?? []).map((code) => ({ url: EXTENSIONS.strategyDecision, valueCode: code })),
    ],
    participant: data.attendees.map((agency) => ({ type: [concept(SYSTEMS.agency, agency)] })),
    period: { start: instant(event.at, context.zone) },
  };
}
