import type { CarePlan } from '@medplum/fhirtypes';
import { PLAN_KINDS, SERVICE_LEVELS } from '../domain/vocabulary.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { SYSTEMS } from './fhir-codes.ts';
import {
  atFrom,
  byPart,
  codeFrom,
  concept,
  envelopeExtensions,
  envelopeFrom,
  instant,
  vocabulary,
  type EventDraft,
  type ResourceExport,
  type ResourceMapping,
} from './mapping.ts';

/**
 * CarePlan: a plan (child protection, child in need, looked after...; category of the
 * plan-kind code system) started at period.start and ended at period.end; or the health
 * visiting service level (category of the service-level code system).
 */
export const carePlanMapping: ResourceMapping<CarePlan> = {
  resourceType: 'CarePlan',
  toEvents(plan, context) {
    const person = context.person(plan.subject, 'CarePlan.subject');
    const envelope = envelopeFrom(plan);
    const level = codeFrom(plan.category, SYSTEMS.serviceLevel);
    if (level !== undefined) {
      const at = atFrom(plan.period?.start ?? plan.created, 'CarePlan.period.start', context);
      return [
        {
          part: 'service-level',
          event: {
            type: 'service-level.set',
            at,
            person,
            level: vocabulary(SERVICE_LEVELS, level, 'CarePlan.category', context, 'service level'),
            ...envelope,
          },
        },
      ];
    }
    const kind = vocabulary(
      PLAN_KINDS,
      codeFrom(plan.category, SYSTEMS.planKind),
      'CarePlan.category',
      context,
      `plan kind (${SYSTEMS.planKind})`,
    );
    const drafts: EventDraft[] = [];
    if (plan.period?.start)
      drafts.push({ part: 'started', event: { type: 'plan.started', at: plan.period.start, person, kind, ...envelope } });
    if (plan.period?.end) drafts.push({ part: 'ended', event: { type: 'plan.ended', at: plan.period.end, person, kind, ...envelope } });
    else if (plan.status === 'completed' || plan.status === 'revoked')
      context.problem('CarePlan.period.end', 'is required for a plan that has ended');
    if (drafts.length === 0) context.problem('CarePlan.period.start', 'is required: when the plan started');
    return drafts;
  },
};

export const carePlanExport: ResourceExport = {
  eventTypes: ['plan.started', 'plan.ended', 'service-level.set'],
  toResource(events, context): CarePlan {
    const first = events[0];
    const base = {
      resourceType: 'CarePlan' as const,
      id: first.data.source?.id ?? first.key,
      intent: 'plan' as const,
      subject: context.patientReference(first.subject),
      extension: envelopeExtensions(first),
    };
    if (first.type === 'service-level.set') {
      const { data } = first;
      return {
        ...base,
        status: 'active',
        category: [concept(SYSTEMS.serviceLevel, data.level)],
        period: { start: instant(first.at, context.zone) },
      };
    }
    const parts = byPart(events, (e) => (e.type === 'plan.started' ? 'started' : 'ended'));
    const started = parts.get('started');
    const ended = parts.get('ended');
    return {
      ...base,
      status: ended ? 'completed' : 'active',
      category: [concept(SYSTEMS.planKind, (first as ThreadEvent<'plan.started'>).data.kind)],
      period: {
        ...(started ? { start: instant(started.at, context.zone) } : {}),
        ...(ended ? { end: instant(ended.at, context.zone) } : {}),
      },
    };
  },
};
