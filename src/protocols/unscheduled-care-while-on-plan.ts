import { z } from 'zod';
import { formatDay, HOUR_MS, localDateKey } from '../domain/time.ts';
import { CP_IS_PLANS, UNSCHEDULED_CARE_SETTING_NAMES } from '../domain/vocabulary.ts';
import { defineProtocol } from './protocol.ts';
import { cite } from './support/describe.ts';
import { childrenAround } from './support/family.ts';
import type { ThreadEvent } from '../domain/events.ts';
import type { FindingDraft } from '../domain/findings.ts';
import type { PersonState } from '../engine/world-view.ts';

const LABEL: Record<string, string> = {
  'child-protection': 'a child protection plan',
  'unborn-child-protection': 'an unborn child protection plan',
  'looked-after': 'looked after',
  'interim-care-order': 'an interim care order',
};

/** Plans under which the police attending the household is the social worker's business. */
const PROTECTION_PLANS = ['child-protection', 'unborn-child-protection'] as const;

/**
 * Version 2: the police attending the household of a child on a child protection plan (a
 * domestic incident, a welfare check) is told to the allocated social worker, as CP-IS tells
 * them of an emergency attendance.
 */
function policeAttendance(event: ThreadEvent<'contact'>, children: PersonState[], zone: string, deadline: number): FindingDraft[] {
  const findings: FindingDraft[] = [];
  for (const child of children) {
    const plans = PROTECTION_PLANS.filter((kind) => child.openPlans.has(kind));
    if (plans.length === 0) continue;
    findings.push({
      code: 'unscheduled-care-while-on-plan',
      subject: child.id,
      dedupeKey: event.key,
      severity: 'high',
      explanation: `The police attended the household of a child on ${plans.map((p) => LABEL[p]).join(' and ')} (${cite(event, zone)}).`,
      evidence: [event.key, ...plans.map((kind) => child.openPlans.get(kind)!.key)],
      action:
        'Notify the allocated social worker today with what the police found; the social worker considers whether the attendance changes the plan (a strategy discussion if a child was harmed or at risk).',
      owner: 'children-social-care',
      deadline,
    });
  }
  return findings;
}

/**
 * Version 1.2: a CP-IS check (`unscheduled-care.queried`) by an unscheduled care setting about a
 * child on a plan is itself the attendance CP-IS tells the social worker of. Checks by the same
 * organisation on the same local day are one attendance, so asking again raises nothing new.
 */
function unscheduledCare(event: ThreadEvent, zone: string): { dedupeKey: string; where: string } | undefined {
  if (event.type === 'unscheduled-care.queried')
    return {
      dedupeKey: `cp-is-check:${event.organisation ?? event.agency}:${localDateKey(event.at, zone)}`,
      where: `a CP-IS check by the ${UNSCHEDULED_CARE_SETTING_NAMES[event.data.setting]} on ${formatDay(event.at, zone)}`,
    };
  const attendance =
    (event.type === 'contact' && (event.data.kind === 'ed-attendance' || event.data.kind === 'urgent-care-attendance')) ||
    (event.type === 'hospital.admitted' && (event.agency === 'emergency-department' || event.agency === 'ambulance'));
  return attendance ? { dedupeKey: event.key, where: cite(event, zone) } : undefined;
}

/** CP-IS: an emergency attendance by a child on a plan is notified to the social worker. */
export const unscheduledCareWhileOnPlan = defineProtocol({
  id: 'unscheduled-care-while-on-plan',
  version: '1.2.0',
  title: 'Emergency or urgent care for a child on a protection plan or looked after',
  source:
    'NHS England Child Protection – Information Sharing (CP-IS): unscheduled care settings flag and notify; ' +
    'version 2 of the scenario contract: police attendance at the household of a child on a child protection plan is told to the social worker',
  codes: ['unscheduled-care-while-on-plan'],
  triggers: ['contact', 'hospital.admitted', 'unscheduled-care.queried'],
  configSchema: z.strictObject({
    notifyWithinHours: z.number().positive().max(72).default(24),
  }),
  evaluate({ event, world, config, partnership, now }) {
    if (!event) return undefined;
    if (event.type === 'contact' && event.data.kind === 'police-attendance') {
      const children = childrenAround(world, event.data.person).filter((c) => c.role !== 'adult');
      return { findings: policeAttendance(event, children, partnership.timezone, now + config.notifyWithinHours * HOUR_MS) };
    }
    const unscheduled = unscheduledCare(event, partnership.timezone);
    if (!unscheduled) return undefined;
    const child = world.person(event.subject);
    if (!child || child.role !== 'child') return undefined;
    const plans = CP_IS_PLANS.filter((kind) => child.openPlans.has(kind));
    if (plans.length === 0) return undefined;
    const planEvents = plans.map((kind) => child.openPlans.get(kind)!);
    return {
      findings: [
        {
          code: 'unscheduled-care-while-on-plan',
          subject: child.id,
          dedupeKey: unscheduled.dedupeKey,
          severity: 'high',
          explanation: `A child on ${plans.map((p) => LABEL[p]).join(' and ')} attended unscheduled care (${unscheduled.where}).`,
          evidence: [event.key, ...planEvents.map((e) => e.key)],
          action:
            'Notify the allocated social worker today; the treating clinician should see the plan and consider whether the attendance is a safeguarding concern.',
          owner: 'children-social-care',
          deadline: now + config.notifyWithinHours * HOUR_MS,
        },
      ],
    };
  },
});
