import type { FastifyRequest } from 'fastify';
import type { Services } from '../server/services.ts';
import { can } from '../access/roles.ts';
import { openActionsFor, openFindingsFor } from '../api/read/my-work.ts';
import { needingAttention, workItems } from '../api/read/work-triage.ts';

/** The counts beside the navigation links: my work due today or overdue. */
export function navigationCounts(services: Services): (request: FastifyRequest) => Promise<Record<string, number>> {
  return async (request): Promise<Record<string, number>> => {
    const principal = request.principal;
    // An error page for a refused request is rendered before the request's reads are set up.
    if (!principal || !request.reads || !can(principal.role, 'record.read')) return {};
    const world = services.store.engine.world;
    const now = services.now();
    // A request refused before its reads were routed (its error page) reads from the writer.
    const db = request.reads ?? services.db;
    const [findings, agreedActions] = await Promise.all([
      openFindingsFor(db, world, services.access, principal, now),
      openActionsFor(db, world, services.access, principal, now, services.zone),
    ]);
    return { '/work': needingAttention(workItems({ findings, agreedActions }), now, services.zone) };
  };
}
