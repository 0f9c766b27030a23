import { z } from 'zod';
import type { ThreadEvent } from '../domain/events.ts';
import { DAY_MS, addMonths, endOfLocalDay, formatDay } from '../domain/time.ts';
import { IMMUNISATION_STAGES, type ImmunisationStage } from '../domain/vocabulary.ts';
import type { PersonState, WorldView } from '../engine/world-view.ts';
import { defineProtocol, type WakeRequest } from './protocol.ts';
import { describeAge } from './support/age.ts';

const CODE = 'immunisations-overdue';

/**
 * When each stage of the UK routine schedule falls due (UKHSA, "The complete routine
 * immunisation schedule"): 8, 12 and 16 weeks, on or after the first birthday, and from
 * 3 years 4 months.
 */
export const STAGE_DUE: Record<ImmunisationStage, { weeks: number } | { months: number }> = {
  '8-weeks': { weeks: 8 },
  '12-weeks': { weeks: 12 },
  '16-weeks': { weeks: 16 },
  '1-year': { months: 12 },
  '3-years-4-months': { months: 40 },
};

const STAGE_NAMES: Record<ImmunisationStage, string> = {
  '8-weeks': '8-week',
  '12-weeks': '12-week',
  '16-weeks': '16-week',
  '1-year': '1-year',
  '3-years-4-months': '3-year-4-month (pre-school)',
};

const configSchema = z.strictObject({
  /** Days after a stage falls due before it counts as overdue (default 4 weeks). */
  graceDays: z.number().int().min(0).max(365).default(28),
  /** The stages the partnership follows up; all five by default. */
  stages: z
    .array(z.enum(IMMUNISATION_STAGES))
    .min(1)
    .default([...IMMUNISATION_STAGES]),
  /** Days the GP practice has to contact the family. */
  followUpWithinDays: z.number().int().min(1).max(28).default(10),
});
type Config = z.output<typeof configSchema>;

export function stageDueAt(bornMs: number, stage: ImmunisationStage, zone: string): number {
  const due = STAGE_DUE[stage];
  return 'weeks' in due ? bornMs + due.weeks * 7 * DAY_MS : addMonths(bornMs, due.months, zone);
}

function overdueAt(bornMs: number, stage: ImmunisationStage, config: Config, zone: string): number {
  return endOfLocalDay(stageDueAt(bornMs, stage, zone) + config.graceDays * DAY_MS, zone);
}

function given(world: WorldView, childId: string, stage: ImmunisationStage, by: number): boolean {
  return world.eventsOf(childId, 'immunisation.given').some((e) => e.type === 'immunisation.given' && e.data.stage === stage && e.at <= by);
}

/**
 * Threadline can only judge the stages that fall due while it knows the child: a child first
 * recorded at 2 years old brings no immunisation history with it, so only the stages whose
 * grace ends after the first record are followed.
 */
function schedule(child: PersonState, config: Config, zone: string, cause: string): WakeRequest[] {
  if (child.role !== 'child' || child.bornMs === undefined) return [];
  const born = child.bornMs;
  return config.stages
    .map((stage) => ({ stage, at: overdueAt(born, stage, config, zone) }))
    .filter(({ at }) => at > child.firstRecordedAt)
    .map(({ stage, at }) => ({ at, subject: child.id, key: `stage:${stage}`, cause }));
}

export const immunisationsOverdue = defineProtocol({
  id: CODE,
  version: '1.0.0',
  title: 'Routine immunisations overdue',
  source:
    'UKHSA, The complete routine immunisation schedule (8, 12 and 16 weeks, 1 year, 3 years 4 months); ' +
    'CSPR 002 §4.2 and §8.4.1 (late immunisations, appointments "routinely not being kept", a pattern not recognised across the two children); ' +
    'NICE NG76 / CG89 (persistent failure to obtain essential care is a sign of neglect)',
  codes: [CODE],
  triggers: ['birth', 'person.recorded'],
  configSchema,
  evaluate({ event, wake, world, config, partnership, now }) {
    const zone = partnership.timezone;
    if (event) {
      const id = event.type === 'birth' ? event.data.child : event.type === 'person.recorded' ? event.data.person : undefined;
      const child = id ? world.person(id) : undefined;
      return child ? { wakes: schedule(child, config, zone, event.key) } : undefined;
    }
    if (!wake) return undefined;
    const child = world.person(wake.subject);
    if (!child || child.bornMs === undefined) return undefined;
    const stage = wake.key.slice('stage:'.length) as ImmunisationStage;
    // A birth corrected after the wake was set moves the schedule: judge only a wake that is still due.
    if (!config.stages.includes(stage) || overdueAt(child.bornMs, stage, config, zone) !== wake.at) return undefined;
    if (given(world, child.id, stage, now)) return undefined;
    // One open finding per child: a second stage missed while the first is still open is
    // the same conversation with the family.
    if (world.openFinding(CODE, child.id)) return undefined;
    const missing = config.stages.filter((s) => overdueAt(child.bornMs!, s, config, zone) <= now && !given(world, child.id, s, now));
    const refused = world
      .eventsOf(child.id, 'consent.refused')
      .filter(
        (e): e is ThreadEvent<'consent.refused'> => e.type === 'consent.refused' && e.at <= now && /immuni[sz]|vaccin/i.test(e.data.for),
      );
    const list = missing.map((s) => `${STAGE_NAMES[s]} (due ${formatDay(stageDueAt(child.bornMs!, s, zone), zone)})`);
    return {
      findings: [
        {
          code: CODE,
          subject: child.id,
          dedupeKey: wake.key,
          severity: 'low',
          explanation:
            `A child ${describeAge(child, now)} has no record of the ${list.join(', ')} immunisation${missing.length === 1 ? '' : 's'}, ` +
            `${config.graceDays} days after ${missing.length === 1 ? 'it' : 'each'} fell due.` +
            (refused.length > 0 ? ` A parent declined: "${refused.map((e) => e.data.for).join('"; "')}".` : '') +
            ' Missed immunisations alongside other missed health care are a sign of possible neglect (CSPR 002).',
          evidence: [...missing.map(() => wake.cause).filter((c): c is string => c !== undefined), ...refused.map((e) => e.key)].filter(
            (k, i, all) => all.indexOf(k) === i,
          ),
          action:
            `GP practice: contact the family by ${formatDay(now + config.followUpWithinDays * DAY_MS, zone)} to offer the immunisations; ` +
            'if the child was not brought, follow the Was Not Brought policy and tell the health visitor.',
          owner: 'gp',
          deadline: endOfLocalDay(now + config.followUpWithinDays * DAY_MS, zone),
        },
      ],
    };
  },
});
