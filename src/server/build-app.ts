import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Services } from './services.ts';
import { loggerOptions, registerRequestLogging } from './request-logging.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerErrorHandler } from './error-handler.ts';
import { registerAuthentication } from '../api/authenticate.ts';
import { registerCsrfCheck } from '../api/csrf.ts';
import { registerAuditHook } from '../api/audit/audit-hook.ts';
import { registerApi } from '../api/register-api.ts';
import { registerWeb, renderErrorPage } from '../web/register-web.ts';

/** Every route Fastify holds (one entry per method), for the authorisation matrix. */
export interface RouteEntry {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly RouteEntry[];
  }
}

export interface AppOptions {
  /** Log method, route, status and timing of each request (never URLs or bodies). */
  logger?: boolean;
  /** Trust X-Forwarded-* from a TLS-terminating proxy (then cookies are Secure). */
  trustProxy?: boolean;
  /** Where log lines go (default standard output); tests read them. */
  logStream?: { write(line: string): void };
}

/**
 * The Fastify application: JSON API under /api and the practitioners' pages, behind one
 * set of rules: every route declares its access, every unsafe request carries a CSRF
 * token, every request to a declared route is audited, and no error shows a stack trace.
 */
export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.logger ?? options.logStream !== undefined, options.logStream),
    // Fastify's own per-request lines carry the URL; ours (request-logging.ts) carry the route only.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1_048_576,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('principal', undefined);
  app.decorateRequest('auditNote', undefined as never);
  app.decorateRequest('cspNonce', '');

  // Secure by default: a route that does not say who may call it is a start-up error.
  const routes: RouteEntry[] = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
    if (route.config?.access === undefined && !route.url.startsWith('/assets/') && !route.url.startsWith('/static/')) {
      throw new Error(`route ${String(route.method)} ${route.url} does not declare its access`);
    }
  });

  await app.register(cookie);
  await app.register(csrf, { cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: 'auto' } as never });
  await app.register(formbody);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Threadline API',
        version: '0.1.0',
        description:
          'The multi-agency child safeguarding record. Sign in with POST /api/session; send the token from GET /api/csrf-token as x-csrf-token on every POST and DELETE.',
      },
    },
    transform: jsonSchemaTransform,
  });

  registerSecurityHeaders(app);
  registerRequestLogging(app);
  registerAuthentication(app, services);
  registerCsrfCheck(app);
  registerAuditHook(app, services.audit);
  registerErrorHandler(app, renderErrorPage);

  registerApi(app, services);
  await registerWeb(app, services);
  await app.ready();
  return app;
}
