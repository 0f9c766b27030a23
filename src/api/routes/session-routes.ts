import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import type { Principal } from '../../access/principal.ts';
import { ROLE_CAPABILITIES } from '../../access/roles.ts';
import { SESSION_COOKIE } from '../authenticate.ts';
import { DateTime } from 'luxon';
import type { SignInResult } from '../../access/authenticator.ts';
import { clientAddressKey } from '../../access/client-address.ts';
import { Refusal } from '../errors.ts';
import { csrfToken, rotateCsrf } from '../csrf.ts';

/** What a refused sign-in says: never which of username and password was wrong. */
export function signInRefusal(result: Exclude<SignInResult, { ok: true }>, zone: string): string {
  const until = 'until' in result ? DateTime.fromMillis(result.until, { zone }).toFormat('HH:mm') : '';
  switch (result.reason) {
    case 'invalid':
      return 'The username or password is not right.';
    case 'disabled':
      return 'This account has been disabled. Ask your administrator.';
    case 'locked':
      return `This account is locked after repeated failed attempts to sign in. Try again after ${until}, or ask your administrator to unlock it.`;
    case 'address-locked':
      return `There have been too many failed attempts to sign in from your network. Try again after ${until}.`;
  }
}

/**
 * Signs in through the configured authenticator and starts a session cookie, and
 * replaces the CSRF secret with one bound to the new session; shared by the API and the
 * sign-in page.
 */
export async function signIn(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  username: string,
  password: string,
): Promise<{ ok: true; principal: Principal; csrfToken: string } | { ok: false; message: string }> {
  request.auditNote.action = 'sign-in';
  const result = await services.authenticator.signIn({ username, password, address: clientAddressKey(request.ip) });
  if (!result.ok) {
    request.auditNote.outcome = 'refused';
    request.auditNote.detail = `${result.reason} (username ${JSON.stringify(username.slice(0, 100))})`;
    return { ok: false, message: signInRefusal(result, services.zone) };
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
  return { ok: true, principal: result.principal, csrfToken: rotateCsrf(request, reply, session.token) };
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
    async (request, reply) => ({ token: csrfToken(request, reply) }),
  );

  api.post(
    '/api/session',
    {
      config: { access: 'public', audit: 'sign-in', signIn: true },
      schema: {
        tags: ['session'],
        summary:
          'Sign in with a local account; sets an HttpOnly session cookie and a new CSRF secret (use the csrfToken returned). Locked after repeated failures; rate limited.',
        body: z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) }),
        response: { 200: principalBody.extend({ csrfToken: z.string() }) },
      },
    },
    async (request, reply) => {
      const result = await signIn(services, request, reply, request.body.username, request.body.password);
      if (!result.ok) throw new Refusal(401, result.message);
      return { ...withCapabilities(result.principal), csrfToken: result.csrfToken };
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
