import { z } from 'zod';
import type { ThreadEvent } from '../domain/events.ts';
import type { FindingDraft } from '../domain/findings.ts';
import { DAY_MS, endOfLocalDay, formatDay } from '../domain/time.ts';
import { AGENCIES, RELATIONSHIP_KINDS, type Agency } from '../domain/vocabulary.ts';
import type { PersonState, Relationship, WorldView } from '../engine/world-view.ts';
import { defineProtocol, type WakeRequest } from './protocol.ts';
import { describeAge, isUnderMonths } from './support/age.ts';
import { agencyName, cite, plural } from './support/describe.ts';
import { childrenAround } from './support/family.ts';
import { familyConcerns } from './support/vulnerability.ts';

const CODE = 'male-carer-not-identified';

const configSchema = z.strictObject({
  /** The new birth visit (Healthy Child Programme: 10–14 days) is where the health visitor meets the household. */
  identifyByDays: z.number().int().min(7).max(42).default(14),
  /**
   * Days for a man recorded in a baby's household to be checked. "The Myth of Invisible
   * Men" (CSPR Panel 2021) asks services to identify every man around a baby, to see and
   * engage him, and to link his records with police, probation and mental health. A man
   * recorded during pregnancy is due by the new birth visit (day 14), the first contact at
   * which the health visitor meets the household with the baby at home, the start of the
   * period of risk the Panel studied; a man recorded later, within 14 days of his record.
   */
  checkWithinDays: z.number().int().min(1).max(42).default(14),
  /** Infants under 1: the Panel's review covers non-accidental injury to children under 1. */
  childUnderMonths: z.number().int().min(1).max(60).default(12),
  /** Relationships that put a man in the baby's household. */
  householdKinds: z
    .array(z.enum(RELATIONSHIP_KINDS))
    .default(['father', 'male-carer', 'partner-of-parent', 'household-member', 'grandparent']),
  /**
   * Agencies whose records about him are his history, linked in the shared record: the
   * police and probation checks the Panel asks for, and children's social care (the checks
   * a front door makes as a matter of course).
   */
  checkAgencies: z.array(z.enum(AGENCIES)).default(['police', 'probation', 'children-social-care']),
  /**
   * The services working with the baby, who must themselves identify the men around it (the
   * Panel: men known to police or probation were unknown to midwives and health visitors).
   */
  identifyingAgencies: z
    .array(z.enum(AGENCIES))
    .default(['midwifery', 'health-visiting', 'gp', 'hospital', 'children-social-care', 'early-help', 'children-centre']),
  /**
   * Raise only where the family's needs are on record (any concern about the baby or an adult
   * around it). CSPR 000 found that where needs were assessed "only maternal needs/pressures
   * were documented"; the Panel asks that men be part of every assessment of need. For a
   * family with no recorded needs, asking about and meeting the father is the routine of
   * the Healthy Child Programme, not a safeguarding finding (a finding on every such family
   * would bury the rest).
   */
  onlyWithRecordedNeeds: z.boolean().default(true),
});
type Config = z.output<typeof configSchema>;

/** Father and male-carer are men unless recorded otherwise; other kinds only if recorded male. */
function isMan(person: PersonState | undefined, kind: string): boolean {
  if (!person || person.role !== 'adult') return false;
  if (kind === 'father' || kind === 'male-carer') return person.sex !== 'female';
  return person.sex === 'male';
}

/** The men recorded as father or male carer (or a mother's male partner) of the child. */
function fathersAndMaleCarers(world: WorldView, childId: string): Relationship[] {
  return world
    .carersOf(childId)
    .filter((r) => ['father', 'male-carer', 'partner-of-parent'].includes(r.kind) && isMan(world.person(r.person), r.kind));
}

/** Whether a relationship was recorded by a service working with the baby (or by no named agency). */
function identifiedByChildServices(world: WorldView, rel: Relationship, config: Config): boolean {
  const agency = world.event(rel.key)?.agency;
  return agency === undefined || config.identifyingAgencies.includes(agency);
}

/** The men in the baby's household (the configured relationships). */
function householdMen(world: WorldView, childId: string, config: Config): Relationship[] {
  const seen = new Set<string>();
  return world.carersOf(childId).filter((r) => {
    if (!config.householdKinds.includes(r.kind) || !isMan(world.person(r.person), r.kind) || seen.has(r.person)) return false;
    seen.add(r.person);
    return true;
  });
}

/**
 * A record showing his history was checked: information shared about him, or a record about
 * him by police, probation or children's social care (his history, linked), at any time up
 * to the deadline; or a practitioner saw him at a contact since (shortly before) he was
 * recorded in the baby's household, not years before for something else.
 */
