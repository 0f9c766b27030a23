import { z } from 'zod';
import type { ThreadEvent } from '../domain/events.ts';
import type { FindingDraft } from '../domain/findings.ts';
import { DAY_MS, endOfLocalDay, formatDay, startOfLocalDay } from '../domain/time.ts';
import { AGENCIES, CONCERN_KINDS, REFERRAL_DESTINATIONS, type Agency } from '../domain/vocabulary.ts';
import type { PersonState, WorldView } from '../engine/world-view.ts';
import { defineProtocol, type WakeRequest } from './protocol.ts';
import { describeAge, isUnderMonths } from './support/age.ts';
import { agencyName, cite } from './support/describe.ts';
import { relationTo } from './support/vulnerability.ts';

const CODE = 'parent-risk-not-shared';
const CARER_KINDS = new Set(['mother', 'father', 'male-carer', 'female-carer', 'partner-of-parent', 'household-member', 'grandparent']);

const configSchema = z.strictObject({
  /** Adult services whose every concern about a parent or carer must reach the child's health services. */
  adultServices: z.array(z.enum(AGENCIES)).default(['adult-mental-health', 'probation', 'substance-misuse', 'perinatal-mental-health']),
  /** Police concerns of these kinds count too (a domestic abuse notification). */
  policeKinds: z.array(z.enum(CONCERN_KINDS)).default(['domestic-abuse']),
  /** The child's universal services, who must hear of it (the contract: health visiting, midwifery, GP). */
  shareWith: z.array(z.enum(REFERRAL_DESTINATIONS)).min(1).default(['health-visiting', 'midwifery', 'gp']),
  shareWithinDays: z.number().int().min(1).max(28).default(7),
  /** Children under this age (and unborn babies): the years of the health-visiting service. */
  childUnderYears: z.number().int().min(1).max(18).default(5),
  /**
   * When an adult already known to an adult service is first linked to a child, that
   * service's concerns from this many days before still need sharing: a community order
   * runs 12 to 24 months, and a mental health care episode as long (CSPR 002: the father's
   * probation and the grandfather's mental health team both knew of a pregnancy or baby).
   */
  linkLookbackDays: z.number().int().min(0).max(730).default(365),
  /**
   * A further concern from the same service about the same adult within this many days of
   * an open finding belongs to it (a probation officer records at every session); later,
   * it is a new episode and raised again.
   */
  sameEpisodeDays: z.number().int().min(0).max(365).default(90),
});
type Config = z.output<typeof configSchema>;
type Concern = ThreadEvent<'concern.recorded'>;

function isAdultServiceConcern(event: ThreadEvent, config: Config): event is Concern {
  if (event.type !== 'concern.recorded' || !event.agency) return false;
  if (config.adultServices.includes(event.agency)) return true;
  return event.agency === 'police' && config.policeKinds.includes(event.data.kind);
}

function childAtRisk(child: PersonState | undefined, at: number, config: Config, zone: string): child is PersonState {
  if (!child) return false;
  return child.role === 'unborn' || isUnderMonths(child, at, config.childUnderYears * 12, zone);
}

/** Children of the adult (as any carer) who are unborn or young enough at `at`. */
function youngChildrenOf(world: WorldView, adultId: string, at: number, config: Config, zone: string): PersonState[] {
  const found: PersonState[] = [];
  for (const rel of world.childrenOf(adultId)) {
    const child = world.person(rel.of);
    if (!CARER_KINDS.has(rel.kind) || !childAtRisk(child, at, config, zone) || found.includes(child)) continue;
    found.push(child);
  }
  return found;
}

/**
 * Whether a letter to "the GP" can reach the child's GP: an unborn baby's care runs through
 * the mother's practice, a born child needs a practice of their own. CSPR 002: the mental
 * health team wrote to the grandfather's GP while Child One was registered nowhere.
 */
function childHasGp(child: PersonState, at: number): boolean {
  if (child.role === 'unborn') return true;
  return child.gpRegistrations.some((r) => r.at <= at) || child.events.some((e) => e.type === 'contact' && e.agency === 'gp' && e.at <= at);
}

/** The first record of sharing with the child's services, about the adult or the child, in the window. */
function sharing(world: WorldView, child: PersonState, adultId: string, from: number, to: number, config: Config): ThreadEvent | undefined {
  for (const id of [adultId, child.id]) {
    const found = world
      .eventsOf(id)
      .find(
        (e) =>
          e.at >= from &&
          e.at <= to &&
          (e.type === 'information.shared' || e.type === 'referral.made') &&
          config.shareWith.includes(e.data.to) &&
          (e.data.to !== 'gp' || childHasGp(child, to)),
      );
    if (found) return found;
  }
  return undefined;
}

function pronoun(person: PersonState | undefined): string {
  return person?.sex === 'male' ? 'him' : person?.sex === 'female' ? 'her' : 'them';
}

