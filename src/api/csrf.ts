import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './authenticate.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_COOKIE = '_csrf';

/**
 * What a CSRF token is bound to: the session (by the SHA-256 of its cookie), or
 * "anonymous" before sign-in. A token issued to one session is refused in any other,
 * so a token taken from an attacker's own session, or minted from a secret cookie the
 * attacker planted, is worth nothing against someone else's.
 */
export function csrfUserInfo(request: FastifyRequest): string {
  return bindingOf(request.cookies[SESSION_COOKIE]);
}

function bindingOf(sessionToken: string | undefined): string {
  return sessionToken ? `session:${createHash('sha256').update(sessionToken).digest('base64url')}` : 'anonymous';
}

/** A CSRF token for this request's session. */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  return reply.generateCsrf({ userInfo: csrfUserInfo(request) });
}

/**
 * At sign-in the CSRF secret is replaced and the new session's token issued, so that no
 * secret known before sign-in (a planted cookie) outlives it.
 */
export function rotateCsrf(request: FastifyRequest, reply: FastifyReply, sessionToken: string): string {
  // The plugin makes a new secret (and sets its cookie) only when the request has none.
  request.cookies[CSRF_COOKIE] = undefined;
  return reply.generateCsrf({ userInfo: bindingOf(sessionToken) });
}

/**
 * Every unsafe request to a declared route must carry the CSRF token: the `_csrf`
 * field of a form, or the `x-csrf-token` header of an API call (from /api/csrf-token).
 */
export function registerCsrfCheck(app: FastifyInstance): void {
  app.addHook('preValidation', (request, reply, done) => {
    if (SAFE.has(request.method) || request.routeOptions.config.access === undefined) return done();
    app.csrfProtection(request, reply, done);
  });
}
