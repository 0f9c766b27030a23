import { randomUUID } from 'node:crypto';
import type { Principal } from '../../access/principal.ts';
import type { Services } from '../../server/services.ts';
import type { ThreadEvent } from '../../domain/events.ts';
import { formatLocal } from '../../domain/time.ts';
import { ValidationError, type FieldProblem } from '../../domain/validation-error.ts';
import type { AuditNote } from '../route-access.ts';
import { Refusal } from '../errors.ts';
import { recordEvent } from './record-event.ts';

export const IDENTITY_DECISIONS = ['same-person', 'different-people'] as const;
export type IdentityDecision = (typeof IDENTITY_DECISIONS)[number];

const REASON_LIMIT = 2000;

function problemsWith(decision: string, reason: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!(IDENTITY_DECISIONS as readonly string[]).includes(decision))
    problems.push({ field: 'decision', reason: 'Select whether the two records are the same person or different people' });
  if (reason === '') problems.push({ field: 'reason', reason: 'Enter why you decided, so that others can rely on it' });
  else if (reason.length > REASON_LIMIT)
    problems.push({ field: 'reason', reason: `Your reason must be ${REASON_LIMIT} characters or fewer; it has ${reason.length}` });
  return problems;
}

/**
 * A practitioner's decision on a possible match, recorded as the API records it: the same
 * person is an `identity.linked` (basis confirmed, the reason as its note), different
 * people an `identity.unlinked` with the reason. Access is decided on both people before
 * the input is even read, a missing or overlong reason stores nothing, and the event goes
 * through `recordEvent`, which authorises every person it touches again and stores it.
 */
export async function decideIdentityReview(
  services: Services,
  principal: Principal,
  review: ThreadEvent<'identity.review'>,
  input: { decision: string; reason: string },
  audit: AuditNote,
): Promise<{ decision: IdentityDecision; key: string }> {
  const { person, candidate } = review.data;
  audit.subject = person;
  audit.detail = `identity review of ${person} and ${candidate}`;
  for (const id of [person, candidate]) {
    const access = await services.access.decide(principal, id);
    if (!access.allowed) throw new Refusal(403, `You cannot decide about ${id}: ${access.reason}.`, false, id);
  }
  const reason = input.reason.trim();
  const problems = problemsWith(input.decision, reason);
  if (problems.length > 0) throw new ValidationError(problems);
  const decision = input.decision as IdentityDecision;
  const at = formatLocal(services.now(), services.zone);
  const event =
    decision === 'same-person'
      ? {
          type: 'identity.linked',
          at,
          person,
          to: candidate,
          basis: 'confirmed',
          matchWeight: review.data.matchWeight,
          probability: review.data.probability,
          note: reason,
        }
      : { type: 'identity.unlinked', at, person, from: candidate, reason };
  const recorded = await recordEvent(services, principal, event, randomUUID(), audit);
  audit.detail = `identity review of ${person} and ${candidate}: ${decision === 'same-person' ? 'confirmed the same person' : 'parted as different people'}`;
  return { decision, key: recorded.id };
}
