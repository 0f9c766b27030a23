import type { FastifyRequest } from 'fastify';
import type { Services } from '../server/services.ts';
import { can } from '../access/roles.ts';
import { unacknowledgedCount } from '../access/finding-notifications.ts';
import { openActionsFor, openFindingsFor } from '../api/read/my-work.ts';
import { needingAttention, workItems } from '../api/read/work-triage.ts';

const knownCounts = new WeakMap<FastifyRequest, Record<string, number>>();

/** For a page that has already read the user's work: its counts, so the navigation does not read it again. */
export function rememberNavigationCounts(request: FastifyRequest, counts: Record<string, number>): void {
  knownCounts.set(request, counts);
}

/**
 * The counts beside the navigation links: my work due today or overdue, notifications I
 * have not acknowledged, and (the front door) identity reviews waiting for a decision.
 */
export function navigationCounts(services: Services): (request: FastifyRequest) => Promise<Record<string, number>> {
  return async (request): Promise<Record<string, number>> => {
    const principal = request.principal;
    // An error page for a refused request is rendered before the request's reads are set up.
    if (!principal || !request.reads || !can(principal.role, 'record.read')) return {};
    const db = request.reads;
    const [work, notifications] = await Promise.all([
      knownCounts.get(request)?.['/work'] ?? workNeedingAttention(services, request),
      unacknowledgedCount(db, principal),
    ]);
    const reviews: Record<string, number> = can(principal.role, 'front-door')
      ? { '/identity-reviews': services.store.engine.world.pendingReviews().length }
      : {};
    return { '/work': work, '/notifications': notifications, ...reviews };
  };
}

async function workNeedingAttention(services: Services, request: FastifyRequest): Promise<number> {
  const world = services.store.engine.world;
  const now = services.now();
  const [findings, agreedActions] = await Promise.all([
    openFindingsFor(request.reads, world, services.access, request.principal!, now, services.zone),
    openActionsFor(request.reads, world, services.access, request.principal!, now, services.zone),
  ]);
  return needingAttention(workItems({ findings, agreedActions }), now, services.zone);
}
