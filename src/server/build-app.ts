import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Services } from './services.ts';
import { loggerOptions, registerRequestLogging } from './request-logging.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerErrorHandler } from './error-handler.ts';
import { registerInputGuard } from './input-guard.ts';
import { registerAuthentication } from '../api/authenticate.ts';
import { CSRF_COOKIE, csrfUserInfo, registerCsrfCheck } from '../api/csrf.ts';
import { registerAuditHook } from '../api/audit/audit-hook.ts';
import { registerReadYourWrites } from '../api/read-your-writes.ts';
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
  /**
   * Behind a TLS-terminating proxy: which proxies to believe about the client's address
   * and protocol (Fastify's trustProxy: true, or the proxies' addresses and CIDR ranges).
   * Then `X-Forwarded-Proto: https` makes the cookies Secure and the lock-out counts by
   * the client's own address.
   */
  trustProxy?: boolean | string | string[];
  /** Serve TLS directly (PEM key and certificate); every cookie is then Secure. */
  https?: { key: string | Buffer; cert: string | Buffer };
  /** Requests to the sign-in routes per client address per window (default 30 a minute). */
  signInRateLimit?: { max: number; timeWindowMs: number };
  /** Requests to a sensitive look-up (the CP-IS check) per signed-in user per window (default 30 a minute). */
  lookupRateLimit?: { max: number; timeWindowMs: number };
  /** Where log lines go (default standard output); tests read them. */
  logStream?: { write(line: string): void };
}

export const DEFAULT_SIGN_IN_RATE_LIMIT = { max: 30, timeWindowMs: 60_000 };
export const DEFAULT_LOOKUP_RATE_LIMIT = { max: 30, timeWindowMs: 60_000 };

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
    ...(options.https ? { https: options.https } : {}),
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('principal', undefined);
  app.decorateRequest('auditNote', undefined as never);
  app.decorateRequest('cspNonce', '');

  // Secure by default: a route that does not say who may call it is a start-up error.
  const routes: RouteEntry[] = [];
  app.decorate('routeTable', routes);
  const signInLimit = options.signInRateLimit ?? DEFAULT_SIGN_IN_RATE_LIMIT;
  const lookupLimit = options.lookupRateLimit ?? DEFAULT_LOOKUP_RATE_LIMIT;
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
    if (route.config?.signIn) route.config.rateLimit = { max: signInLimit.max, timeWindow: signInLimit.timeWindowMs };
    // Counted per user (the session is resolved by then), so that a colleague's checks do not use up one's own.
    if (route.config?.lookup)
      route.config.rateLimit = {
        max: lookupLimit.max,
        timeWindow: lookupLimit.timeWindowMs,
        keyGenerator: (request) => request.principal?.userId ?? `address:${request.ip}`,
      };
    if (route.config?.access === undefined && !route.url.startsWith('/assets/') && !route.url.startsWith('/static/')) {
      throw new Error(`route ${String(route.method)} ${route.url} does not declare its access`);
    }
  });

  await app.register(cookie);
  // Only the routes that ask for it (sign-in, sensitive look-ups) are limited; the lock-out does the rest.
  await app.register(rateLimit, { global: false });
  await app.register(csrf, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: 'auto' } as never,
    getUserInfo: csrfUserInfo,
    csrfOpts: { hmacKey: services.keys.csrfKey },
  });
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
  registerInputGuard(app);
  registerCsrfCheck(app);
  registerAuditHook(app, services.audit);
  registerReadYourWrites(app, services.reads);
  registerErrorHandler(app, renderErrorPage);

  // A protocol that throws is logged by name, version, trigger and kind of error: never the message, which may name someone.
  services.store.onProtocolFailure = (failure) =>
    app.log.error({ protocol: failure.protocol, trigger: failure.trigger, errorType: failure.errorType }, 'protocol failed');

  registerApi(app, services);
  await registerWeb(app, services);
  await app.ready();
  return app;
}
