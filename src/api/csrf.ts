import type { FastifyInstance } from 'fastify';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

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