function judge(
  world: WorldView,
  child: PersonState,
  adultId: string,
  concerns: Concern[],
  since: number,
  trigger: ThreadEvent,
  now: number,
  config: Config,
  zone: string,
): FindingDraft | undefined {
  if (concerns.length === 0) return undefined;
  const agency = concerns[0].agency as Agency;
  if (sharing(world, child, adultId, since, now, config)) return undefined;
  const prefix = `${adultId}:${agency}:`;
  const episodeFrom = now - config.sameEpisodeDays * DAY_MS;
  if (
    world
      .findingsAbout(child.id)
      .some(
        (f) =>
          f.code === CODE &&
          f.dedupeKey.startsWith(prefix) &&
          f.raisedAt >= episodeFrom &&
          (f.status === 'open' || f.status === 'acknowledged'),
      )
  )
    return undefined;
  const adult = world.person(adultId);
  const who = relationTo(world, child.id, adultId);
  const childText =
    child.role === 'unborn'
      ? `an unborn baby${child.dueMs ? ` (due ${formatDay(child.dueMs, zone)})` : ''}`
      : `a child ${describeAge(child, now)}`;
  const list = concerns.map(
    (c) => `${c.data.kind.replaceAll('-', ' ')}${c.data.detail ? ` ("${c.data.detail}")` : ''}, recorded by ${cite(c, zone)}`,
  );
  const linked =
    trigger.type === 'relationship.recorded'
      ? ` ${who.charAt(0).toUpperCase() + who.slice(1)} was linked to the child by ${cite(trigger, zone)}.`
      : '';
  const recipients = config.shareWith
    .map(agencyName)
    .join(', ')
    .replace(/, ([^,]*)$/, ' or $1');
  const gpLetters =
    config.shareWith.includes('gp') && !childHasGp(child, now)
      ? [adultId, child.id]
          .flatMap((id) => world.eventsOf(id, 'information.shared'))
          .filter((e) => e.type === 'information.shared' && e.data.to === 'gp' && e.at >= since && e.at <= now)
      : [];
  const gpNote =
    gpLetters.length > 0
      ? ` A letter to a GP (${gpLetters.map((e) => cite(e, zone)).join('; ')}) does not count: the child is not registered with a GP, so it reached the adult's practice, not the child's.`
      : '';
  return {
    code: CODE,
    subject: child.id,
    dedupeKey: `${prefix}${trigger.key}`,
    severity: concerns.some((c) => c.data.severity === 'high') ? 'high' : 'medium',
    explanation:
      `${agencyName(agency).charAt(0).toUpperCase() + agencyName(agency).slice(1)} holds a concern about ${who} of ${childText}: ${list.join('; ')}.${linked} ` +
      `By ${formatDay(now, zone)} nothing about ${pronoun(adult)} or the child had been shared with ${recipients}.${gpNote}`,
    evidence: [
      ...concerns.map((c) => c.key),
      ...(trigger.type === 'relationship.recorded' ? [trigger.key] : []),
      ...gpLetters.map((e) => e.key),
    ],
    action:
      `${agencyName(agency).charAt(0).toUpperCase() + agencyName(agency).slice(1)}: think family. Share the concern and what it means for the child's safety with the health visitor, midwife and GP today, ` +
      "agree who follows it up, and consider a referral to children's social care (Working Together 2023).",
    owner: agency,
    deadline: endOfLocalDay(now + DAY_MS, zone),
  };
}

export const parentRiskNotShared = defineProtocol({
  id: CODE,
  version: '1.0.0',
  title: "An adult service's concern about a parent not shared with the child's health services",
  source:
    'Working Together to Safeguard Children 2023 (ch. 2: practitioners working with adults consider whether the adult is a parent or carer and share information to safeguard the child); ' +
    'SCIE "Think child, think parent, think family" (2012); CSPR 002 §8.1.2–8.1.6 (the mental health team told the GP but not the health visitor or midwife; probation made no checks and shared nothing about a father with a drug history and a pregnant partner)',
  codes: [CODE],
  triggers: ['concern.recorded', 'relationship.recorded'],
  configSchema,
  evaluate({ event, wake, world, config, partnership, now }) {
    const zone = partnership.timezone;
    const wakeAt = (at: number) => endOfLocalDay(at + config.shareWithinDays * DAY_MS, zone);
    if (event && isAdultServiceConcern(event, config)) {
      if (world.person(event.data.person)?.role !== 'adult') return undefined;
      const wakes: WakeRequest[] = youngChildrenOf(world, event.data.person, event.at, config, zone).map((child) => ({
        at: wakeAt(event.at),
        subject: child.id,
        key: `concern:${event.key}`,
        cause: event.key,
      }));
      return { wakes };
    }
    if (event?.type === 'relationship.recorded') {
      if (!CARER_KINDS.has(event.data.kind) || world.person(event.data.person)?.role !== 'adult') return undefined;
      if (!childAtRisk(world.person(event.data.of), event.at, config, zone)) return undefined;
      const known = world
        .eventsOf(event.data.person)
        .some((e) => isAdultServiceConcern(e, config) && e.at <= event.at && e.at >= event.at - config.linkLookbackDays * DAY_MS);
      if (!known) return undefined;
      return { wakes: [{ at: wakeAt(event.at), subject: event.data.of, key: `link:${event.key}`, cause: event.key }] };
    }
    if (!wake?.cause) return undefined;
    const trigger = world.event(wake.cause);
    const child = world.person(wake.subject);
    if (!trigger || !child) return undefined;
    if (trigger.type === 'concern.recorded') {
      const finding = judge(world, child, trigger.data.person, [trigger], startOfLocalDay(trigger.at, zone), trigger, now, config, zone);
      return finding ? { findings: [finding] } : undefined;
    }
    if (trigger.type !== 'relationship.recorded') return undefined;
    // Linked later: each adult service's concerns from the look-back, judged from the earliest of them.
    const adultId = trigger.data.person;
    const concerns = world
      .eventsOf(adultId)
      .filter(
        (e): e is Concern =>
          isAdultServiceConcern(e, config) && e.at <= trigger.at && e.at >= trigger.at - config.linkLookbackDays * DAY_MS,
      );
    const findings: FindingDraft[] = [];
    for (const agency of new Set(concerns.map((c) => c.agency))) {
      const mine = concerns.filter((c) => c.agency === agency);
      const finding = judge(world, child, adultId, mine, startOfLocalDay(mine[0].at, zone), trigger, now, config, zone);
      if (finding) findings.push(finding);
    }
    return { findings };
  },
});
