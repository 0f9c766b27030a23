import type { FastifyInstance } from 'fastify';
import type { Services } from '../../server/services.ts';
import { frontDoorQueue } from '../../api/read/front-door-queue.ts';
import { historyCount } from '../../api/read/family-history.ts';
import { page } from '../render.ts';
import { labelsFor } from '../../api/person-access.ts';

export function frontDoorPages(app: FastifyInstance, services: Services): void {
  app.get('/front-door', { config: { access: 'front-door' }, schema: { hide: true } }, async (request, reply) => {
    const world = services.store.engine.world;
    const items = await frontDoorQueue(request.reads, world, services.now(), services.zone, await labelsFor(services, request));
    const withCounts = items.map((item) => ({ ...item, historyCount: historyCount(item.history) }));
    return page(request, reply, 'front-door.njk', {
      title: 'Front door queue',
      findings: withCounts.filter((i) => i.kind === 'finding'),
      referrals: withCounts.filter((i) => i.kind === 'referral'),
    });
  });
}