function historyCheck(world: WorldView, manId: string, linkedAt: number, until: number, config: Config): ThreadEvent | undefined {
  const seenFrom = linkedAt - config.checkWithinDays * DAY_MS;
  return world.eventsOf(manId).find((e) => {
    if (e.at > until) return false;
    if (e.type === 'information.shared' && e.data.person === manId) return true;
    if (
      (e.type === 'concern.recorded' || e.type === 'contact') &&
      e.agency &&
      config.checkAgencies.includes(e.agency) &&
      e.subject === manId
    )
      return true;
    return e.type === 'contact' && e.at >= seenFrom && (e.data.seen ?? []).includes(manId);
  });
}

function youngEnough(child: PersonState | undefined, at: number, config: Config, zone: string): child is PersonState {
  return child !== undefined && (child.role === 'unborn' || isUnderMonths(child, at, config.childUnderMonths, zone));
}

function babyText(child: PersonState, now: number): string {
  return child.role === 'unborn' ? 'an unborn baby' : `a baby ${describeAge(child, now)}`;
}

function needsText(needs: readonly ThreadEvent[], zone: string): string {
  const first = needs[0];
  if (!first) return '';
  const kind = first.type === 'concern.recorded' ? `${first.data.kind.replaceAll('-', ' ')} ` : '';
  return `The family's needs are on record (${plural(needs.length, 'concern')}, the first: ${kind}recorded by ${cite(first, zone)}), so the men around the baby must be part of the picture. `;
}

/** No father or male carer identified by the services working with the baby. */
function notIdentified(
  world: WorldView,
  child: PersonState,
  needs: readonly ThreadEvent[],
  now: number,
  config: Config,
  zone: string,
): FindingDraft | undefined {
  const men = fathersAndMaleCarers(world, child.id);
  if (men.some((r) => identifiedByChildServices(world, r, config))) return undefined;
  const birth = world.eventsOf(child.id, 'birth')[0];
  const recorded = world.carersOf(child.id).map((r) => {
    const source = world.event(r.key);
    return `${r.kind.replaceAll('-', ' ')}${source ? ` (${cite(source, zone)})` : ''}`;
  });
  const elsewhere =
    men.length > 0
      ? `The ${men.map((r) => `${r.kind.replaceAll('-', ' ')} is recorded only by ${cite(world.event(r.key)!, zone)}`).join('; the ')}, not by anyone working with the baby. `
      : '';
  return {
    code: CODE,
    subject: child.id,
    dedupeKey: 'identify',
    severity: 'medium',
    explanation:
      `No father or male carer has been identified by the services working with ${babyText(child, now)} (born ${formatDay(child.bornMs!, zone)}${birth ? `, recorded by ${cite(birth, zone)}` : ''}) ` +
      `by day ${config.identifyByDays}, when the new birth visit should have met the household. ${elsewhere}${needsText(needs, zone)}` +
      `${recorded.length > 0 ? `Recorded so far: ${recorded.join('; ')}.` : 'No one else is recorded around the baby.'} ` +
      "If the father is said to have no contact, that too should be recorded with his details (CSPR 000, Child D's father was never identified).",
    evidence: [...(birth ? [birth.key] : []), ...men.map((r) => r.key), ...needs.slice(0, 1).map((e) => e.key)],
    action:
      "Health visiting: ask who the baby's father is and which men live in or often visit the home or care for the baby; record each (name, relationship), " +
      'invite and see him, and ask police, probation and mental health services through the safeguarding route what they know.',
    owner: 'health-visiting',
    deadline: endOfLocalDay(now + 7 * DAY_MS, zone),
  };
}

/** A man in the household whose history nobody has checked and whom nobody has seen. */
function notChecked(
  world: WorldView,
  child: PersonState,
  rel: Relationship,
  needs: readonly ThreadEvent[],
  now: number,
  config: Config,
  zone: string,
): FindingDraft | undefined {
  if (historyCheck(world, rel.person, rel.at, now, config)) return undefined;
  const link = world.event(rel.key);
  // Health visiting leads the household's assessment after the birth; social care if it holds the case.
  const owner: Agency = link?.agency === 'children-social-care' ? 'children-social-care' : 'health-visiting';
  return {
    code: CODE,
    subject: child.id,
    dedupeKey: `checks:${rel.person}`,
    severity: 'medium',
    explanation:
      `A man is recorded in the household of ${babyText(child, now)}: the ${rel.kind.replaceAll('-', ' ')}${link ? `, recorded by ${cite(link, zone)}` : ''}. ${needsText(needs, zone)}` +
      `By ${formatDay(now, zone)} nothing shows his history has been checked: nothing has been shared about him, ` +
      `${config.checkAgencies
        .map(agencyName)
        .join(', ')
        .replace(/, ([^,]*)$/, ' and $1')} hold no record about him, and no practitioner has seen him at a contact since he was recorded.`,
    evidence: [rel.key, ...needs.slice(0, 1).map((e) => e.key)],
    action:
      `${agencyName(owner).charAt(0).toUpperCase() + agencyName(owner).slice(1)}: see him and talk with him about his role, his own history and support needs; ` +
      `request checks with ${config.checkAgencies.map(agencyName).join(', ')} and adult mental health through the safeguarding route, and record what is learned.`,
    owner,
    deadline: endOfLocalDay(now + 7 * DAY_MS, zone),
  };
}

