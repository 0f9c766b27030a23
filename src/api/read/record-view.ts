import type { WorldView } from '../../engine/world-view.ts';
import { buildChronology } from '../../chronology/build-chronology.ts';
import { describeEvent } from '../../chronology/describe-event.ts';
import type { ThreadEvent } from '../../domain/events.ts';
import { agencyName } from '../../protocols/support/describe.ts';
import { recordCircle } from '../../access/need-to-know.ts';
import { byUrgency, findingView, isOpen, type FindingView } from './finding-view.ts';
import { describeAge, relationshipTo } from './people.ts';
import type { PersonLabel, PersonLabels } from './person-labels.ts';

export interface PersonSummary {
  id: string;
  name: string;
  role: string;
  sex?: string;
  bornMs?: number;
  dueMs?: number;
  age: string;
  area?: string;
  nhsNumber?: string;
  plans: string[];
  serviceLevel?: string;
  agencies: string[];
  openFindings: FindingView[];
}

export interface HouseholdMember {
  id: string;
  /** Name, age and NHS number, or a neutral label for someone outside the reader's access. */
  label: PersonLabel;
  name: string;
  role: string;
  age: string;
  relationship: string;
  agencies: { id: string; name: string }[];
}

export type ChronologyItem =
  | {
      kind: 'event';
      key: string;
      at: number;
      type: string;
      agency?: string;
      agencyName: string;
      about: string[];
      summary: string;
      note?: string;
      recordedBy: string;
      findings: string[];
      /** Timed after now: a plan, not something that has happened. */
      planned: boolean;
      /** The record this one corrects, as it stood, and why it was corrected. */
      corrects?: { key: string; at: number; summary: string; note?: string; recordedBy: string; reason?: string };
    }
  | {
      kind: 'finding';
      findingId: string;
      code: string;
      at: number;
      agency: string;
      agencyName: string;
      about: string[];
      summary: string;
      evidence: string[];
      status: string;
    };

export interface ChronologyFilter {
  agency?: string;
  type?: string;
}

/** The banner of a child's record: who, how old, plans, offer level and open findings. */
export function personSummary(world: WorldView, id: string, now: number, zone: string, labels: PersonLabels): PersonSummary | undefined {
  const person = world.person(id);
  if (!person) return undefined;
  const circle = person.role === 'adult' ? world.childrenOf(id).map((r) => r.of) : [id];
  const openFindings = circle
    .flatMap((c) => world.findingsAbout(c))
    .filter(isOpen)
    .map((f) => findingView(f, now))
    .sort(byUrgency);
  return {
    id,
    name: labels.name(id),
    role: person.role,
    sex: person.sex,
    bornMs: person.bornMs,
    dueMs: person.dueMs,
    age: describeAge(person, now, zone),
    area: person.area,
    nhsNumber: person.nhsNumber,
    plans: [...person.openPlans.keys()],
    serviceLevel: person.serviceLevel,
    agencies: [...person.agencies].sort(),
    openFindings,
  };
}

/** Every adult and child linked to the child, how, and which agencies know each. */
export function householdOf(world: WorldView, id: string, now: number, zone: string, labels: PersonLabels): HouseholdMember[] {
  const anchor = world.person(id)?.role === 'adult' ? (world.childrenOf(id)[0]?.of ?? id) : id;
  return recordCircle(world, id).flatMap((memberId) => {
    const member = world.person(memberId);
    if (!member) return [];
    const label = labels.of(memberId);
    return [
      {
        id: memberId,
        label,
        name: label.name,
        role: member.role,
        age: label.known ? label.age : 'Not shown',
        relationship: relationshipTo(world, anchor, memberId, labels.name),
        agencies: [...member.agencies].sort().map((a) => ({ id: a, name: agencyName(a) })),
      },
    ];
  });
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Who made a record, as the chronology shows it: the practitioner when the record names
 * one, else the agency (records loaded from scenario files or another system name none).
 */
export function recordedByText(event: ThreadEvent): string {
  const by = event.recordedBy;
  if (by?.role === 'threadline-linkage') return 'Threadline record linkage';
  if (by) return `${by.name ? `${by.name}, ` : ''}${by.role.replaceAll('-', ' ')}${by.qualified === false ? ' (not qualified)' : ''}`;
  const agency = event.agency ? agencyName(event.agency) : 'an unnamed agency';
  const source = event.data.source ? `, from ${event.data.source.system}` : '';
  return `${agency.charAt(0).toUpperCase()}${agency.slice(1)}${source} (no practitioner named)`;
}

/**
 * The multi-agency chronology of the person and household, oldest first. Each event
 * lists the findings that cite it; each finding lists the events it rests on.
 */
export function chronologyOf(
  world: WorldView,
  id: string,
  zone: string,
  labels: PersonLabels,
  filter: ChronologyFilter = {},
  now = Date.now(),
): ChronologyItem[] {
  const entries = buildChronology(world, id, zone, labels);
  const citedBy = new Map<string, string[]>();
  for (const entry of entries) {
    if (entry.kind !== 'finding') continue;
    for (const key of entry.finding.evidence) citedBy.set(key, [...(citedBy.get(key) ?? []), entry.finding.id]);
  }
  const items: ChronologyItem[] = [];
  for (const entry of entries) {
    if (filter.agency && entry.agency !== filter.agency) continue;
    if (entry.kind === 'event') {
      if (filter.type && filter.type !== entry.event.type) continue;
      const event = entry.event;
      const original = event.supersedes === undefined ? undefined : world.event(event.supersedes);
      items.push({
        kind: 'event',
        key: entry.event.key,
        at: entry.at,
        type: entry.event.type,
        agency: entry.agency,
        agencyName: agencyName(entry.agency),
        about: entry.about,
        summary: capital(entry.summary),
        note: entry.note,
        recordedBy: recordedByText(event),
        findings: citedBy.get(entry.event.key) ?? [],
        planned: event.at > now,
        corrects: original && {
          key: original.key,
          at: original.at,
          summary: capital(describeEvent(original, zone, labels)),
          note: original.note,
          recordedBy: recordedByText(original),
          reason: event.data.correctionReason,
        },
      });
    } else {
      if (filter.type && filter.type !== 'finding') continue;
      const f = entry.finding;
      items.push({
        kind: 'finding',
        findingId: f.id,
        code: f.code,
        at: entry.at,
        agency: entry.agency,
        agencyName: agencyName(entry.agency),
        about: entry.about,
        summary: f.explanation,
        evidence: f.evidence,
        status: f.status,
      });
    }
  }
  return items;
}
