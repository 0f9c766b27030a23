import { z } from 'zod';
import { HOUR_MS } from '../domain/time.ts';
import { HEALTH_AGENCIES } from '../domain/vocabulary.ts';
import { defineProtocol } from './protocol.ts';
import { isUnderMonths } from './support/age.ts';
import { agencyName } from './support/describe.ts';
import { formatDay } from '../domain/time.ts';

export const strategyDiscussionWithoutHealth = defineProtocol({
  id: 'strategy-discussion-without-health',
  version: '1.1.0',
  title: 'Strategy discussion about a baby held without health',
  source:
    'Working Together to Safeguard Children 2023, ch. 2 (strategy discussion membership includes health; a paediatrician where medical evidence is needed); CSPR 000',
  codes: ['strategy-discussion-without-health'],
  triggers: ['strategy.discussion'],
  configSchema: z.strictObject({
    childUnderMonths: z.number().int().min(1).max(216).default(12),
  }),
  evaluate({ event, world, config, partnership, now }) {
    if (event?.type !== 'strategy.discussion') return undefined;
    const child = world.person(event.data.person);
    const zone = partnership.timezone;
    if (!child || (child.role !== 'unborn' && !isUnderMonths(child, event.at, config.childUnderMonths, zone))) return undefined;
    if (event.data.paediatricianInput || event.data.attendees.some((a) => HEALTH_AGENCIES.includes(a))) return undefined;
    return {
      findings: [
        {
          code: 'strategy-discussion-without-health',
          subject: child.id,
          dedupeKey: event.key,
          severity: 'high',
          explanation:
            `The strategy discussion on ${formatDay(event.at, zone)} about ${child.role === 'unborn' ? 'an unborn baby' : 'a baby under 1'} was attended by ${event.data.attendees.map(agencyName).join(', ') || 'no recorded agency'}, ` +
            `with no health agency and no paediatrician input.`,
          evidence: [event.key],
          action:
            'Reconvene or extend the strategy discussion with health (a paediatrician and the health visitor or GP) and review the decisions made.',
          owner: 'children-social-care',
          deadline: now + 24 * HOUR_MS,
        },
      ],
    };
  },
});
