import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import { ROLES, ROLE_LABELS, isRole } from '../../access/roles.ts';
import { ValidationError, type FieldProblem } from '../../domain/validation-error.ts';
import { agencyName } from '../../protocols/support/describe.ts';
import { errorList, page } from '../render.ts';
import { describeAccount } from './account-pages.ts';

export function adminPages(app: FastifyInstance, services: Services): void {
  const web = app.withTypeProvider<ZodTypeProvider>();

  async function render(request: FastifyRequest, reply: FastifyReply, problems: FieldProblem[] = [], values: Record<string, string> = {}) {
    const { accounts: users } = await services.accounts.list();
    const fieldErrors = Object.fromEntries(problems.map((p) => [p.field, { text: p.reason.replace(/^./, (c) => c.toUpperCase()) }]));
    return page(
      request,
      reply,
      'users.njk',
      {
        title: 'Accounts',
        users: users.map((u) => describeAccount(u, services.users.organisations)),
        lockedCount: users.filter((u) => u.lockedUntil !== undefined).length,
        roleOptions: [
          { value: '', text: 'Choose' },
          ...ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r], selected: values.role === r })),
        ],
        organisationOptions: [
          { value: '', text: 'Choose' },
          ...services.users.organisations
            .all()
            .map((o) => ({ value: o.code, text: `${o.name} (${agencyName(o.agency)})`, selected: values.organisation === o.code })),
        ],
        values,
        fieldErrors,
        errors: problems.length ? errorList(problems) : undefined,
      },
      problems.length ? 400 : 200,
    );
  }

  web.get('/admin/users', { config: { access: 'users.manage' }, schema: { hide: true } }, async (request, reply) => render(request, reply));

  web.post(
    '/admin/users',
    {
      config: { access: 'users.manage' },
      schema: {
        hide: true,
        body: z.object({
          username: z.string().max(64).default(''),
          displayName: z.string().max(200).default(''),
          role: z.string().max(40).default(''),
          organisation: z.string().max(20).default(''),
          qualified: z.string().optional(),
          password: z.string().max(1000).default(''),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const b = request.body;
      try {
        if (!isRole(b.role)) throw new ValidationError([{ field: 'role', reason: 'choose a role' }]);
        if (!services.users.organisations.get(b.organisation))
          throw new ValidationError([{ field: 'organisation', reason: 'choose the organisation the person works for' }]);
        await services.users.create({
          username: b.username,
          displayName: b.displayName,
          role: b.role,
          organisation: b.organisation,
          qualified: b.qualified === 'yes',
          password: b.password,
        });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        request.auditNote.outcome = 'invalid';
        const { password: _password, _csrf, ...values } = b;
        return render(request, reply, error.problems, values);
      }
      return reply.redirect('/admin/users', 303);
    },
  );
}
