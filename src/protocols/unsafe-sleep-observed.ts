import { z } from 'zod';
import { DAY_MS } from '../domain/time.ts';
import { defineProtocol } from './protocol.ts';
import { isUnderMonths } from './support/age.ts';
import { cite } from './support/describe.ts';
import { childrenAround } from './support/family.ts';

export const unsafeSleepObserved = defineProtocol({
  id: 'unsafe-sleep-observed',
  version: '1.0.0',
  title: 'Unsafe sleeping arrangement for a baby',
  source:
    'The Lullaby Trust safer sleep guidance; National Child Safeguarding Practice Review Panel, "Out of routine" (2020): sudden unexpected infant death in families with additional needs',
  codes: ['unsafe-sleep-observed'],
  triggers: ['concern.recorded'],
  configSchema: z.strictObject({
    childUnderMonths: z.number().int().min(1).max(24).default(12),
  }),
  evaluate({ event, world, config, partnership, now }) {
    if (event?.type !== 'concern.recorded' || event.data.kind !== 'unsafe-sleep') return undefined;
    const zone = partnership.timezone;
    const findings = childrenAround(world, event.data.person)
      .filter((child) => isUnderMonths(child, event.at, config.childUnderMonths, zone))
      .map((child) => ({
        code: 'unsafe-sleep-observed' as const,
        subject: child.id,
        dedupeKey: event.key,
        severity: 'medium' as const,
        explanation: `An unsafe sleeping arrangement was recorded by ${cite(event, zone)} for a baby under 1${event.data.detail ? `: ${event.data.detail}` : ''}.`,
        evidence: [event.key],
        action:
          'Give safer-sleep advice to every carer (including the father or male carer), check the sleeping place at the next visit, and share with the health visitor and GP.',
        owner: event.agency ?? 'health-visiting',
        deadline: now + 7 * DAY_MS,
      }));
    return { findings };
  },
});
