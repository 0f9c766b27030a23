import { z } from 'zod';
import { DAY_MS, HOUR_MS, endOfLocalDay, formatDay, startOfLocalDay } from '../domain/time.ts';
import { defineProtocol, type WakeRequest } from './protocol.ts';
import { agencyName, cite } from './support/describe.ts';
import { referralSince } from './support/referral.ts';
import { neglectSigns } from './support/neglect-signs.ts';
import { childrenAround } from './support/family.ts';
import type { WorldView } from '../engine/world-view.ts';
import type { WorkingCalendar } from '../domain/working-days.ts';
import type { Wake, ProtocolResult } from './protocol.ts';

/**
 * Follows every finding that requires a same-day referral, every agreed action to
 * refer, and faltering growth with signs of neglect, to its deadline; if children's
 * social care has still heard nothing, says so.
 */
export const safeguardingReferralOverdue = defineProtocol({
  id: 'safeguarding-referral-overdue',
  version: '1.3.0',
  title: "Safeguarding referral to children's social care not made in time",
  source:
    "Working Together to Safeguard Children 2023, ch. 2 (referral without delay); local bruising protocol (same-day referral); NICE NG75 1.1 and NICE CG89 (faltering growth with signs of neglect: follow safeguarding procedures); CSPR 000 (Child B: the referral reached CSC two weeks later); CSPR 002 §11.3 (no referral for Child Two's weight with difficulties engaging the family)",
  codes: ['safeguarding-referral-overdue'],
  triggers: ['finding', 'action.agreed', 'concern.recorded', 'visit.no-access', 'appointment.missed'],
  configSchema: z.strictObject({
    /** Hours allowed after the trigger; null means by the end of the same day. */
    deadlineHours: z
      .number()
      .positive()
      .max(24 * 14)
      .nullable()
      .default(null),
    /** Faltering growth with this many signs of neglect in the window requires a referral. */
    neglectSigns: z.number().int().min(1).max(10).default(2),
    neglectWindowDays: z.number().int().min(7).max(180).default(30),
    /** Working days (weekends, bank holidays and closures excluded): by default the end of the next working day. */
    neglectReferralDays: z.number().int().min(0).max(14).default(1),
  }),
  evaluate({ event, finding, wake, world, config, partnership }) {
    const zone = partnership.timezone;
    const deadlineFrom = (at: number) => (config.deadlineHours === null ? endOfLocalDay(at, zone) : at + config.deadlineHours * HOUR_MS);
    if (finding?.requiresReferral) {
      const wakeUp: WakeRequest = {
        at: deadlineFrom(finding.raisedAt),
        subject: finding.subject,
        key: `finding:${finding.id}`,
        cause: finding.id,
      };
      return { wakes: [wakeUp] };
    }
    if (event?.type === 'action.agreed' && event.data.action === 'refer-to-children-social-care') {
      // A due date without a time means by the end of that day.
      const due =
        event.dueMs === undefined ? deadlineFrom(event.at) : event.data.due!.length === 10 ? endOfLocalDay(event.dueMs, zone) : event.dueMs;
      return { wakes: [{ at: due, subject: event.data.person, key: `action:${event.key}`, cause: event.key }] };
    }
    if (event || finding) {
      const at = event?.at ?? finding!.raisedAt;
      const wakes = childrenAround(world, event?.subject ?? finding!.subject).flatMap(
        (child) => neglectWithFalteringGrowth(world, child.id, at, config, partnership.calendar)?.wakes ?? [],
      );
      return { wakes };
    }
    if (!wake?.cause) return undefined;
    if (wake.key.startsWith('neglect:')) return neglectOverdue(world, wake, zone);

    const trigger = wake.key.startsWith('finding:') ? world.findingsAbout(wake.subject).find((f) => f.id === wake.cause) : undefined;
    const action = trigger ? undefined : world.event(wake.cause);
    const triggerAt = trigger?.raisedAt ?? action?.at;
    if (triggerAt === undefined) return undefined;
    if (referralSince(world, wake.subject, triggerAt, startOfLocalDay(triggerAt, zone))) return undefined;

    const reason = trigger
      ? `the ${trigger.code.replaceAll('-', ' ')} finding raised on ${formatDay(trigger.raisedAt, zone)}, which requires a same-day referral`
      : `the action to refer to children's social care agreed by ${cite(action!, zone)}`;
    return {
      findings: [
        {
          code: 'safeguarding-referral-overdue',
          subject: wake.subject,
          dedupeKey: wake.key,
          severity: 'high',
          explanation: `No referral to children's social care has been recorded by ${formatDay(wake.at, zone)} after ${reason}.`,
          evidence: trigger ? [...trigger.evidence] : [action!.key],
          action: `Make the referral to children's social care now (by phone, then in writing) and record it; ${agencyName(trigger?.owner ?? action?.agency)} owns it.`,
          owner: trigger?.owner ?? action?.agency ?? 'children-social-care',
          deadline: wake.at + HOUR_MS,
        },
      ],
    };
  },
});

interface NeglectConfig {
  neglectSigns: number;
  neglectWindowDays: number;
  neglectReferralDays: number;
}

/** Faltering growth and signs of neglect together require a referral (NG75 with CG89). */
function neglectWithFalteringGrowth(
  world: WorldView,
  childId: string,
  at: number,
  config: NeglectConfig,
  calendar: WorkingCalendar,
): ProtocolResult | undefined {
  const child = world.person(childId);
  // A child whose case children's social care already holds (an open plan) is discussed there.
  if (!child || child.role !== 'child' || child.openPlans.size > 0) return undefined;
  const faltering = world.openFinding('faltering-growth', childId);
  if (!faltering) return undefined;
  const signs = neglectSigns(world, childId, at, config.neglectWindowDays);
  if (signs.length < config.neglectSigns) return undefined;
  return {
    wakes: [
      {
        at: calendar.endOfWorkingDaysAfter(at, config.neglectReferralDays),
        subject: childId,
        key: `neglect:${faltering.id}`,
        cause: faltering.id,
      },
    ],
  };
}

function neglectOverdue(world: WorldView, wake: Wake, zone: string): ProtocolResult | undefined {
  const faltering = world.findingById(wake.cause!);
  if (!faltering) return undefined;
  if (referralSince(world, wake.subject, faltering.raisedAt, startOfLocalDay(faltering.raisedAt, zone))) return undefined;
  const signs = neglectSigns(world, wake.subject, wake.at, 60).filter((e) => e.at >= faltering.raisedAt - 30 * DAY_MS);
  const listed = signs.map(
    (e) =>
      `${e.type === 'concern.recorded' ? e.data.kind.replaceAll('-', ' ') : e.type === 'visit.no-access' ? 'no access to a home visit' : 'a missed appointment'} (${agencyName(e.agency)}, ${formatDay(e.at, zone)})`,
  );
  return {
    findings: [
      {
        code: 'safeguarding-referral-overdue',
        subject: wake.subject,
        dedupeKey: wake.key,
        severity: 'high',
        explanation: `Faltering growth (found on ${formatDay(faltering.raisedAt, zone)}) together with signs of possible neglect: ${listed.join('; ')}. No referral to children's social care has been recorded by ${formatDay(wake.at, zone)}.`,
        evidence: [...faltering.evidence, ...signs.map((e) => e.key)],
        action:
          "Discuss with the safeguarding lead today and refer to children's social care (MASH); record the referral or the reasoned decision not to refer.",
        owner: faltering.owner,
        deadline: wake.at + DAY_MS,
      },
    ],
  };
}
