import { z } from 'zod';
import type { ThreadEvent } from '../domain/events.ts';
import { formatDay } from '../domain/time.ts';
import type { WorldView } from '../engine/world-view.ts';
import { defineProtocol } from './protocol.ts';
import { agencyName, cite } from './support/describe.ts';
import { childrenAround } from './support/family.ts';

const CODE = 'escalation-unresolved';
type Raised = ThreadEvent<'escalation.raised'>;

/** Whom each stage of the partnership's escalation procedure involves, for the finding's action. */
const NEXT_STAGE: Record<number, string> = {
  1: 'stage 2: the line managers of the two practitioners discuss it',
  2: "stage 3: the agencies' senior managers (or named safeguarding leads) meet to resolve it",
  3: "the partnership: refer it to the safeguarding partnership's business manager for the independent chair or scrutineer",
};

/** The escalations this one continues (its earlier stages), by `follows` or by child, agencies and a lower stage. */
function chain(world: WorldView, raised: Raised): Raised[] {
  const all = world.eventsOf(raised.data.person, 'escalation.raised') as Raised[];
  const links = [raised];
  for (let current = raised; ;) {
    const earlier = current.data.follows
      ? all.find((e) => e.key === current.data.follows)
      : all
          .filter(
            (e) =>
              e.at <= current.at &&
              e.key !== current.key &&
              e.agency === current.agency &&
              e.data.to === current.data.to &&
              e.data.stage < current.data.stage,
          )
          .at(-1);
    if (!earlier || links.includes(earlier)) return links;
    links.push(earlier);
    current = earlier;
  }
}

/** Resolved (any stage of its chain), or moved on to a later stage, by `at`. */
function settled(world: WorldView, raised: Raised, at: number): boolean {
  const all = world.eventsOf(raised.data.person, 'escalation.raised') as Raised[];
  const later = all.filter((e) => e.key !== raised.key && e.at <= at && chain(world, e).includes(raised));
  const keys = new Set([...chain(world, raised), ...later].map((e) => e.key));
  if (later.length > 0) return true;
  return world
    .eventsOf(raised.data.person, 'escalation.resolved')
    .some((e) => e.type === 'escalation.resolved' && keys.has(e.data.of) && e.at <= at);
}

/**
 * Professional challenge under the partnership's escalation procedure: each stage has a
 * window to resolve the disagreement (default 5 working days). An escalation neither
 * resolved nor taken to the next stage by then raises this finding: move it on.
 */
export const escalationUnresolved = defineProtocol({
  id: CODE,
  version: '1.0.0',
  title: 'Escalation between agencies not resolved in time',
  source:
    "Working Together to Safeguard Children 2023, ch. 2 (safeguarding partners' arrangements to resolve professional disagreements; escalation policies); the local safeguarding partnership's escalation (resolving professional differences) procedure, stages 1 to 3 with timescales; " +
    "CSPR 000 KLE3 (the CP medicals done 'at the insistence of CSC'); LCSPR 002 Key Learning 6 and 7 (not 'second guessing' MASH; 'constructive challenge')",
  codes: [CODE],
  triggers: ['escalation.raised'],
  configSchema: z.strictObject({
    /** Working days each stage has to resolve it, stages 1, 2 and 3. */
    stageWorkingDays: z
      .tuple([z.number().int().min(0).max(60), z.number().int().min(0).max(60), z.number().int().min(0).max(60)])
      .default([5, 5, 5]),
    responseWorkingDays: z.number().int().min(0).max(20).default(1),
  }),
  evaluate({ event, wake, world, config, partnership }) {
    const zone = partnership.timezone;
    const calendar = partnership.calendar;
    if (event?.type === 'escalation.raised') {
      const at = calendar.endOfWorkingDaysAfter(event.at, config.stageWorkingDays[event.data.stage - 1]);
      return { wakes: [{ at, subject: event.subject, key: `escalation:${event.key}`, cause: event.key }] };
    }
    if (!wake?.cause) return undefined;
    const raised = world.event(wake.cause) as Raised | undefined;
    if (raised?.type !== 'escalation.raised' || !world.eventsOf(raised.data.person, 'escalation.raised').includes(raised)) return undefined;
    if (settled(world, raised, wake.at)) return undefined;
    const stage = raised.data.stage;
    return {
      findings: childrenAround(world, raised.data.person).map((child) => ({
        code: CODE,
        subject: child.id,
        dedupeKey: raised.key,
        severity: 'high' as const,
        explanation:
          `The escalation raised at stage ${stage} by ${cite(raised, zone)} with ${agencyName(raised.data.to)} about "${raised.data.about}" ` +
          `is not resolved by ${formatDay(wake.at, zone)} (${config.stageWorkingDays[stage - 1]} working days for stage ${stage}).`,
        evidence: chain(world, raised).map((e) => e.key),
        action: `Take it to ${NEXT_STAGE[stage]}; record the escalation at the next stage, or its resolution.`,
        owner: raised.agency!,
        deadline: calendar.endOfWorkingDaysAfter(wake.at, config.responseWorkingDays),
      })),
    };
  },
});
