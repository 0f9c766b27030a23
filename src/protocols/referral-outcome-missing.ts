import { z } from 'zod';
import type { ThreadEvent } from '../domain/events.ts';
import { DAY_MS, formatDay } from '../domain/time.ts';
import { receivingAgency } from '../domain/vocabulary.ts';
import type { WorldView } from '../engine/world-view.ts';
import { defineProtocol } from './protocol.ts';
import { agencyName, cite } from './support/describe.ts';
import { childrenAround } from './support/family.ts';

const CODE = 'referral-outcome-missing';

/** Records by which a service shows it has taken a referral up: it saw, tried to see, or booked the person. */
const TAKEN_UP: ReadonlySet<ThreadEvent['type']> = new Set(['contact', 'visit.no-access', 'appointment.booked', 'pregnancy.booked']);

/** The referral's outcome, or the first record of the receiving service acting on it, by `at`. */
function answerTo(world: WorldView, referral: ThreadEvent<'referral.made'>, at: number): ThreadEvent | undefined {
  const service = receivingAgency(referral.data.to);
  for (const id of referral.persons) {
    for (const record of world.eventsOf(id)) {
      if (record.at > at || record.at < referral.at) continue;
      if (record.type === 'referral.outcome' && record.data.of === referral.key) return record;
      if (record.agency === service && TAKEN_UP.has(record.type) && record.seq > referral.seq) return record;
    }
  }
  return undefined;
}

/**
 * Follows each referral to a service other than children's social care (whose response
 * is followed by its own protocols): with no outcome recorded and no contact from the
 * service within the window, the referrer is asked to find out what happened.
 */
export const referralOutcomeMissing = defineProtocol({
  id: CODE,
  version: '1.0.0',
  title: 'No outcome for a referral to another service',
  source:
    'Working Together to Safeguard Children 2023, ch. 2 (practitioners making a referral follow it up and agree what happens next); ' +
    'LCSPR 002 Key Learning 8 ("Information sharing does not absolve practitioners of responsibility ... they retain \'ownership\' until it is known that concerns have been resolved or action is in place"), §8.1.10 (practitioners "cannot simply pass the baton"); SCR Jack (001) §5.45, Rec 7',
  codes: [CODE],
  triggers: ['referral.made'],
  configSchema: z.strictObject({
    windowDays: z.number().int().min(1).max(180).default(28),
    responseDays: z.number().int().min(1).max(60).default(7),
  }),
  evaluate({ event, wake, world, config, partnership }) {
    const zone = partnership.timezone;
    if (event?.type === 'referral.made') {
      if (event.data.to === 'children-social-care') return undefined;
      return {
        wakes: [{ at: event.at + config.windowDays * DAY_MS, subject: event.subject, key: `referral:${event.key}`, cause: event.key }],
      };
    }
    if (!wake?.cause) return undefined;
    const referral = world.event(wake.cause);
    if (referral?.type !== 'referral.made' || !world.eventsOf(referral.data.person, 'referral.made').includes(referral)) return undefined;
    if (answerTo(world, referral, wake.at)) return undefined;
    return {
      findings: childrenAround(world, referral.data.person).map((child) => ({
        code: CODE,
        subject: child.id,
        dedupeKey: referral.key,
        severity: 'medium' as const,
        explanation:
          `The referral to ${agencyName(referral.data.to)} made by ${cite(referral, zone)}${referral.data.reason ? ` (${referral.data.reason})` : ''} ` +
          `has no recorded outcome and no contact from ${agencyName(referral.data.to)} by ${formatDay(wake.at, zone)}, ${config.windowDays} days later.`,
        evidence: [referral.key],
        action: `Find out from ${agencyName(referral.data.to)} whether the referral arrived and what was decided; record the outcome, and what happens meanwhile.`,
        owner: referral.agency ?? receivingAgency(referral.data.to),
        deadline: wake.at + config.responseDays * DAY_MS,
      })),
    };
  },
});
