import { z } from 'zod';
import { DAY_MS, HOUR_MS, formatDay, localDateKey } from '../domain/time.ts';
import { defineProtocol } from './protocol.ts';
import { isUnderMonths } from './support/age.ts';
import { cite } from './support/describe.ts';

// Words in a referral's reason that describe an injury or suspected physical abuse.
const PHYSICAL_ABUSE_WORDS =
  /\b(bruis\w*|injur\w*|fractur\w*|burns?|burnt|burned|bites?|bitten|bleed\w*|swelling|swollen|marks?|head injury|physical abuse|non-accidental|nai)\b/i;

/**
 * A referral about suspected physical abuse of a baby under 1 needs a strategy
 * discussion promptly (default within 24 hours). "Suspected physical abuse" is read from
 * the referral's reason or from an injury recorded in the days before it.
 */
export const strategyDiscussionOverdue = defineProtocol({
  id: 'strategy-discussion-overdue',
  version: '1.2.0',
  title: 'Strategy discussion not held promptly after a referral for physical abuse of a baby',
  source:
    'Working Together to Safeguard Children 2023, ch. 2 (strategy discussions); local bruising protocol (same-day strategy discussion for injury to a non-mobile baby); CSPR 000',
  codes: ['strategy-discussion-overdue'],
  triggers: ['referral.made', 'finding'],
  configSchema: z.strictObject({
    deadlineHours: z
      .number()
      .positive()
      .max(24 * 7)
      .default(24),
    childUnderMonths: z.number().int().min(1).max(216).default(12),
    injuryLookbackDays: z.number().int().min(0).max(90).default(14),
  }),
  evaluate({ event, finding, wake, world, config, partnership }) {
    const zone = partnership.timezone;
    // A child whose case children's social care already holds needs no referral: an
    // injury or serious illness goes straight to a strategy discussion.
    if (finding) {
      if (finding.code !== 'injury-in-non-mobile-infant' && finding.code !== 'serious-illness-in-non-mobile-infant') return undefined;
      const child = world.person(finding.subject);
      if (!child || child.openPlans.size === 0 || !isUnderMonths(child, finding.raisedAt, config.childUnderMonths, zone)) return undefined;
      return {
        wakes: [
          {
            at: finding.raisedAt + config.deadlineHours * HOUR_MS,
            subject: child.id,
            key: `referrals-on:${localDateKey(finding.raisedAt, zone)}`,
            cause: finding.evidence[0],
          },
        ],
      };
    }
    if (event?.type === 'referral.made') {
      if (event.data.to !== 'children-social-care') return undefined;
      const child = world.person(event.data.person);
      if (!child || !isUnderMonths(child, event.at, config.childUnderMonths, zone)) return undefined;
      const injuryBefore = world
        .eventsOf(child.id, 'injury.observed')
        .some((e) => e.type === 'injury.observed' && e.at <= event.at && e.at >= event.at - config.injuryLookbackDays * DAY_MS);
      if (!injuryBefore && !PHYSICAL_ABUSE_WORDS.test(event.data.reason ?? '')) return undefined;
      // Several referrals of the same day (GP, then ED) are one condition: one deadline, from the first.
      return {
        wakes: [
          {
            at: event.at + config.deadlineHours * HOUR_MS,
            subject: child.id,
            key: `referrals-on:${localDateKey(event.at, zone)}`,
            cause: event.key,
          },
        ],
      };
    }
    if (!wake?.cause) return undefined;
    const referral = world.event(wake.cause);
    if (!referral) return undefined;
    const held = world.eventsOf(wake.subject, 'strategy.discussion').some((e) => e.at >= referral.at);
    // One open call to convene a strategy discussion is enough; a second would repeat it.
    if (held || world.openFinding('strategy-discussion-overdue', wake.subject)) return undefined;
    const what =
      referral.type === 'referral.made'
        ? `A referral for suspected physical abuse of a baby under 1 was made by ${cite(referral, zone)}`
        : `An injury to a baby under 1 whose case children's social care holds (an open plan) was recorded by ${cite(referral, zone)}`;
    return {
      findings: [
        {
          code: 'strategy-discussion-overdue',
          subject: wake.subject,
          dedupeKey: wake.key,
          severity: 'high',
          explanation:
            `${what}; no strategy discussion has been recorded ` + `within ${config.deadlineHours} hours (by ${formatDay(wake.at, zone)}).`,
          evidence: [referral.key],
          action: "Children's social care: convene a strategy discussion now with police and health (ideally a paediatrician).",
          owner: 'children-social-care',
          deadline: wake.at + 4 * HOUR_MS,
        },
      ],
    };
  },
});
