import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import { auditEntries } from '../../api/read/audit-view.ts';
import { findingFigures } from '../../api/read/figures.ts';
import { verifyAuditChain } from '../../api/audit/verify-chain.ts';
import { configurationView } from '../../api/read/configuration-view.ts';
import { PROTOCOLS } from '../../protocols/registry.ts';
import { page } from '../render.ts';
import { labelsFor } from '../../api/person-access.ts';

export function oversightPages(app: FastifyInstance, services: Services): void {
  const web = app.withTypeProvider<ZodTypeProvider>();

  web.get(
    '/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        hide: true,
        querystring: z.object({
          subject: z.string().max(200).optional(),
          actor: z.string().max(200).optional(),
          outcome: z.enum(['', 'allowed', 'refused', 'invalid', 'failed']).optional(),
        }),
      },
    },
    async (request, reply) => {
      const filter = {
        subject: request.query.subject?.trim() || undefined,
        actor: request.query.actor?.trim() || undefined,
        outcome: request.query.outcome || undefined,
      };
      const labels = await labelsFor(services, request);
      const entries = (await auditEntries(request.reads, filter)).map((e) => ({
        ...e,
        subjectLabel: e.subject && services.store.engine.world.hasPerson(e.subject) ? labels.of(e.subject).full : e.subject,
      }));
      return page(request, reply, 'audit.njk', { title: 'Audit: who saw what', entries, filter });
    },
  );

  web.get('/figures', { config: { access: 'figures.read' }, schema: { hide: true } }, async (request, reply) => {
    const [figures, chain] = await Promise.all([findingFigures(request.reads, services.now()), verifyAuditChain(request.reads)]);
    return page(request, reply, 'figures.njk', { title: 'Partnership figures', figures, chain });
  });

  web.get('/configuration', { config: { access: 'configuration.read' }, schema: { hide: true } }, async (request, reply) => {
    const configuration = configurationView(services.store.config, PROTOCOLS, services.configSource);
    return page(request, reply, 'configuration.njk', { title: 'Partnership configuration', configuration });
  });
}