export const maleCarerNotIdentified = defineProtocol({
  id: CODE,
  version: '1.0.0',
  title: 'Father or male carer not identified, or his history not checked',
  source:
    'Child Safeguarding Practice Review Panel, "The Myth of Invisible Men: safeguarding children under 1 from non-accidental injury caused by male carers" (2021): identify every man in the household, see and engage him, link his records (police, probation, mental health); ' +
    'CSPR 000 KLE2 and Recommendation 3 (fathers absent from records; Child D\'s father "not identified in multi-agency records"); CSPR 002 §8.3 (two men in the household about whom very little was known)',
  codes: [CODE],
  triggers: ['birth', 'person.recorded', 'relationship.recorded', 'concern.recorded'],
  configSchema,
  evaluate({ event, wake, world, config, partnership, now }) {
    const zone = partnership.timezone;
    if (event?.type === 'birth' || (event?.type === 'person.recorded' && event.data.role === 'child')) {
      const child = world.person(event.subject);
      if (!child?.bornMs) return undefined;
      const at = endOfLocalDay(child.bornMs + config.identifyByDays * DAY_MS, zone);
      return at < event.at ? undefined : { wakes: [{ at, subject: child.id, key: 'identify', cause: event.key }] };
    }
    if (event?.type === 'relationship.recorded') {
      // Men recorded during pregnancy are judged at the new birth visit deadline.
      const child = world.person(event.data.of);
      if (
        child?.role !== 'child' ||
        !config.householdKinds.includes(event.data.kind) ||
        !isMan(world.person(event.data.person), event.data.kind)
      )
        return undefined;
      if (!youngEnough(child, event.at, config, zone)) return undefined;
      return {
        wakes: [
          {
            at: endOfLocalDay(event.at + config.checkWithinDays * DAY_MS, zone),
            subject: child.id,
            key: `checks:${event.data.person}`,
            cause: event.key,
          },
        ],
      };
    }
    if (event?.type === 'concern.recorded') {
      // The first need recorded after the new birth visit deadline: look again that evening.
      const wakes: WakeRequest[] = childrenAround(world, event.subject)
        .filter(
          (c) =>
            c.role === 'child' &&
            c.bornMs !== undefined &&
            now > c.bornMs + config.identifyByDays * DAY_MS &&
            youngEnough(c, now, config, zone),
        )
        .map((c) => ({ at: endOfLocalDay(now, zone), subject: c.id, key: 'identify:needs', cause: event.key }));
      return { wakes };
    }
    if (!wake) return undefined;
    const child = world.person(wake.subject);
    if (child?.role !== 'child' || child.bornMs === undefined || !youngEnough(child, now, config, zone)) return undefined;
    const needs = familyConcerns(world, child.id, now)
      .map((r) => r.event)
      .sort((a, b) => a.at - b.at);
    if (config.onlyWithRecordedNeeds && needs.length === 0) return undefined;
    const findings: FindingDraft[] = [];
    const identifyWake = wake.key.startsWith('identify');
    if (identifyWake) {
      const finding = notIdentified(world, child, needs, now, config, zone);
      if (finding) findings.push(finding);
    }
    const nbvDue = endOfLocalDay(child.bornMs + config.identifyByDays * DAY_MS, zone);
    for (const rel of householdMen(world, child.id, config)) {
      if (!identifyWake && wake.key !== `checks:${rel.person}`) continue;
      const due = Math.max(nbvDue, endOfLocalDay(rel.at + config.checkWithinDays * DAY_MS, zone));
      if (now < due) continue; // his own deadline is still ahead
      const finding = notChecked(world, child, rel, needs, now, config, zone);
      if (finding) findings.push(finding);
    }
    return { findings };
  },
});
