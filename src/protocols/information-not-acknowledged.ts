import { z } from 'zod';
import type { ThreadEvent } from '../domain/events.ts';
import { formatDay } from '../domain/time.ts';
import { receivingAgency } from '../domain/vocabulary.ts';
import type { WorldView } from '../engine/world-view.ts';
import { defineProtocol } from './protocol.ts';
import { agencyName, cite } from './support/describe.ts';
import { childrenAround } from './support/family.ts';

const CODE = 'information-not-acknowledged';

/**
 * Whether a share waits for a receipt: as the sender says, or by default when it goes to
 * another agency or another area (the contract's default).
 */
export function requiresAcknowledgement(shared: ThreadEvent<'information.shared'>): boolean {
  return shared.data.requiresAcknowledgement ?? (receivingAgency(shared.data.to) !== shared.agency || shared.data.area !== undefined);
}

export function acknowledgementOf(world: WorldView, shared: ThreadEvent<'information.shared'>, at: number): ThreadEvent | undefined {
  return world
    .eventsOf(shared.data.person, 'information.acknowledged')
    .find((e) => e.type === 'information.acknowledged' && e.data.of === shared.key && e.at <= at);
}

function what(shared: ThreadEvent<'information.shared'>): string {
  const kind = shared.data.kind ? shared.data.kind.replaceAll('-', ' ') : 'information';
  const content = shared.data.content?.length ? ` (${shared.data.content.map((c) => c.replaceAll('-', ' ')).join(', ')})` : '';
  return `The ${kind}${content}`;
}

/**
 * Sharing is not safeguarding until it is read: a handover, discharge summary, transfer or
 * notification to another agency or area that is not acknowledged by the receiver within
 * the window (2 working days) goes back to the sender, who still owns it.
 */
export const informationNotAcknowledged = defineProtocol({
  id: CODE,
  version: '1.0.0',
  title: 'Information shared and not acknowledged',
  source:
    'Working Together to Safeguard Children 2023, ch. 1 (information sharing: timely, and practitioners check it has been received and understood); ' +
    'LCSPR 002 Key Learning 8 ("Information sharing alone does not safeguard children. It is a dynamic process, requiring checking back as to the understanding of information shared"), §7.5.4 (the receptionist did not pass on what the health visitor shared), §8.1.10; ' +
    'SCR Jack (001) §5.45 and Rec 7 (the written report reached CSC two weeks after the medical)',
  codes: [CODE],
  triggers: ['information.shared'],
  configSchema: z.strictObject({
    windowWorkingDays: z.number().int().min(0).max(30).default(2),
    responseWorkingDays: z.number().int().min(0).max(20).default(1),
  }),
  evaluate({ event, wake, world, config, partnership }) {
    const zone = partnership.timezone;
    const calendar = partnership.calendar;
    if (event?.type === 'information.shared') {
      if (!requiresAcknowledgement(event)) return undefined;
      const at = calendar.endOfWorkingDaysAfter(event.at, config.windowWorkingDays);
      return { wakes: [{ at, subject: event.subject, key: `shared:${event.key}`, cause: event.key }] };
    }
    if (!wake?.cause) return undefined;
    const shared = world.event(wake.cause);
    if (shared?.type !== 'information.shared' || !world.eventsOf(shared.data.person, 'information.shared').includes(shared))
      return undefined;
    if (acknowledgementOf(world, shared, wake.at)) return undefined;
    const receiver = `${agencyName(shared.data.to)}${shared.data.area ? ` in ${shared.data.area}` : ''}`;
    return {
      findings: childrenAround(world, shared.data.person).map((child) => ({
        code: CODE,
        subject: child.id,
        dedupeKey: shared.key,
        severity: 'medium' as const,
        explanation:
          `${what(shared)} sent to ${receiver} by ${cite(shared, zone)} has not been acknowledged by ${formatDay(wake.at, zone)} ` +
          `(${config.windowWorkingDays} working days).`,
        evidence: [shared.key],
        action: `Speak to ${receiver} directly: check it arrived and was read, agree what it means for the child and who does what next. You keep ownership until then.`,
        owner: shared.agency ?? 'health-visiting',
        deadline: calendar.endOfWorkingDaysAfter(wake.at, config.responseWorkingDays),
      })),
    };
  },
});
