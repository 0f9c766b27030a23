import type { FastifyRequest } from 'fastify';
import { findingActionRefusal, type FindingActionKind } from '../access/finding-ownership.ts';
import type { Finding } from '../domain/findings.ts';
import type { Services } from '../server/services.ts';
import { Refusal } from './errors.ts';
import { requireRecordAccess } from './person-access.ts';

/**
 * Opens a finding for a step (the child's record must be open to the user) and refuses
 * a step that only the finding's owner may take. Audited against the child.
 */
export async function requireFindingStep(
  services: Services,
  request: FastifyRequest,
  finding: Finding,
  kind: FindingActionKind,
): Promise<void> {
  await requireRecordAccess(services, request, finding.subject);
  const refusal = findingActionRefusal(services.store.engine.world, request.principal!, finding, kind);
  if (refusal) {
    request.auditNote.detail = `finding ${finding.id}: ${refusal}`;
    throw new Refusal(403, `You cannot do that: ${refusal}.`);
  }
  request.auditNote.detail = `finding ${finding.id}: ${kind}`;
}
