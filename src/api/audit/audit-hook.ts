import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditLog } from './audit-log.ts';
import type { AuditAction, AuditOutcome } from './audit-entry.ts';
import { toSafeText } from '../../domain/safe-text.ts';

const optionalSafe = (text: string | undefined) => (text === undefined ? undefined : toSafeText(text));

function outcomeOf(status: number): AuditOutcome {
  if (status === 401 || status === 403 || status === 429) return 'refused';
  if (status >= 400 && status < 500) return 'invalid';
  if (status >= 500) return 'failed';
  return 'allowed';
}

/**
 * Every request to a declared route is audited before its answer leaves the server:
 * who, which route, whose record, and whether it was allowed. If the audit cannot be
 * written the answer is withheld.
 */
export function registerAuditHook(app: FastifyInstance, audit: AuditLog): void {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    const config = request.routeOptions.config;
    if (config.access === undefined || config.audit === false) return payload;
    const note = request.auditNote ?? {};
    const actor = note.actor ?? request.principal;
    const params = request.params as Record<string, string> | undefined;
    const action: AuditAction = note.action ?? config.audit ?? (request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write');
    try {
      await audit.record({
        at: Date.now(),
        actor: actor?.userId,
        actorRole: actor?.role,
        actorAgency: actor?.agency,
        actorOrganisation: actor?.organisation,
        action,
        route: `${request.method} ${request.routeOptions.url}`,
        // A refused request may carry text PostgreSQL cannot store; the audit records it all the same.
        subject: optionalSafe(note.subject ?? params?.id),
        outcome: note.outcome ?? outcomeOf(reply.statusCode),
        status: reply.statusCode,
        detail: optionalSafe(note.detail),
      });
    } catch (error) {
      request.log.error({ err: { type: error instanceof Error ? error.name : 'unknown' } }, 'audit write failed: answer withheld');
      reply.code(503).type('text/plain; charset=utf-8');
      return 'The service cannot record this access in the audit log just now, so it cannot answer. Try again shortly.';
    }
    return payload;
  });
}
