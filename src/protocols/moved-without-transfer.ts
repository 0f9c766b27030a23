import { z } from 'zod';
import type { ThreadEvent } from '../domain/events.ts';
import type { FindingDraft } from '../domain/findings.ts';
import { DAY_MS, addMonths, endOfLocalDay, formatDay } from '../domain/time.ts';
import type { Agency } from '../domain/vocabulary.ts';
import type { PersonState, WorldView } from '../engine/world-view.ts';
import { defineProtocol, type WakeRequest } from './protocol.ts';
import { describeAge, isUnderMonths } from './support/age.ts';
import { cite } from './support/describe.ts';
import { isCscRecord } from './support/csc-response.ts';

const CODE = 'moved-without-transfer';

const configSchema = z.strictObject({
  shareWithinDays: z.number().int().min(1).max(28).default(7),
  /** A transfer sent ahead of a planned move, to the receiving area, counts from this many days before. */
  shareBeforeMoveDays: z.number().int().min(0).max(60).default(14),
  /** Health visiting serves children under 5 (Healthy Child Programme 0–5). */
  hvChildUnderYears: z.number().int().min(1).max(19).default(5),
  /**
   * A health-visiting record this recent means the health visitor holds a current picture
   * the receiving team needs: 12 months spans the gaps between the mandated reviews.
   */
  hvRecentMonths: z.number().int().min(1).max(60).default(12),
  /**
   * A referral, decision, strategy discussion or social-care record this recent means the
   * work may still be open: an assessment takes up to 45 working days (Working Together 2023).
   */
  cscRecentDays: z.number().int().min(0).max(365).default(90),
});
type Config = z.output<typeof configSchema>;

interface Involvement {
  text: string;
  evidence: string;
  agency: Agency;
  plan?: boolean;
}

const PLAN_LABEL: Record<string, string> = {
  'early-help': 'an early help plan',
  'child-in-need': 'a child in need plan',
  'child-protection': 'a child protection plan',
  'unborn-child-protection': 'an unborn child protection plan',
  'looked-after': 'a looked-after placement',
  'interim-supervision-order': 'an interim supervision order',
  'interim-care-order': 'an interim care order',
};

/** The area a person lived in before the event with sequence `beforeSeq`. */
function areaBefore(world: WorldView, person: PersonState, beforeSeq: number, depth = 0): string | undefined {
  for (const event of [...person.events].reverse()) {
    if (event.seq >= beforeSeq) continue;
    if (event.type === 'address.changed' && event.data.persons.includes(person.id)) return event.data.area;
    if (event.type === 'person.recorded' && event.data.person === person.id && event.data.area) return event.data.area;
  }
  if (person.role === 'adult' || depth > 0) return undefined;
  for (const rel of world.carersOf(person.id)) {
    if (rel.kind !== 'mother') continue;
    const mother = world.person(rel.person);
    const area = mother && areaBefore(world, mother, beforeSeq, depth + 1);
    if (area) return area;
  }
  return undefined;
}

function mothersOf(world: WorldView, childId: string): PersonState[] {
  return world
    .carersOf(childId)
    .filter((r) => r.kind === 'mother')
    .map((r) => world.person(r.person))
    .filter((p): p is PersonState => p !== undefined);
}

