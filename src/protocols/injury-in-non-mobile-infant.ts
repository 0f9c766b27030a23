import { z } from 'zod';
import { DAY_MS, endOfLocalDay, localDateKey } from '../domain/time.ts';
import { defineProtocol } from './protocol.ts';
import { describeAge } from './support/age.ts';
import { cite } from './support/describe.ts';
import { isNonMobile } from './support/non-mobile.ts';

export const injuryInNonMobileInfant = defineProtocol({
  id: 'injury-in-non-mobile-infant',
  version: '1.1.0',
  title: 'Bruising or injury in a non-mobile baby',
  source:
    'Cambridgeshire and Peterborough Safeguarding Children Partnership, protocol for bruising and injuries in non-mobile babies; NICE CG89 (child maltreatment); CSPR 000 (Child B)',
  codes: ['injury-in-non-mobile-infant'],
  triggers: ['injury.observed'],
  configSchema: z.strictObject({
    nonMobileUnderMonths: z.number().int().min(1).max(24).default(6),
    /** How long after a strategy discussion injuries seen by social care or police belong to its enquiries. */
    enquiryDays: z.number().int().min(0).max(90).default(14),
  }),
  evaluate({ event, world, config, partnership, now }) {
    if (event?.type !== 'injury.observed') return undefined;
    const child = world.person(event.data.person);
    if (!child || !isNonMobile(child, event.at, event.data.mobile, config.nonMobileUnderMonths, partnership.timezone)) return undefined;
    const zone = partnership.timezone;
    // The protocol exists to start the multi-agency response. When children's social care
    // or the police record the injury during enquiries a strategy discussion has already
    // opened, that response is under way; the medical is followed by the discharge rule.
    const enquiries = world
      .eventsOf(child.id, 'strategy.discussion')
      .some((e) => e.at <= event.at && e.at >= event.at - config.enquiryDays * DAY_MS);
    if (enquiries && (event.agency === 'children-social-care' || event.agency === 'police')) return undefined;
    const kind = event.data.kind.replaceAll('-', ' ');
    const plural = event.data.count !== undefined && event.data.count > 1;
    const what = `${plural ? `${event.data.count} ${kind}s` : `A ${kind}`}${event.data.site ? ` (${event.data.site})` : ''} ${plural ? 'were' : 'was'}`;
    const explanation =
      `${what} recorded by ${cite(event, zone)} in a baby ${describeAge(child, event.at)} who is not independently mobile` +
      (event.data.explanation ? `; the explanation given was "${event.data.explanation}"` : '') +
      `. The protocol requires a same-day referral to children's social care and a paediatric child protection medical, whatever the explanation.`;
    return {
      findings: [
        {
          code: 'injury-in-non-mobile-infant',
          subject: child.id,
          dedupeKey: localDateKey(event.at, zone),
          severity: 'high',
          explanation,
          evidence: [event.key],
          action: "Refer to children's social care today and arrange a paediatric child protection medical.",
          owner: event.agency ?? 'children-social-care',
          deadline: endOfLocalDay(now, zone),
          // Children's social care seeing the injury itself needs no referral to itself.
          requiresReferral: event.agency !== 'children-social-care',
        },
      ],
    };
  },
});
