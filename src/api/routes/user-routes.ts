import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import { ROLES } from '../../access/roles.ts';
import { AGENCIES } from '../../domain/vocabulary.ts';
import { principalOf } from '../../access/user-directory.ts';

export function userRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/users',
    {
      config: { access: 'users.manage' },
      schema: { tags: ['users'], summary: "Every account, and the partnership's organisations" },
    },
    async () => ({ users: (await services.users.list()).map(principalOf), organisations: services.users.organisations.all() }),
  );

  api.post(
    '/api/users',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Create a local account (the password is stored as an argon2id hash)',
        body: z.object({
          username: z.string().max(64),
          displayName: z.string().max(200),
          role: z.enum(ROLES),
          organisation: z.string().max(20).optional().describe("The code of the user's organisation (GET /api/users lists them)"),
          agency: z.enum(AGENCIES).optional().describe("Without an organisation: the agency type's default organisation"),
          qualified: z.boolean().optional(),
          password: z.string().max(1000),
        }),
      },
    },
    async (request, reply) => {
      const user = await services.users.create(request.body);
      return reply.code(201).send({ user: principalOf(user) });
    },
  );
}