/** Open health-visiting or social-care involvement with the child at the move. */
function involvement(world: WorldView, child: PersonState, move: ThreadEvent, config: Config, zone: string): Involvement[] {
  const found: Involvement[] = [];
  const family = [child, ...mothersOf(world, child.id)];
  const before = (e: ThreadEvent) => e.seq < move.seq;

  const hvAge = child.role === 'unborn' || isUnderMonths(child, move.at, config.hvChildUnderYears * 12, zone);
  const offers = family
    .flatMap((p) => p.events.filter((e) => e.type === 'service-level.set' && before(e)))
    .sort((a, b) => a.at - b.at || a.seq - b.seq);
  const offer = offers.at(-1);
  if (offer?.type === 'service-level.set' && offer.data.level !== 'universal') {
    found.push({
      text: `health visiting at ${offer.data.level.replaceAll('-', ' ')} (set by ${cite(offer, zone)})`,
      evidence: offer.key,
      agency: 'health-visiting',
    });
  } else if (hvAge) {
    const since = addMonths(move.at, -config.hvRecentMonths, zone);
    const hvIds = child.role === 'unborn' ? family : [child];
    const recent = hvIds
      .flatMap((p) => p.events.filter((e) => e.agency === 'health-visiting' && e.at >= since && before(e)))
      .sort((a, b) => a.at - b.at)
      .at(-1);
    if (recent)
      found.push({
        text: `health visiting involvement (latest record: ${recent.type === 'contact' ? recent.data.kind.replaceAll('-', ' ') : recent.type.replaceAll(/[.-]/g, ' ')} by ${cite(recent, zone)})`,
        evidence: recent.key,
        agency: 'health-visiting',
      });
  }

  for (const person of family) {
    for (const [kind, started] of person.openPlans) {
      if (!before(started)) continue;
      found.push({
        text: `${person === child ? '' : 'recorded for the mother: '}${PLAN_LABEL[kind] ?? kind} (started ${cite(started, zone)})`,
        evidence: started.key,
        agency: 'children-social-care',
        plan: true,
      });
    }
  }
  if (!found.some((f) => f.plan)) {
    const since = move.at - config.cscRecentDays * DAY_MS;
    const recent = family
      .flatMap((p) => p.events.filter((e) => e.at >= since && before(e) && (isCscRecord(e) || e.agency === 'children-social-care')))
      .sort((a, b) => a.at - b.at)
      .at(-1);
    if (recent)
      found.push({
        text: `recent children's social care involvement (${recent.type.replaceAll(/[.-]/g, ' ')} by ${cite(recent, zone)})`,
        evidence: recent.key,
        agency: 'children-social-care',
      });
  }
  return found;
}

/** Children and unborn babies who moved: those named in the move, and the unborn babies of adults named. */
function movers(world: WorldView, move: ThreadEvent<'address.changed'>): PersonState[] {
  const found: PersonState[] = [];
  for (const id of move.data.persons) {
    const person = world.person(id);
    if (!person) continue;
    if (person.role !== 'adult') {
      if (!found.includes(person)) found.push(person);
      continue;
    }
    for (const rel of world.childrenOf(id)) {
      const child = world.person(rel.of);
      if (child?.role === 'unborn' && rel.kind === 'mother' && !found.includes(child)) found.push(child);
    }
  }
  return found;
}

/** The moves of the child (an unborn baby moves with its mother), oldest first. */
function movesOf(world: WorldView, child: PersonState): ThreadEvent<'address.changed'>[] {
  const people = child.role === 'unborn' ? [child, ...mothersOf(world, child.id)] : [child];
  const moves = new Map<string, ThreadEvent<'address.changed'>>();
  for (const person of people) {
    for (const e of person.events) if (e.type === 'address.changed' && e.data.persons.includes(person.id)) moves.set(e.key, e);
  }
  return [...moves.values()].sort((a, b) => a.at - b.at || a.seq - b.seq);
}

/**
 * A stay shorter than the transfer window is not a move between services: a return to the
 * area left within that window finds the record still there, and a family that leaves the
 * new area before the deadline is judged on its next move (CSPR 002: a few days in a cold
 * flat in Sandwell, then back to the grandparents in Birmingham).
 */
function isRoundTrip(world: WorldView, child: PersonState, move: ThreadEvent<'address.changed'>, from: string, config: Config): boolean {
  const previous = movesOf(world, child)
    .filter((m) => m.seq < move.seq)
    .at(-1);
  if (!previous || move.at - previous.at > config.shareWithinDays * DAY_MS) return false;
  return areaBefore(world, child, previous.seq) === move.data.area && previous.data.area === from;
}

function leftBeforeDeadline(world: WorldView, child: PersonState, move: ThreadEvent<'address.changed'>, now: number): boolean {
  return movesOf(world, child).some((m) => m.seq > move.seq && m.at <= now && m.data.area !== move.data.area);
}

