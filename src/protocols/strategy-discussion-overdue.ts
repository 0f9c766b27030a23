import { z } from 'zod';
import type { ThreadEvent } from '../domain/events.ts';
import { DAY_MS, HOUR_MS, formatDay, localDateKey } from '../domain/time.ts';
import type { PersonState, WorldView } from '../engine/world-view.ts';
import { defineProtocol } from './protocol.ts';
import { isUnderMonths } from './support/age.ts';
import { cite } from './support/describe.ts';
import { isNonMobile } from './support/non-mobile.ts';
import { isPhysicalAbuseReferral } from './support/referral-category.ts';

/**
 * What makes a strategy discussion urgent: an injury to, or a serious unexpected illness of, a
 * non-mobile baby in the days before the referral; or a referral categorised as physical abuse
 * with an injury recorded.
 */
function urgentReason(
  world: WorldView,
  child: PersonState,
  referral: ThreadEvent<'referral.made'>,
  since: number,
  nonMobileUnderMonths: number,
  zone: string,
): string | undefined {
  for (const e of world.eventsOf(child.id)) {
    if (e.at < since || e.at > referral.at) continue;
    if (e.type === 'injury.observed') {
      if (isNonMobile(child, e.at, e.data.mobile, nonMobileUnderMonths, zone)) return `an injury to a non-mobile baby (${cite(e, zone)})`;
      if (referral.data.category === 'physical-abuse') return `a referral for physical abuse with an injury recorded (${cite(e, zone)})`;
    }
    if (
      e.type === 'illness.presented' &&
      e.data.severity === 'serious-unexpected' &&
      isNonMobile(child, e.at, undefined, nonMobileUnderMonths, zone)
    )
      return `a serious unexpected illness of a non-mobile baby (${cite(e, zone)})`;
  }
  return undefined;
}

/**
 * A referral about suspected physical abuse of a baby under 1 needs a strategy
 * discussion promptly (default within 24 hours; 8 hours after an injury to, or serious
 * illness of, a non-mobile baby). "Suspected physical abuse" is read from the referral's
 * category, from its reason when it has no category, or from an injury recorded in the
 * days before it.
 */
export const strategyDiscussionOverdue = defineProtocol({
  id: 'strategy-discussion-overdue',
  version: '2.0.0',
  title: 'Strategy discussion not held promptly after a referral for physical abuse of a baby',
  source:
    'Working Together to Safeguard Children 2023, ch. 2 (strategy discussions); local bruising protocol (same-day strategy discussion for injury to a non-mobile baby); CSPR 000; ' +
    'version 2 of the scenario contract (urgent deadline after an injury or serious illness in a non-mobile baby; the structured referral category before free text)',
  codes: ['strategy-discussion-overdue'],
  triggers: ['referral.made', 'finding'],
  configSchema: z.strictObject({
    deadlineHours: z
      .number()
      .positive()
      .max(24 * 7)
      .default(24),
    /** After an injury to, or serious unexpected illness of, a non-mobile baby: the same working day. */
    urgentDeadlineHours: z
      .number()
      .positive()
      .max(24 * 7)
      .default(8),
    /** Not independently mobile: under this age (as the bruising protocol), or recorded not mobile. */
    nonMobileUnderMonths: z.number().int().min(1).max(24).default(6),
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
      // The finding is itself an injury or serious illness in a non-mobile baby: urgent.
      return {
        wakes: [
          {
            at: finding.raisedAt + config.urgentDeadlineHours * HOUR_MS,
            subject: child.id,
            key: `urgent-referrals-on:${localDateKey(finding.raisedAt, zone)}`,
            cause: finding.evidence[0],
          },
        ],
      };
    }
    if (event?.type === 'referral.made') {
      if (event.data.to !== 'children-social-care') return undefined;
      const child = world.person(event.data.person);
      if (!child || !isUnderMonths(child, event.at, config.childUnderMonths, zone)) return undefined;
      const since = event.at - config.injuryLookbackDays * DAY_MS;
      const injuryBefore = world
        .eventsOf(child.id, 'injury.observed')
        .some((e) => e.type === 'injury.observed' && e.at <= event.at && e.at >= since);
      const urgent = urgentReason(world, child, event, since, config.nonMobileUnderMonths, zone);
      if (!urgent && !injuryBefore && !isPhysicalAbuseReferral(event)) return undefined;
      // Several referrals of the same day (GP, then ED) are one condition: one deadline, from the first.
      return {
        wakes: [
          {
            at: event.at + (urgent ? config.urgentDeadlineHours : config.deadlineHours) * HOUR_MS,
            subject: child.id,
            key: `${urgent ? 'urgent-' : ''}referrals-on:${localDateKey(event.at, zone)}`,
            cause: event.key,
          },
        ],
      };
    }
    if (!wake?.cause) return undefined;
    const referral = world.event(wake.cause);
    if (!referral) return undefined;
    const discussions = world.eventsOf(wake.subject, 'strategy.discussion');
    if (discussions.some((e) => e.at >= referral.at)) return undefined;
    // One open call to convene a strategy discussion is enough; a second would repeat it. Once a
    // discussion has been held after that call, a new injury or referral is a new episode.
    const outstanding = world
      .findingsAbout(wake.subject)
      .some(
        (f) =>
          f.code === 'strategy-discussion-overdue' &&
          (f.status === 'open' || f.status === 'acknowledged') &&
          !discussions.some((e) => e.at >= f.raisedAt),
      );
    if (outstanding) return undefined;
    const child = world.person(wake.subject);
    const urgent = wake.key.startsWith('urgent-');
    const hours = urgent ? config.urgentDeadlineHours : config.deadlineHours;
    const why =
      urgent && referral.type === 'referral.made' && child
        ? urgentReason(world, child, referral, referral.at - config.injuryLookbackDays * DAY_MS, config.nonMobileUnderMonths, zone)
        : undefined;
    const what =
      referral.type === 'referral.made'
        ? `A referral for suspected physical abuse of a baby under 1 was made by ${cite(referral, zone)}${why ? ` after ${why}` : ''}`
        : `An injury to a baby under 1 whose case children's social care holds (an open plan) was recorded by ${cite(referral, zone)}`;
    return {
      findings: [
        {
          code: 'strategy-discussion-overdue',
          subject: wake.subject,
          dedupeKey: wake.key,
          severity: 'high',
          explanation:
            `${what}; no strategy discussion has been recorded ` +
            `within ${hours} hours${urgent ? ' (urgent: the same working day for an injury or serious illness in a non-mobile baby)' : ''} (by ${formatDay(wake.at, zone)}).`,
          evidence: [referral.key],
          action: "Children's social care: convene a strategy discussion now with police and health (ideally a paediatrician).",
          owner: 'children-social-care',
          deadline: wake.at + 4 * HOUR_MS,
        },
      ],
    };
  },
});
