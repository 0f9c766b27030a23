import { z } from 'zod';
import { endOfLocalDay, localDateKey } from '../domain/time.ts';
import { defineProtocol } from './protocol.ts';
import { describeAge } from './support/age.ts';
import { cite } from './support/describe.ts';
import { isNonMobile } from './support/non-mobile.ts';

export const seriousIllnessInNonMobileInfant = defineProtocol({
  id: 'serious-illness-in-non-mobile-infant',
  version: '1.0.0',
  title: 'Serious unexpected illness in a non-mobile baby',
  source:
    'Safeguarding partnership guidance on serious unexpected illness in non-mobile infants (ambulance, police control room and emergency department presentations); domain.md protocols table',
  codes: ['serious-illness-in-non-mobile-infant'],
  triggers: ['illness.presented'],
  configSchema: z.strictObject({
    nonMobileUnderMonths: z.number().int().min(1).max(24).default(6),
  }),
  evaluate({ event, world, config, partnership, now }) {
    if (event?.type !== 'illness.presented' || event.data.severity !== 'serious-unexpected') return undefined;
    const child = world.person(event.data.person);
    if (!child || !isNonMobile(child, event.at, event.data.mobile, config.nonMobileUnderMonths, partnership.timezone)) return undefined;
    const zone = partnership.timezone;
    return {
      findings: [
        {
          code: 'serious-illness-in-non-mobile-infant',
          subject: child.id,
          dedupeKey: localDateKey(event.at, zone),
          severity: 'high',
          explanation:
            `Serious unexpected ill-health${event.data.description ? ` (${event.data.description})` : ''} was recorded by ${cite(event, zone)} ` +
            `in a baby ${describeAge(child, event.at)} who is not independently mobile. The protocol requires a safeguarding referral even when there is no other concern.`,
          evidence: [event.key],
          action:
            "Make a safeguarding referral to children's social care today and ensure a paediatric assessment considers non-accidental causes.",
          owner: event.agency ?? 'children-social-care',
          deadline: endOfLocalDay(now, zone),
          requiresReferral: true,
        },
      ],
    };
  },
});
