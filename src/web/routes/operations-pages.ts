import type { FastifyInstance } from 'fastify';
import type { Services } from '../../server/services.ts';
import { auditAnchorState, protocolFailureCounts } from '../../api/read/operations-view.ts';
import { page } from '../render.ts';

/** For administrators: whether the store is consistent, how far the audit is anchored, and which protocols have failed. */
export function operationsPages(app: FastifyInstance, services: Services): void {
  app.get('/admin/operations', { config: { access: 'users.manage' }, schema: { hide: true } }, async (request, reply) => {
    const [failures, anchor] = await Promise.all([protocolFailureCounts(request.reads), auditAnchorState(request.reads)]);
    return page(request, reply, 'operations.njk', { title: 'Operations', failures, anchor, storeHealthy: services.store.healthy });
  });
}
