import { z } from 'zod';
import { HOUR_MS, endOfLocalDay, formatDay, startOfLocalDay } from '../domain/time.ts';
import { defineProtocol, type WakeRequest } from './protocol.ts';
import { agencyName, cite } from './support/describe.ts';
import { referralSince } from './support/referral.ts';

/**
 * Follows every finding that requires a same-day referral, and every agreed action to
 * refer, to its deadline; if children's social care has still heard nothing, says so.
 */
export const safeguardingReferralOverdue = defineProtocol({
  id: 'safeguarding-referral-overdue',
  version: '1.1.0',
  title: "Safeguarding referral to children's social care not made in time",
  source: 'Working Together to Safeguard Children 2023, ch. 2 (referral without delay); local bruising protocol (same-day referral); CSPR 000 (Child B: the referral reached CSC two weeks later)',
  codes: ['safeguarding-referral-overdue'],
  triggers: ['finding', 'action.agreed'],
  configSchema: z.strictObject({
    /** Hours allowed after the trigger; null means by the end of the same day. */
    deadlineHours: z.number().positive().max(24 * 14).nullable().default(null),
  }),
  evaluate({ event, finding, wake, world, config, partnership }) {
    const zone = partnership.timezone;
    const deadlineFrom = (at: number) => (config.deadlineHours === null ? endOfLocalDay(at, zone) : at + config.deadlineHours * HOUR_MS);
    if (finding?.requiresReferral) {
      const wakeUp: WakeRequest = { at: deadlineFrom(finding.raisedAt), subject: finding.subject, key: `finding:${finding.id}`, cause: finding.id };
      return { wakes: [wakeUp] };
    }
    if (event?.type === 'action.agreed' && event.data.action === 'refer-to-children-social-care') {
      // A due date without a time means by the end of that day.
      const due = event.dueMs === undefined ? deadlineFrom(event.at) : event.data.due!.length === 10 ? endOfLocalDay(event.dueMs, zone) : event.dueMs;
      return { wakes: [{ at: due, subject: event.data.person, key: `action:${event.key}`, cause: event.key }] };
    }
    if (!wake?.cause) return undefined;

    const trigger = wake.key.startsWith('finding:') ? world.findingsAbout(wake.subject).find((f) => f.id === wake.cause) : undefined;
    const action = trigger ? undefined : world.event(wake.cause);
    const triggerAt = trigger?.raisedAt ?? action?.at;
    if (triggerAt === undefined) return undefined;
    if (referralSince(world, wake.subject, triggerAt, startOfLocalDay(triggerAt, zone))) return undefined;

    const reason = trigger
      ? `the ${trigger.code.replaceAll('-', ' ')} finding raised on ${formatDay(trigger.raisedAt, zone)}, which requires a same-day referral`
      : `the action to refer to children's social care agreed by ${cite(action!, zone)}`;
    return {
      findings: [{
        code: 'safeguarding-referral-overdue',
        subject: wake.subject,
        dedupeKey: wake.key,
        severity: 'high',
        explanation: `No referral to children's social care has been recorded by ${formatDay(wake.at, zone)} after ${reason}.`,
        evidence: trigger ? [...trigger.evidence] : [action!.key],
        action: `Make the referral to children's social care now (by phone, then in writing) and record it; ${agencyName(trigger?.owner ?? action?.agency)} owns it.`,
        owner: trigger?.owner ?? action?.agency ?? 'children-social-care',
        deadline: wake.at + HOUR_MS,
      }],
    };
  },
});
