import type { Condition, Extension } from '@medplum/fhirtypes';
import { CONCERN_KINDS, INJURY_KINDS, SEVERITIES, type ConcernKind } from '../domain/vocabulary.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { CONDITION_CATEGORY, EXTENSIONS, INJURY_SNOMED, SEVERITY_CODES, SNOMED, SYSTEMS } from './fhir-codes.ts';
import {
  atFrom,
  codeFrom,
  concept,
  envelopeExtensions,
  envelopeFrom,
  extensionOf,
  instant,
  type ImportContext,
  type ResourceExport,
  type ResourceMapping,
} from './mapping.ts';

/** Concerns UK systems code in SNOMED CT. */
export const CONCERN_SNOMED: Record<string, ConcernKind> = {
  '58703003': 'postnatal-depression',
  '35489007': 'mental-health',
  '69322001': 'psychosis',
  '6471006': 'suicidal-ideation',
  '197480006': 'anxiety',
  '110359009': 'learning-disability',
  '66590003': 'alcohol-misuse',
  '26416006': 'substance-misuse',
  '95921001': 'domestic-abuse',
  '19230000': 'neglect',
};

/** A concern kind from Threadline's code system or SNOMED CT, or a problem at `path`. */
export function concernKindFrom(code: Condition['code'], path: string, context: Pick<ImportContext, 'problem'>): ConcernKind | undefined {
  const own = codeFrom(code, SYSTEMS.concernKind);
  if (own !== undefined)
    return (CONCERN_KINDS as readonly string[]).includes(own)
      ? (own as ConcernKind)
      : context.problem(path, `${JSON.stringify(own)} is not a known concern (one of: ${CONCERN_KINDS.join(', ')})`);
  const snomed = codeFrom(code, SNOMED);
  return snomed ? CONCERN_SNOMED[snomed] : undefined;
}

export function severityFrom(concept: Condition['severity']): (typeof SEVERITIES)[number] | undefined {
  const code = codeFrom(concept, SNOMED);
  return (Object.entries(SEVERITY_CODES).find(([, c]) => c === code)?.[0] as (typeof SEVERITIES)[number] | undefined) ?? undefined;
}

function injuryKind(condition: Condition): string | undefined {
  const own = codeFrom(condition.code, SYSTEMS.injuryKind);
  if (own !== undefined) return own;
  const snomed = codeFrom(condition.code, SNOMED);
  return snomed ? INJURY_SNOMED[snomed] : undefined;
}

/**
 * Condition: a concern (Threadline's concern kinds or SNOMED CT), an injury seen (with
 * body site, count, the explanation given and whether the child is mobile), or a
 * serious or minor illness presenting.
 */
