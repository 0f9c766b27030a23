import type { PersonState, WorldView } from '../../engine/world-view.ts';
import { DAY_MS, formatDay } from '../../domain/time.ts';

export function displayName(person: PersonState | undefined, fallback = 'Unknown person'): string {
  if (!person) return fallback;
  const name = [person.name?.given, person.name?.family].filter(Boolean).join(' ');
  if (name) return name;
  // Never the id: it names the source system's record, not a person anyone would know.
  return person.role === 'unborn' ? 'Unborn baby' : 'Name not recorded';
}

export function nameOf(world: WorldView, id: string): string {
  return displayName(world.person(id), id);
}

/** What an age is worked out from. */
export type AgeFacts = Pick<PersonState, 'role' | 'bornMs' | 'dueMs'>;

/** "8 weeks old", "5 months old", "unborn, due 3 May 2024": how practitioners say it. */
export function describeAge(person: AgeFacts, now: number, zone: string): string {
  if (person.role === 'unborn') return person.dueMs ? `Unborn, due ${formatDay(person.dueMs, zone)}` : 'Unborn';
  if (person.bornMs === undefined) return 'Age not recorded';
  const days = Math.floor((now - person.bornMs) / DAY_MS);
  if (days < 0) return `Born ${formatDay(person.bornMs, zone)}`;
  if (days < 14) return `${days} day${days === 1 ? '' : 's'} old`;
  if (days < 13 * 7) return `${Math.floor(days / 7)} weeks old`;
  if (days < 2 * 365) return `${Math.floor(days / 30.44)} months old`;
  return `${Math.floor(days / 365.25)} years old`;
}

const words = (text: string) => text.replaceAll('-', ' ');

/** How a household member is related to the child whose record is open. */
export function relationshipTo(
  world: WorldView,
  childId: string,
  memberId: string,
  name: (id: string) => string = (id) => nameOf(world, id),
): string {
  if (memberId === childId) return 'This child';
  const direct = world
    .carersOf(childId)
    .filter((r) => r.person === memberId)
    .map((r) => words(r.kind));
  if (direct.length > 0) return [...new Set(direct)].join(', ');
  const towardsMember = world
    .carersOf(memberId)
    .filter((r) => r.person === childId)
    .map((r) => words(r.kind));
  if (towardsMember.length > 0) return `${towardsMember.join(', ')} is this person`;
  const member = world.person(memberId);
  const carers = new Set(world.carersOf(childId).map((r) => r.person));
  const sharesCarer = world.carersOf(memberId).some((r) => carers.has(r.person));
  if (member && member.role !== 'adult' && sharesCarer) return member.role === 'unborn' ? 'unborn sibling' : 'sibling';
  const viaCarer = world.carersOf(memberId).find((r) => carers.has(r.person));
  return viaCarer ? `${words(viaCarer.kind)} of ${name(viaCarer.of)}` : 'household member';
}

/**
 * An age as broad as a search result outside need-to-know may show it ("under 1",
 * "1 to 4", "adult"): enough to tell a baby from a teenager, never the date of birth.
 */
export function ageBand(person: AgeFacts, now: number): string {
  if (person.role === 'unborn') return 'unborn';
  if (person.bornMs === undefined) return person.role === 'adult' ? 'adult' : 'age not recorded';
  const years = (now - person.bornMs) / (365.25 * DAY_MS);
  if (years < 1) return 'under 1';
  if (years < 5) return '1 to 4';
  if (years < 11) return '5 to 10';
  if (years < 16) return '11 to 15';
  if (years < 18) return '16 or 17';
  return 'adult';
}
