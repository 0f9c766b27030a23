import type { Principal } from '../../access/principal.ts';
import { can } from '../../access/roles.ts';
import type { Finding } from '../../domain/findings.ts';
import type { Services } from '../../server/services.ts';
import { Refusal } from '../errors.ts';
import { ValidationError } from '../../domain/validation-error.ts';

const PERSON_FIELDS = ['person', 'of', 'unborn', 'child', 'mother'] as const;
const PERSON_LIST_FIELDS = ['persons', 'seen'] as const;

/** Everyone an input names, whether or not they are known yet. */
export function namedPersons(input: Record<string, unknown>): string[] {
  const ids = new Set<string>();
  for (const field of PERSON_FIELDS) if (typeof input[field] === 'string') ids.add(input[field]);
  for (const field of PERSON_LIST_FIELDS) {
    const list = input[field];
    if (Array.isArray(list)) for (const id of list) if (typeof id === 'string') ids.add(id);
  }
  return [...ids];
}

export interface Recorded {
  status: 'accepted' | 'duplicate';
  id: string;
  findings: Finding[];
}

/**
 * Records one event for a signed-in practitioner. The agency and who recorded it come
 * from the account, never from the request; every known person the event names must
 * be within the user's access; decisions on referrals need a role that decides.
 */
export async function recordEvent(
  services: Services,
  principal: Principal,
  input: unknown,
  defaultKey: string,
  onSubject?: (id: string) => void,
): Promise<Recorded> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ValidationError([{ field: '', reason: 'an event must be a JSON object' }]);
  }
  const event = { ...(input as Record<string, unknown>) };
  // An agreed action names its owner, who may be another agency; everything else is recorded for one's own agency.
  if (event.agency !== undefined && event.agency !== principal.agency && event.type !== 'action.agreed') {
    throw new Refusal(403, `You record for your own agency (${principal.agency}), not ${JSON.stringify(event.agency)}.`);
  }
  if (event.type === 'referral.decision' && !can(principal.role, 'decide')) {
    throw new Refusal(403, 'Decisions on referrals are recorded by the front door or a social worker.');
  }
  if (event.type !== 'action.agreed' || event.agency === undefined) event.agency = principal.agency;
  event.recordedBy = { role: principal.role, qualified: principal.qualified, name: principal.displayName };
  const world = services.store.engine.world;
  const named = namedPersons(event);
  if (named[0]) onSubject?.(named[0]);
  for (const id of named) {
    if (!world.hasPerson(id)) continue; // new people are introduced by this event, or refused by validation
    const decision = await services.access.decide(principal, id);
    if (!decision.allowed) throw new Refusal(403, `You cannot record about ${id}: ${decision.reason}.`, decision.mayBreakGlass, id);
  }
  const result = await services.store.submit(event, defaultKey, { userId: principal.userId });
  return { status: result.status, id: result.event.key, findings: result.findings };
}
