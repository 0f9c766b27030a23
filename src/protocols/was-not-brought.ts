import { z } from 'zod';
import { DAY_MS } from '../domain/time.ts';
import { HEALTH_AGENCIES } from '../domain/vocabulary.ts';
import { defineProtocol } from './protocol.ts';
import { describeAge, isUnderMonths } from './support/age.ts';
import { agencyName, cite } from './support/describe.ts';

/** A child does not "fail to attend": a missed appointment is the child not brought. */
export const wasNotBrought = defineProtocol({
  id: 'was-not-brought',
  version: '1.0.0',
  title: 'Child not brought to a health appointment',
  source: 'NSPCC and RCGP "Was Not Brought" guidance; NHS England safeguarding children (missed health appointments); CSPR 000 (Child D)',
  codes: ['was-not-brought'],
  triggers: ['appointment.missed'],
  configSchema: z.strictObject({
    childUnderYears: z.number().int().min(1).max(18).default(5),
    followUpDays: z.number().int().min(0).max(28).default(2),
  }),
  evaluate({ event, world, config, partnership, now }) {
    if (event?.type !== 'appointment.missed') return undefined;
    if (event.data.reason !== 'was-not-brought' && event.data.reason !== 'did-not-attend') return undefined;
    if (event.agency && !HEALTH_AGENCIES.includes(event.agency)) return undefined;
    const child = world.person(event.data.person);
    const zone = partnership.timezone;
    if (!child || !isUnderMonths(child, event.at, config.childUnderYears * 12, zone)) return undefined;
    const recordedAs = event.data.reason === 'did-not-attend' ? ' (recorded as "did not attend")' : '';
    return {
      findings: [
        {
          code: 'was-not-brought',
          subject: child.id,
          dedupeKey: event.key,
          severity: 'medium',
          explanation:
            `A child ${describeAge(child, event.at)} was not brought to a ${event.data.kind.replaceAll('-', ' ')} with ${cite(event, zone)}${recordedAs}. ` +
            'A missed appointment for a child is a child not brought by their carers, not a choice the child made.',
          evidence: [event.key],
          action: `${agencyName(event.agency)}: contact the family, rebook, tell the GP and health visitor, and consider whether the missed care is a safeguarding concern.`,
          owner: event.agency ?? 'health-visiting',
          deadline: now + config.followUpDays * DAY_MS,
        },
      ],
    };
  },
});
