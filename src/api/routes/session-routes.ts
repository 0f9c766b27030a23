import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import type { Principal } from '../../access/principal.ts';
import { ROLE_CAPABILITIES } from '../../access/roles.ts';
import { SESSION_COOKIE } from '../authenticate.ts';
import { Refusal } from '../errors.ts';

export const SIGN_IN_MESSAGES = {
  invalid: 'The username or password is not right.',
  locked: 'This account is locked for 15 minutes after repeated failed attempts to sign in.',
  disabled: 'This account has been disabled. Ask your administrator.',
} as const;

/** Signs in through the configured authenticator and starts a session cookie; shared by the API and the sign-in page. */
export async function signIn(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  username: string,
  password: string,
): Promise<{ ok: true; principal: Principal } | { ok: false; message: string }> {
  request.auditNote.action = 'sign-in';
  const result = await services.authenticator.signIn({ username, password });
  if (!result.ok) {
    request.auditNote.outcome = 'refused';
    request.auditNote.detail = `${result.reason} (username ${JSON.stringify(username.slice(0, 100))})`;
    return { ok: false, message: SIGN_IN_MESSAGES[result.reason] };
  }
  const session = await services.sessions.start(result.principal);
  request.auditNote.actor = result.principal;
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: new Date(session.expiresAt),
  });
  return { ok: true, principal: result.principal };
}

export async function signOut(services: Services, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  request.auditNote.action = 'sign-out';
  await services.sessions.end(request.cookies[SESSION_COOKIE]);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

const principalBody = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  agency: z.string(),
  qualified: z.boolean(),
  capabilities: z.array(z.string()),
});
const withCapabilities = (p: Principal) => ({ ...p, capabilities: [...ROLE_CAPABILITIES[p.role]] });

export function sessionRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/csrf-token',
    {
      config: { access: 'public', audit: false },
      schema: {
        tags: ['session'],
        summary: 'A CSRF token: send it as the x-csrf-token header on every POST and DELETE',
        response: { 200: z.object({ token: z.string() }) },
      },
    },
    async (_request, reply) => ({ token: reply.generateCsrf() }),
  );

  api.post(
    '/api/session',
    {
      config: { access: 'public', audit: 'sign-in' },
      schema: {
        tags: ['session'],
        summary: 'Sign in with a local account; sets an HttpOnly session cookie',
        body: z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) }),
        response: { 200: principalBody },
      },
    },
    async (request, reply) => {
      const result = await signIn(services, request, reply, request.body.username, request.body.password);
      if (!result.ok) throw new Refusal(401, result.message);
      return withCapabilities(result.principal);
    },
  );

  api.delete(
    '/api/session',
    {
      config: { access: 'signed-in', audit: 'sign-out' },
      schema: { tags: ['session'], summary: 'Sign out: ends the session' },
    },
    async (request, reply) => {
      await signOut(services, request, reply);
      return reply.code(204).send();
    },
  );

  api.get(
    '/api/me',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['session'], summary: 'The signed-in user and what their role may do', response: { 200: principalBody } },
    },
    async (request) => withCapabilities(request.principal!),
  );
}
