import type { OrganisationDirectory } from '../config/organisations.ts';
import type { ThreadEvent } from '../domain/events.ts';
import { AGENCIES, type Agency } from '../domain/vocabulary.ts';

/**
 * Records that say who someone is or who they are to a child, not that an organisation
 * did anything with the family, and the CP-IS question an unscheduled care setting asks
 * about a child (asking never grants access). They never make an organisation involved.
 */
export const NEVER_INVOLVES: ReadonlySet<ThreadEvent['type']> = new Set([
  'identity.linked',
  'identity.review',
  'identity.unlinked',
  'relationship.recorded',
  'unscheduled-care.queried',
]);

/** Fields that address a record to other agencies (a referral's or a handover's `to`, a meeting's `attendees`). */
const RECEIVING_FIELDS = ['to', 'attendees'] as const;

const NONE: string[] = [];

const isAgency = (value: unknown): value is Agency => typeof value === 'string' && (AGENCIES as readonly string[]).includes(value);

/** The organisation that made the record: the one it names, else the default organisation of its agency. */
export function recordingOrganisation(event: ThreadEvent, directory: OrganisationDirectory): string | undefined {
  if (event.organisation !== undefined) return event.organisation;
  return event.agency ? directory.defaultFor(event.agency)?.code : undefined;
}

/**
 * The agency types a record is addressed to: the agencies in its receiving fields, and
 * the agency it names when that is not the recording organisation's own (an action
 * agreed for another agency to carry out).
 */
export function receivingAgencies(event: ThreadEvent, directory: OrganisationDirectory): Agency[] {
  const data = event.data as Record<string, unknown>;
  const agencies: Agency[] = [];
  for (const field of RECEIVING_FIELDS) {
    const value = data[field];
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) if (isAgency(item) && !agencies.includes(item)) agencies.push(item);
  }
  const recorder = event.organisation === undefined ? undefined : directory.get(event.organisation);
  if (recorder && event.agency && event.agency !== recorder.agency && !agencies.includes(event.agency)) agencies.push(event.agency);
  return agencies;
}

/**
 * Which organisations a record makes involved with the people it is about: the recording
 * organisation, for every record except identity and relationship records; and for each
 * agency it is addressed to, the organisation of that type already involved with the
 * family, or when none is, the partnership's default organisation of that type (a
 * referral to children's social care reaches the local authority's front door).
 * `involvedWithFamily` answers for the family of the record's subject as it stands.
 */
export function involvedOrganisations(
  event: ThreadEvent,
  directory: OrganisationDirectory,
  involvedWithFamily: (agency: Agency) => boolean,
): { recorder?: string; receivers: string[] } {
  if (NEVER_INVOLVES.has(event.type)) return { receivers: NONE };
  const recorder = recordingOrganisation(event, directory);
  let receivers = NONE;
  for (const agency of receivingAgencies(event, directory)) {
    const organisation = directory.defaultFor(agency);
    if (organisation && organisation.code !== recorder && !involvedWithFamily(agency)) receivers = [...receivers, organisation.code];
  }
  return { recorder, receivers };
}
