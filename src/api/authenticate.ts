import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../access/roles.ts';
import type { Services } from '../server/services.ts';
import { notSignedIn, Refusal } from './errors.ts';

export const SESSION_COOKIE = 'tl_session';

/** Resolves the session cookie to a user, then enforces the route's declared access. */
export function registerAuthentication(app: FastifyInstance, services: Services): void {
  app.addHook('onRequest', async (request) => {
    request.auditNote = {};
    const access = request.routeOptions.config.access;
    if (access === undefined) return; // no route matched: the 404 handler answers
    request.principal = await services.sessions.resolve(request.cookies[SESSION_COOKIE]);
    enforce(request);
  });
}

function enforce(request: FastifyRequest): void {
  const access = request.routeOptions.config.access;
  if (access === 'public') return;
  const principal = request.principal;
  if (!principal) throw notSignedIn();
  if (access === 'signed-in') return;
  if (access && !can(principal.role, access)) {
    throw new Refusal(403, 'Your role does not give access to this page.');
  }
}
