import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import { signIn, signOut } from '../../api/routes/session-routes.ts';
import { can } from '../../access/roles.ts';
import { describeDemoAccount } from '../../server/demo-users.ts';
import type { Principal } from '../../access/principal.ts';
import { page } from '../render.ts';

/** Only a path on this site: never an open redirect. */
export function safeNext(next: string | undefined): string | undefined {
  return next && /^\/(?![/\\])[\w\-./?=&%:+~]*$/.test(next) && !next.startsWith('/sign-') ? next : undefined;
}

export function homeOf(principal: Principal): string {
  if (can(principal.role, 'front-door')) return '/front-door';
  if (can(principal.role, 'record.read')) return '/work';
  if (can(principal.role, 'audit.read')) return '/figures';
  return '/admin/users';
}

export function signInPages(app: FastifyInstance, services: Services): void {
  const web = app.withTypeProvider<ZodTypeProvider>();
  // Demo mode only: the accounts to try, with their one password (never for real data).
  const demo = () =>
    services.demo && {
      accounts: services.demo.accounts.map((a) => describeDemoAccount(a, services.users.organisations)),
      password: services.demo.password,
    };

  web.get('/', { config: { access: 'public', audit: false }, schema: { hide: true } }, async (request, reply) => {
    return reply.redirect(request.principal ? homeOf(request.principal) : '/sign-in', 303);
  });

  web.get(
    '/sign-in',
    {
      config: { access: 'public', audit: false },
      schema: { hide: true, querystring: z.object({ next: z.string().max(500).optional() }) },
    },
    async (request, reply) => {
      if (request.principal) return reply.redirect(safeNext(request.query.next) ?? homeOf(request.principal), 303);
      return page(request, reply, 'sign-in.njk', {
        title: 'Sign in',
        next: safeNext(request.query.next) ?? '',
        fieldErrors: {},
        demo: demo(),
      });
    },
  );

  web.post(
    '/sign-in',
    {
      config: { access: 'public', audit: 'sign-in', signIn: true },
      schema: {
        hide: true,
        body: z.object({
          username: z.string().max(200).default(''),
          password: z.string().max(1000).default(''),
          next: z.string().max(500).optional(),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const next = safeNext(request.body.next);
      const fieldErrors: Record<string, { text: string }> = {};
      let status = 400;
      if (!username.trim()) fieldErrors.username = { text: 'Enter your username' };
      if (!password) fieldErrors.password = { text: 'Enter your password' };
      if (Object.keys(fieldErrors).length === 0) {
        const result = await signIn(services, request, reply, username.trim(), password);
        if (result.ok) return reply.redirect(next ?? homeOf(result.principal), 303);
        fieldErrors.username = { text: result.message };
        status = 401;
      }
      const errors = Object.entries(fieldErrors).map(([field, e]) => ({ text: e.text, href: `#${field}` }));
      return page(
        request,
        reply,
        'sign-in.njk',
        { title: 'Sign in', next: next ?? '', username, fieldErrors, errors, demo: demo() },
        status,
      );
    },
  );

  web.post('/sign-out', { config: { access: 'signed-in', audit: 'sign-out' }, schema: { hide: true } }, async (request, reply) => {
    await signOut(services, request, reply);
    return reply.redirect('/sign-in', 303);
  });
}
