import type { FastifyInstance } from 'fastify';
import type { Services } from '../../server/services.ts';
import { myWork } from '../../api/read/my-work.ts';
import { page } from '../render.ts';

export function workPages(app: FastifyInstance, services: Services): void {
  app.get('/work', { config: { access: 'record.read' }, schema: { hide: true } }, async (request, reply) => {
    const work = await myWork(
      request.reads,
      services.store.engine.world,
      services.access,
      request.principal!,
      services.now(),
      services.zone,
    );
    return page(request, reply, 'work.njk', { title: 'My findings and caseload', work });
  });
}
