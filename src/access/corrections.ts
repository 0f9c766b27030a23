import type { ThreadEvent } from '../domain/events.ts';
import { ValidationError } from '../domain/validation-error.ts';
import type { World } from '../engine/world.ts';
import { MIN_REASON_LENGTH } from './access-grants.ts';
import type { Principal } from './principal.ts';

/**
 * Who may correct (supersede) a record: the organisation that made it, or a
 * safeguarding lead who says why in the correction's `correctionReason` (or, as before
 * it had one, its `note`). A correction hides the
 * record it supersedes from the chronology, so nobody else may make one. Returns the
 * reason for a refusal, or undefined when the correction may be made; throws a
 * ValidationError when a safeguarding lead gives no reason.
 */
export function correctionRefusal(world: World, principal: Principal, superseded: ThreadEvent, reason: unknown): string | undefined {
  const owner = world.organisationOf(superseded);
  if (owner !== undefined && owner === principal.organisation) return undefined;
  if (principal.role === 'safeguarding-lead') {
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
      throw new ValidationError([
        {
          field: 'correctionReason',
          reason: `say why you are correcting another organisation's record (at least ${MIN_REASON_LENGTH} characters)`,
        },
      ]);
    }
    return undefined;
  }
  const maker = owner === undefined ? 'Threadline itself' : (world.organisations.get(owner)?.name ?? owner);
  return `only the organisation that made this record (${maker}) or a safeguarding lead can correct it`;
}

/** Whether the user may offer to correct the record: their organisation made it, or they are a safeguarding lead. */
export function mayCorrect(world: World, principal: Principal, key: string): boolean {
  const event = world.event(key);
  if (!event || event.recordedBy?.role === 'threadline-linkage') return false;
  const owner = world.organisationOf(event);
  return (owner !== undefined && owner === principal.organisation) || principal.role === 'safeguarding-lead';
}
