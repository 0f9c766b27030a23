import type { FastifyRequest } from 'fastify';
import type { Services } from '../server/services.ts';
import { can } from '../access/roles.ts';
import { openActionsFor, openFindingsFor } from '../api/read/my-work.ts';
import { needingAttention, workItems } from '../api/read/work-triage.ts';

const knownCounts = new WeakMap<FastifyRequest, Record<string, number>>();

/** For a page that has already read the user's work: its counts, so the navigation does not read it again. */
export function rememberNavigationCounts(request: FastifyRequest, counts: Record<string, number>): void {
  knownCounts.set(request, counts);
}

/** The counts beside the navigation links: my work due today or overdue, and identity reviews waiting for the front door. */
export function navigationCounts(services: Services): (request: FastifyRequest) => Promise<Record<string, number>> {
  return async (request): Promise<Record<string, number>> => {
    const principal = request.principal;
    const reviews: Record<string, number> =
      principal && can(principal.role, 'front-door') ? { '/identity-reviews': services.store.engine.world.pendingReviews().length } : {};
    const known = knownCounts.get(request);
    if (known) return { ...known, ...reviews };
    // An error page for a refused request is rendered before the request's reads are set up.
    if (!principal || !request.reads || !can(principal.role, 'record.read')) return reviews;
    const world = services.store.engine.world;
    const now = services.now();
    const db = request.reads;
    const [findings, agreedActions] = await Promise.all([
      openFindingsFor(db, world, services.access, principal, now),
      openActionsFor(db, world, services.access, principal, now, services.zone),
    ]);
    return { '/work': needingAttention(workItems({ findings, agreedActions }), now, services.zone), ...reviews };
  };
}
