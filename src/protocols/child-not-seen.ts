import { z } from 'zod';
import type { ThreadEvent } from '../domain/events.ts';
import { formatDay } from '../domain/time.ts';
import type { PersonState, WorldView } from '../engine/world-view.ts';
import { defineProtocol, type WakeRequest } from './protocol.ts';
import { describeAge, isUnderMonths } from './support/age.ts';
import { cite } from './support/describe.ts';
import { childrenAround } from './support/family.ts';

const CODE = 'child-not-seen';

/** Visits whose purpose includes seeing the child. */
const VISITS = new Set(['home-visit', 'new-birth-visit', 'six-to-eight-week-review', 'one-year-review', 'two-year-review']);
/** Records that mean a practitioner saw the child in person. */
const SEEING = new Set<ThreadEvent['type']>([
  'measurement',
  'immunisation.given',
  'injury.observed',
  'illness.presented',
  'hospital.admitted',
  'investigation',
  'birth',
]);

const configSchema = z.strictObject({
  childUnderMonths: z.number().int().min(1).max(216).default(60),
  /** Working days for some agency to see the child. */
  withinWorkingDays: z.number().int().min(0).max(20).default(5),
  /** For a child on a plan or with an open high-severity finding. */
  urgentWithinWorkingDays: z.number().int().min(0).max(20).default(1),
});
type Config = z.output<typeof configSchema>;

/** The children a visit recorded as not seen: the visit's child, or the young children of the adult visited who are not listed as seen. */
function childrenNotSeen(world: WorldView, visit: ThreadEvent<'contact'>, at: number, config: Config, zone: string): PersonState[] {
  const seen = new Set(visit.data.seen ?? []);
  return childrenAround(world, visit.data.person).filter(
    (c) => c.role === 'child' && !seen.has(c.id) && isUnderMonths(c, at, config.childUnderMonths, zone),
  );
}

/** Whether `event` shows the child seen: a contact seeing them, or a record only made in their presence. */
function sees(event: ThreadEvent, childId: string, same: readonly string[]): boolean {
  if (event.type === 'contact') {
    if (event.data.kind === 'phone-call' || event.data.kind === 'supervision-session') return false;
    const about = same.includes(event.data.person);
    if (event.data.seen?.some((id) => same.includes(id))) return true;
    return about && event.data.childSeen !== false;
  }
  return SEEING.has(event.type) && same.includes(event.subject);
}

function needsUrgency(world: WorldView, child: PersonState, at: number): string | undefined {
  if (child.openPlans.size > 0) return `on ${[...child.openPlans.keys()].map((k) => `a ${k.replaceAll('-', ' ')} plan`).join(' and ')}`;
  const serious = world
    .findingsAbout(child.id)
    .find((f) => f.severity === 'high' && f.code !== CODE && (f.status === 'open' || f.status === 'acknowledged') && f.raisedAt <= at);
  return serious ? `with an open high-severity finding (${serious.code.replaceAll('-', ' ')})` : undefined;
}

export const childNotSeen = defineProtocol({
  id: CODE,
  version: '1.0.0',
  title: 'Child not seen at a visit and not seen by any agency since',
  source:
    'Working Together to Safeguard Children 2023 (the child seen, and seen alone where appropriate); Healthy Child Programme (each mandated contact sees the child); ' +
    'CSPR 002 §7.5.8 and §8.1.12 (a child reported asleep and not seen; "Child One was not followed up"); CSPR 001 §5.21 (the neglect history)',
  codes: [CODE],
  triggers: ['contact'],
  configSchema,
  evaluate({ event, wake, world, config, partnership, now }) {
    const zone = partnership.timezone;
    if (event?.type === 'contact') {
      if (event.data.childSeen !== false || !VISITS.has(event.data.kind)) return undefined;
      const wakes: WakeRequest[] = childrenNotSeen(world, event, event.at, config, zone).map((child) => {
        const days = needsUrgency(world, child, event.at) ? config.urgentWithinWorkingDays : config.withinWorkingDays;
        return {
          at: partnership.calendar.endOfWorkingDaysAfter(event.at, days),
          subject: child.id,
          key: `visit:${event.key}`,
          cause: event.key,
        };
      });
      return { wakes };
    }
    if (!wake?.cause) return undefined;
    const visit = world.event(wake.cause);
    const child = world.person(wake.subject);
    if (!visit || visit.type !== 'contact' || !child) return undefined;
    const same = world.identityGroup(child.id);
    const seenSince = world
      .eventsOf(child.id)
      .some((e) => e.at > visit.at && e.at <= now && e.key !== visit.key && sees(e, child.id, same));
    if (seenSince || world.openFinding(CODE, child.id)) return undefined;
    const urgency = needsUrgency(world, child, visit.at);
    const days = urgency ? config.urgentWithinWorkingDays : config.withinWorkingDays;
    const note = visit.note ? ` (recorded: "${visit.note}")` : '';
    return {
      findings: [
        {
          code: CODE,
          subject: child.id,
          dedupeKey: wake.key,
          severity: urgency ? 'high' : 'medium',
          explanation:
            `A child ${describeAge(child, now)}${urgency ? `, ${urgency},` : ''} was not seen at the ${visit.data.kind.replaceAll('-', ' ')} by ${cite(visit, zone)}${note}, ` +
            `and no agency has recorded seeing the child in the ${days} working day${days === 1 ? '' : 's'} since (by ${formatDay(now, zone)}). ` +
            "A child asleep upstairs or at a relative's at visit after visit is a child nobody sees (CSPR 002 §7.5.8).",
          evidence: [visit.key],
          action:
            'See the child today, in person and awake (a visit or a clinic appointment); if the family cannot be reached, follow the no-access procedure, ' +
            'tell the safeguarding lead, and the allocated social worker if the child is on a plan.',
          owner: visit.agency ?? 'health-visiting',
          deadline: partnership.calendar.endOfWorkingDaysAfter(now, 1),
        },
      ],
    };
  },
});
