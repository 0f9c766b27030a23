import { z } from 'zod';
import type { ThreadEvent } from '../domain/events.ts';
import { DAY_MS, formatDay } from '../domain/time.ts';
import { defineProtocol } from './protocol.ts';
import { isUnderMonths } from './support/age.ts';
import { agencyName } from './support/describe.ts';
import { childrenAround, familyEvents } from './support/family.ts';

type MissedCare = ThreadEvent<'visit.no-access' | 'appointment.missed'>;

function isMissedCare(event: ThreadEvent): event is MissedCare {
  if (event.type === 'visit.no-access') return true;
  return event.type === 'appointment.missed' && (event.data.reason === 'was-not-brought' || event.data.reason === 'did-not-attend');
}

export const repeatedWasNotBrought = defineProtocol({
  id: 'repeated-was-not-brought',
  version: '1.3.0',
  title: 'Repeated missed appointments or no-access visits for a baby',
  source:
    'NSPCC "Was Not Brought" guidance (escalate repeated missed health care); CSPR 000 and 002 (repeated no-access visits and missed appointments)',
  codes: ['repeated-was-not-brought'],
  triggers: ['appointment.missed', 'visit.no-access'],
  configSchema: z.strictObject({
    childUnderMonths: z.number().int().min(1).max(60).default(12),
    windowDays: z.number().int().min(7).max(365).default(90),
    count: z.number().int().min(2).max(10).default(2),
  }),
  evaluate({ event, world, config, partnership, now }) {
    if (!event || !isMissedCare(event)) return undefined;
    const zone = partnership.timezone;
    const findings = [];
    for (const child of childrenAround(world, event.data.person)) {
      if (!isUnderMonths(child, event.at, config.childUnderMonths, zone)) continue;
      // The child's own missed care, and no-access visits to any carer after the birth; a
      // carer's own missed appointments (an antenatal scan, say) are not the child's.
      const missed = familyEvents(world, child.id, true).filter(
        (e): e is MissedCare =>
          isMissedCare(e) &&
          e.at >= event.at - config.windowDays * DAY_MS &&
          e.at <= event.at &&
          (e.subject === child.id || (e.type === 'visit.no-access' && (child.bornMs === undefined || e.at >= child.bornMs))),
      );
      if (missed.length < config.count) continue;
      if (world.openFinding('repeated-was-not-brought', child.id)) continue;
      const list = missed.map(
        (e) =>
          `${e.type === 'visit.no-access' ? 'no access to a home visit' : `${e.data.kind.replaceAll('-', ' ')} missed`} (${agencyName(e.agency)}, ${formatDay(e.at, zone)})`,
      );
      findings.push({
        code: 'repeated-was-not-brought' as const,
        subject: child.id,
        dedupeKey: missed[0].key,
        severity: 'high' as const,
        explanation: `${missed.length} missed appointments or no-access visits for a baby under 1 within ${config.windowDays} days: ${list.join('; ')}.`,
        evidence: missed.map((e) => e.key),
        action:
          'Escalate: discuss with the safeguarding lead, see the baby within 2 working days, and share with the GP and any allocated social worker.',
        owner: event.agency ?? 'health-visiting',
        deadline: partnership.calendar.endOfWorkingDaysAfter(now, 2),
      });
    }
    return { findings };
  },
});
