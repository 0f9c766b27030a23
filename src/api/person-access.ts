import type { FastifyRequest } from 'fastify';
import type { Services } from '../server/services.ts';
import { notFound, Refusal } from './errors.ts';

/**
 * Opens a person's record for the signed-in user or refuses (403, audited, with the
 * break-glass route offered to roles that have it). Names the record in the audit.
 */
export async function requireRecordAccess(services: Services, request: FastifyRequest, personId: string): Promise<void> {
  request.auditNote.subject = personId;
  if (!services.store.engine.world.hasPerson(personId)) throw notFound('That person');
  const decision = await services.access.decide(request.principal!, personId);
  if (!decision.allowed) {
    request.auditNote.detail = decision.reason;
    throw new Refusal(403, `You cannot open this record: ${decision.reason}.`, decision.mayBreakGlass, personId);
  }
  if (decision.via === 'break-glass') request.auditNote.detail = 'through break-glass';
}