function transferred(world: WorldView, child: PersonState, move: ThreadEvent<'address.changed'>, now: number, config: Config): boolean {
  const ids = child.role === 'unborn' ? [child, ...mothersOf(world, child.id)] : [child];
  const from = move.at - config.shareBeforeMoveDays * DAY_MS;
  return ids.some((p) =>
    p.events.some(
      (e) =>
        e.type === 'information.shared' &&
        e.at <= now &&
        ((e.data.area === move.data.area && e.at >= from) ||
          (e.at >= move.at && (e.data.area === undefined || e.data.area === move.data.area))),
    ),
  );
}

export const movedWithoutTransfer = defineProtocol({
  id: CODE,
  version: '1.0.0',
  title: 'Family moved area with open involvement and nothing transferred',
  source:
    'Healthy Child Programme 0–19: transfer of the health-visiting record and a new-to-area contact for every child under 5 who moves; ' +
    'Working Together to Safeguard Children 2023 (transfer of open cases between local authorities); ' +
    'CSPR 002 §8.4.5 and §8.1.12 (Birmingham to Sandwell: information transferred for Child Two only, none for Child One; "ineffective transfer practice ... increases a family\'s vulnerability"); ' +
    'Sandwell and West Birmingham NHS Trust, New to Area Best Practice Guidance (2017): sibling notes must also be received',
  codes: [CODE],
  triggers: ['address.changed'],
  configSchema,
  evaluate({ event, wake, world, config, partnership, now }) {
    const zone = partnership.timezone;
    if (event?.type === 'address.changed') {
      const wakes: WakeRequest[] = [];
      for (const child of movers(world, event)) {
        if (child.role === 'child' && !isUnderMonths(child, event.at, 18 * 12, zone)) continue;
        const from = areaBefore(world, child, event.seq);
        if (!from || from === event.data.area || isRoundTrip(world, child, event, from, config)) continue;
        if (involvement(world, child, event, config, zone).length === 0) continue;
        wakes.push({
          at: endOfLocalDay(event.at + config.shareWithinDays * DAY_MS, zone),
          subject: child.id,
          key: `move:${event.key}`,
          cause: event.key,
        });
      }
      return { wakes };
    }
    if (!wake?.cause) return undefined;
    const move = world.event(wake.cause);
    const child = world.person(wake.subject);
    if (move?.type !== 'address.changed' || !child) return undefined;
    if (transferred(world, child, move, now, config) || leftBeforeDeadline(world, child, move, now)) return undefined;
    const involved = involvement(world, child, move, config, zone);
    if (involved.length === 0) return undefined;
    const from = areaBefore(world, child, move.seq);
    const csc = involved.some((i) => i.agency === 'children-social-care');
    const who = child.role === 'unborn' ? 'an unborn baby' : `a child ${describeAge(child, move.at)}`;
    const finding: FindingDraft = {
      code: CODE,
      subject: child.id,
      dedupeKey: move.key,
      severity: involved.some((i) => i.plan) ? 'high' : 'medium',
      explanation:
        `The family of ${who} moved from ${from} to ${move.data.area} (recorded by ${cite(move, zone)}) while there was ${involved.map((i) => i.text).join('; ')}. ` +
        `By ${formatDay(now, zone)} no information about the child had been shared with ${move.data.area}.`,
      evidence: [move.key, ...involved.map((i) => i.evidence)],
      action:
        `${csc ? "Children's social care (with health visiting)" : 'Health visiting'}: transfer this child's record and history to the receiving health visiting team, GP${csc ? " and children's social care" : ''} in ${move.data.area} ` +
        '(each child separately, siblings included), speak to the receiving practitioner to agree who does what, and record the transfer.',
      owner: csc ? 'children-social-care' : 'health-visiting',
      deadline: endOfLocalDay(now + 2 * DAY_MS, zone),
    };
    return { findings: [finding] };
  },
});