export const conditionMapping: ResourceMapping<Condition> = {
  resourceType: 'Condition',
  toEvents(condition, context) {
    const person = context.person(condition.subject, 'Condition.subject');
    const at = atFrom(condition.recordedDate ?? condition.onsetDateTime, 'Condition.recordedDate', context);
    const envelope = envelopeFrom(condition);
    const mobile = extensionOf(condition, EXTENSIONS.mobile)?.valueBoolean;
    const kindOfCondition = codeFrom(condition.category, SYSTEMS.conditionKind);
    const injury = injuryKind(condition);
    if (kindOfCondition === 'injury' || injury !== undefined) {
      if (injury !== undefined && !(INJURY_KINDS as readonly string[]).includes(injury))
        context.problem('Condition.code', `${JSON.stringify(injury)} is not a known injury (one of: ${INJURY_KINDS.join(', ')})`);
      const count = extensionOf(condition, EXTENSIONS.count)?.valueInteger;
      const site = condition.bodySite?.[0]?.text ?? condition.bodySite?.[0]?.coding?.[0]?.display;
      const explanation = condition.note?.[0]?.text;
      return [
        {
          part: 'injury',
          event: {
            type: 'injury.observed',
            at,
            person,
            kind: injury ?? context.problem('Condition.code', `must name the injury (SNOMED CT, or one of: ${INJURY_KINDS.join(', ')})`),
            ...(site ? { site } : {}),
            ...(count !== undefined ? { count } : {}),
            ...(explanation ? { explanation } : {}),
            ...(mobile !== undefined ? { mobile } : {}),
            ...envelope,
          },
          paths: { kind: 'Condition.code', site: 'Condition.bodySite', count: 'Condition.extension(count)', at: 'Condition.recordedDate' },
        },
      ];
    }
    if (kindOfCondition === 'illness') {
      const description = condition.code?.text;
      return [
        {
          part: 'illness',
          event: {
            type: 'illness.presented',
            at,
            person,
            severity: severityFrom(condition.severity) === 'high' ? 'serious-unexpected' : 'minor',
            ...(description ? { description } : {}),
            ...(mobile !== undefined ? { mobile } : {}),
            ...envelope,
          },
        },
      ];
    }
    const kind = concernKindFrom(condition.code, 'Condition.code', context);
    if (kind === undefined && codeFrom(condition.code, SYSTEMS.concernKind) === undefined)
      context.problem(
        'Condition.code',
        `must be a concern we know (a code of ${SYSTEMS.concernKind}, or SNOMED CT ${Object.keys(CONCERN_SNOMED).join(', ')}), an injury or an illness`,
      );
    const severity = severityFrom(condition.severity);
    const detail = condition.note?.[0]?.text;
    return [
      {
        part: 'concern',
        event: {
          type: 'concern.recorded',
          at,
          person,
          kind,
          ...(detail ? { detail } : {}),
          ...(severity ? { severity } : {}),
          ...envelope,
        },
        paths: { kind: 'Condition.code', detail: 'Condition.note', at: 'Condition.recordedDate' },
      },
    ];
  },
};

const active = concept('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active');

export const conditionExport: ResourceExport = {
  eventTypes: ['concern.recorded', 'injury.observed', 'illness.presented'],
  toResource(events, context): Condition {
    const event = events[0];
    const base = {
      resourceType: 'Condition' as const,
      id: event.data.source?.id ?? event.key,
      clinicalStatus: active,
      subject: context.patientReference(event.subject),
      recordedDate: instant(event.at, context.zone),
    };
    const extension: Extension[] = envelopeExtensions(event);
    if (event.type === 'injury.observed') {
      const { data } = event;
      const snomed = Object.entries(INJURY_SNOMED).find(([, kind]) => kind === data.kind)?.[0];
      if (data.count !== undefined) extension.push({ url: EXTENSIONS.count, valueInteger: data.count });
      if (data.mobile !== undefined) extension.push({ url: EXTENSIONS.mobile, valueBoolean: data.mobile });
      return {
        ...base,
        extension,
        category: [concept(SYSTEMS.conditionKind, 'injury')],
        code: { coding: [{ system: SYSTEMS.injuryKind, code: data.kind }, ...(snomed ? [{ system: SNOMED, code: snomed }] : [])] },
        ...(data.site ? { bodySite: [{ text: data.site }] } : {}),
        ...(data.explanation ? { note: [{ text: data.explanation }] } : {}),
      };
    }
    if (event.type === 'illness.presented') {
      const { data } = event;
      if (data.mobile !== undefined) extension.push({ url: EXTENSIONS.mobile, valueBoolean: data.mobile });
      return {
        ...base,
        extension,
        category: [concept(SYSTEMS.conditionKind, 'illness'), concept(CONDITION_CATEGORY, 'encounter-diagnosis')],
        code: { text: data.description ?? 'Illness' },
        severity: concept(SNOMED, data.severity === 'serious-unexpected' ? SEVERITY_CODES.high : SEVERITY_CODES.low),
      };
    }
    const { data } = event as ThreadEvent<'concern.recorded'>;
    return {
      ...base,
      extension,
      category: [concept(SYSTEMS.conditionKind, 'concern'), concept(CONDITION_CATEGORY, 'problem-list-item')],
      code: concept(SYSTEMS.concernKind, data.kind),
      ...(data.severity ? { severity: concept(SNOMED, SEVERITY_CODES[data.severity]) } : {}),
      ...(data.detail ? { note: [{ text: data.detail }] } : {}),
    };
  },
};
