import type { FastifyRequest } from 'fastify';
import type { WorldView } from '../engine/world-view.ts';
import type { Services } from '../server/services.ts';
import { notFound, Refusal } from './errors.ts';
import { personLabelsFor, type PersonLabels } from './read/person-labels.ts';

/**
 * Opens a person's record for the signed-in user or refuses (403, audited, with the
 * break-glass route offered to roles that have it). Names the record in the audit.
 * Returns the record as this user may see it: pages and answers are built from it, so
 * that a record joined only by an automatic identity link is shown to nobody it does
 * not also grant (src/access/record-access.ts).
 */
export async function requireRecordAccess(services: Services, request: FastifyRequest, personId: string): Promise<WorldView> {
  request.auditNote.subject = personId;
  if (!services.store.engine.world.hasPerson(personId)) throw notFound('That person');
  const decision = await services.access.decide(request.principal!, personId);
  if (!decision.allowed) {
    request.auditNote.detail = decision.reason;
    throw new Refusal(403, `You cannot open this record: ${decision.reason}.`, decision.mayBreakGlass, personId);
  }
  if (decision.via === 'break-glass') request.auditNote.detail = 'through break-glass';
  return decision.view;
}

/** How people are named to the signed-in user on this request (src/api/read/person-labels.ts). */
export function labelsFor(
  services: Services,
  request: FastifyRequest,
  world: WorldView = services.store.engine.world,
): Promise<PersonLabels> {
  return personLabelsFor(services.access, request.principal!, world, services.now(), services.zone);
}
