import type { Encounter, Extension } from '@medplum/fhirtypes';
import { CONTACT_KINDS } from '../domain/vocabulary.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { CONTACT_CLASS, CONTACT_SNOMED, EXTENSIONS, SNOMED, SYSTEMS, V3_ACT_CODE } from './fhir-codes.ts';
import {
  atFrom,
  byPart,
  codeFrom,
  concept,
  envelopeExtensions,
  envelopeFrom,
  extensionOf,
  extensionsOf,
  instant,
  type EventDraft,
  type ImportContext,
  type ResourceExport,
  type ResourceMapping,
} from './mapping.ts';
import { isStrategyDiscussion, strategyDiscussionFrom, strategyDiscussionResource } from './strategy-discussion.ts';

const INPATIENT_CLASSES = new Set(['IMP', 'ACUTE', 'NONAC']);
/** What the class of an encounter says about its kind when no type does. */
const KIND_OF_CLASS: Record<string, string> = {
  EMER: 'ed-attendance',
  HH: 'home-visit',
  VR: 'phone-call',
  AMB: 'clinic',
  FLD: 'police-attendance',
};

function contactKind(encounter: Encounter, context: ImportContext): string | undefined {
  const own = codeFrom(encounter.type, SYSTEMS.contactKind);
  if (own !== undefined) {
    if ((CONTACT_KINDS as readonly string[]).includes(own)) return own;
    return context.problem('Encounter.type', `${JSON.stringify(own)} is not a known contact kind (one of: ${CONTACT_KINDS.join(', ')})`);
  }
  const snomed = codeFrom(encounter.type, SNOMED);
  if (snomed && CONTACT_SNOMED[snomed]) return CONTACT_SNOMED[snomed];
  const byClass = encounter.class?.code ? KIND_OF_CLASS[encounter.class.code] : undefined;
  return (
    byClass ??
    context.problem(
      'Encounter.type',
      `must say what kind of contact it was (a code of ${SYSTEMS.contactKind}, or a SNOMED CT encounter type)`,
    )
  );
}

function reasonOf(encounter: Encounter): string | undefined {
  const reason = encounter.reasonCode?.[0];
  return reason?.text ?? reason?.coding?.[0]?.display;
}

/**
 * Encounter: a contact (home visit, clinic, ED or urgent care attendance, call), a visit
 * where nobody answered (status cancelled), or a hospital stay (class IMP: admitted,
 * fit for discharge, discharged), or a strategy discussion (meeting kind strategy-discussion).
 */
export const encounterMapping: ResourceMapping<Encounter> = {
  resourceType: 'Encounter',
  toEvents(encounter, context) {
    if (isStrategyDiscussion(encounter)) return [strategyDiscussionFrom(encounter, context)];
    const person = context.person(encounter.subject, 'Encounter.subject');
    const envelope = envelopeFrom(encounter);
    if (encounter.class && INPATIENT_CLASSES.has(encounter.class.code ?? '')) {
      const reason = reasonOf(encounter);
      const common = { person, ...(reason ? { reason } : {}), ...envelope };
      const drafts: EventDraft[] = [];
      if (encounter.period?.start)
        drafts.push({ part: 'admitted', event: { type: 'hospital.admitted', at: encounter.period.start, ...common } });
      const fit = extensionOf(encounter, EXTENSIONS.fitForDischarge)?.valueDateTime;
      if (fit) drafts.push({ part: 'fit', event: { type: 'hospital.fit-for-discharge', at: fit, ...common } });
      if (encounter.period?.end)
        drafts.push({ part: 'discharged', event: { type: 'hospital.discharged', at: encounter.period.end, ...common } });
      if (drafts.length === 0) context.problem('Encounter.period.start', 'is required: when the child was admitted');
      return drafts;
    }
    const at = atFrom(encounter.period?.start, 'Encounter.period.start', context);
    if (encounter.status === 'cancelled' && codeFrom(encounter.type, SYSTEMS.contactKind) === 'home-visit')
      return [{ part: 'no-access', event: { type: 'visit.no-access', at, person, ...envelope } }];
    const kind = contactKind(encounter, context);
    const seen = extensionsOf(encounter, EXTENSIONS.seen).map((e, i) =>
      context.person(e.valueReference, `Encounter.extension(seen)[${i}]`),
    );
    const childSeen = extensionOf(encounter, EXTENSIONS.childSeen)?.valueBoolean;
    return [
      {
        part: 'contact',
        event: {
          type: 'contact',
          at,
          person,
          kind,
          ...(seen.length > 0 ? { seen } : {}),
          ...(childSeen !== undefined ? { childSeen } : {}),
          ...envelope,
        },
        paths: { kind: 'Encounter.type', at: 'Encounter.period.start', person: 'Encounter.subject' },
      },
    ];
  },
};

const HOSPITAL = ['hospital.admitted', 'hospital.fit-for-discharge', 'hospital.discharged'] as const;

export const encounterExport: ResourceExport = {
  eventTypes: ['contact', 'visit.no-access', 'strategy.discussion', ...HOSPITAL],
  toResource(events, context): Encounter {
    const first = events[0];
    if (first.type === 'strategy.discussion') return strategyDiscussionResource(first, context);
    const base = {
      resourceType: 'Encounter' as const,
      id: first.data.source?.id ?? first.key,
      subject: context.patientReference(first.subject),
    };
    if ((HOSPITAL as readonly string[]).includes(first.type)) {
      const parts = byPart(
        events,
        (e) =>
          ({ 'hospital.admitted': 'admitted', 'hospital.fit-for-discharge': 'fit', 'hospital.discharged': 'discharged' })[
            e.type as (typeof HOSPITAL)[number]
          ],
      );
      const admitted = parts.get('admitted');
      const fit = parts.get('fit');
      const discharged = parts.get('discharged');
      const reason = (first.data as { reason?: string }).reason;
      return {
        ...base,
        status: discharged ? 'finished' : 'in-progress',
        class: { system: V3_ACT_CODE, code: 'IMP', display: 'inpatient encounter' },
        extension: [
          ...envelopeExtensions(first),
          ...(fit ? [{ url: EXTENSIONS.fitForDischarge, valueDateTime: instant(fit.at, context.zone) }] : []),
        ],
        ...(admitted || discharged
          ? {
              period: {
                ...(admitted ? { start: instant(admitted.at, context.zone) } : {}),
                ...(discharged ? { end: instant(discharged.at, context.zone) } : {}),
              },
            }
          : {}),
        ...(reason ? { reasonCode: [{ text: reason }] } : {}),
      };
    }
    if (first.type === 'visit.no-access')
      return {
        ...base,
        status: 'cancelled',
        class: { system: V3_ACT_CODE, code: 'HH', display: 'home health' },
        type: [concept(SYSTEMS.contactKind, 'home-visit')],
        extension: envelopeExtensions(first),
        period: { start: instant(first.at, context.zone) },
      };
    const contact = first as ThreadEvent<'contact'>;
    const extension: Extension[] = [...envelopeExtensions(contact)];
    for (const person of contact.data.seen ?? [])
      extension.push({ url: EXTENSIONS.seen, valueReference: context.patientReference(person) });
    if (contact.data.childSeen !== undefined) extension.push({ url: EXTENSIONS.childSeen, valueBoolean: contact.data.childSeen });
    return {
      ...base,
      status: 'finished',
      class: { system: V3_ACT_CODE, code: CONTACT_CLASS[contact.data.kind] ?? 'AMB' },
      type: [concept(SYSTEMS.contactKind, contact.data.kind)],
      extension,
      period: { start: instant(contact.at, context.zone) },
    };
  },
};
