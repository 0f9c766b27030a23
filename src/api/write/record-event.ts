import type { Principal } from '../../access/principal.ts';
import { can } from '../../access/roles.ts';
import { correctionRefusal } from '../../access/corrections.ts';
import { referencesOf } from '../../domain/event-references.ts';
import type { Finding } from '../../domain/findings.ts';
import type { Services } from '../../server/services.ts';
import type { AuditNote } from '../route-access.ts';
import { Refusal } from '../errors.ts';
import { ValidationError } from '../../domain/validation-error.ts';

/**
 * Everyone an input touches, whether or not they are known yet: the people its
 * reference fields name, and the people of every record it refers to by id (a record it
 * corrects, the referral an outcome answers...). Reads the reference fields each event
 * type declares (src/domain/reference-ids.ts), so a new type needs nothing here.
 */
export function touchedPersons(services: Services, input: Record<string, unknown>): string[] {
  const world = services.store.engine.world;
  const { persons, events } = referencesOf(input);
  const touched = new Set(persons);
  for (const key of events) for (const id of world.event(key)?.persons ?? []) touched.add(id);
  return [...touched];
}

export interface Recorded {
  status: 'accepted' | 'duplicate';
  id: string;
  /** The findings the record raised, about children the user may see. */
  findings: Finding[];
}

/**
 * The one authorisation step of every write, from a form, the JSON API or a FHIR Bundle:
 * the agency, organisation and who recorded it come from the account, never from the
 * request. Before anything is stored, access is decided on every person the event
 * touches (writing about someone never grants access to them), a correction must come
 * from the organisation that made the record or a safeguarding lead, and decisions on
 * referrals need a role that decides. People not yet known (introduced by this record or
 * an earlier one of the same batch) have no record to protect yet. Returns the event as it
 * is to be stored. The audit note names the person affected (for a correction, the
 * corrected record's).
 */
export async function authoriseEvent(
  services: Services,
  principal: Principal,
  input: unknown,
  audit?: AuditNote,
): Promise<Record<string, unknown>> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ValidationError([{ field: '', reason: 'an event must be a JSON object' }]);
  }
  const event = { ...(input as Record<string, unknown>) };
  // An agreed action names its owner, who may be another agency; everything else is recorded for one's own agency.
  if (event.agency !== undefined && event.agency !== principal.agency && event.type !== 'action.agreed') {
    throw new Refusal(403, `You record for your own agency (${principal.agency}), not ${JSON.stringify(event.agency)}.`);
  }
  if (event.organisation !== undefined && event.organisation !== principal.organisation) {
    throw new Refusal(403, `You record for your own organisation (${principal.organisation}), not ${JSON.stringify(event.organisation)}.`);
  }
  if (event.type === 'referral.decision' && !can(principal.role, 'decide')) {
    throw new Refusal(403, 'Decisions on referrals are recorded by the front door or a social worker.');
  }
  if (event.type !== 'action.agreed' || event.agency === undefined) event.agency = principal.agency;
  event.organisation = principal.organisation;
  event.recordedBy = { role: principal.role, qualified: principal.qualified, name: principal.displayName };
  const world = services.store.engine.world;
  const touched = touchedPersons(services, event);
  const superseded = typeof event.supersedes === 'string' ? world.event(event.supersedes) : undefined;
  if (audit) {
    audit.subject = superseded?.subject ?? touched[0];
    if (superseded) audit.detail = `corrects record ${superseded.key} (${superseded.type}) about ${superseded.persons.join(', ')}`;
  }
  for (const id of touched) {
    if (!world.hasPerson(id)) continue; // new people are introduced by this event, or refused by validation
    const decision = await services.access.decide(principal, id);
    if (!decision.allowed) throw new Refusal(403, `You cannot record about ${id}: ${decision.reason}.`, decision.mayBreakGlass, id);
  }
  if (superseded) {
    const refusal = correctionRefusal(world, principal, superseded, event.correctionReason ?? event.note);
    if (refusal) throw new Refusal(403, `You cannot correct this record: ${refusal}.`);
  }
  return event;
}

/** Records one event for a signed-in practitioner, after `authoriseEvent`. */
export async function recordEvent(
  services: Services,
  principal: Principal,
  input: unknown,
  defaultKey: string,
  audit?: AuditNote,
): Promise<Recorded> {
  const event = await authoriseEvent(services, principal, input, audit);
  const result = await services.store.submit(event, defaultKey, { userId: principal.userId });
  const findings: Finding[] = [];
  for (const finding of result.findings) if ((await services.access.decide(principal, finding.subject)).allowed) findings.push(finding);
  return { status: result.status, id: result.event.key, findings };
}

/** Records several events together (a birth with the baby's name), all or none, each authorised as `recordEvent` does. */
export async function recordEvents(
  services: Services,
  principal: Principal,
  inputs: readonly Record<string, unknown>[],
  key: string,
  audit?: AuditNote,
): Promise<Finding[]> {
  const events: Record<string, unknown>[] = [];
  for (const input of inputs) events.push(await authoriseEvent(services, principal, input, events.length === 0 ? audit : undefined));
  const result = await services.store.submitBatch(events, key, { userId: principal.userId });
  const findings: Finding[] = [];
  for (const finding of result.findings) if ((await services.access.decide(principal, finding.subject)).allowed) findings.push(finding);
  return findings;
}
