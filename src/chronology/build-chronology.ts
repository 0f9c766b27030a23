import type { ThreadEvent } from '../domain/events.ts';
import type { Finding } from '../domain/findings.ts';
import type { WorldView } from '../engine/world-view.ts';
import { BY_ID, describeEvent, type DescribeContext } from './describe-event.ts';

export type ChronologyEntry =
  | { kind: 'event'; at: number; agency?: string; about: string[]; summary: string; note?: string; event: ThreadEvent }
  | { kind: 'finding'; at: number; agency: string; about: string[]; summary: string; finding: Finding };

/**
 * The multi-agency chronology of a person and their household, oldest first: every
 * record any agency made about any of them, with the findings raised along the way.
 */
export function buildChronology(world: WorldView, personId: string, zone: string, context: DescribeContext = BY_ID): ChronologyEntry[] {
  const person = world.person(personId);
  if (!person) return [];
  const children = person.role === 'adult' ? world.childrenOf(personId).map((r) => r.of) : [personId];
  const members = new Set<string>([personId]);
  for (const child of children) for (const id of world.household(child)) members.add(id);
  const seen = new Set<string>();
  const entries: ChronologyEntry[] = [];
  for (const id of members) {
    for (const event of world.eventsOf(id)) {
      if (seen.has(event.key)) continue;
      seen.add(event.key);
      entries.push({
        kind: 'event',
        at: event.at,
        agency: event.agency,
        about: event.persons.filter((p) => members.has(p)),
        summary: describeEvent(event, zone, context),
        note: event.note,
        event,
      });
    }
    for (const finding of world.findingsAbout(id)) {
      entries.push({
        kind: 'finding',
        at: finding.raisedAt,
        agency: finding.owner,
        about: [finding.subject],
        summary: `FINDING ${finding.code}: ${finding.explanation}`,
        finding,
      });
    }
  }
  return entries.sort((a, b) => a.at - b.at || (a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1));
}
