import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import { myWork } from '../../api/read/my-work.ts';
import { SEVERITIES, needingAttention, triage, workItems } from '../../api/read/work-triage.ts';
import { rememberNavigationCounts } from '../navigation-counts.ts';
import { page } from '../render.ts';

/** The work list's filters, from a GET form: an empty choice means "any". */
const workFilter = z.object({
  child: z.string().max(400).optional(),
  finding: z.string().max(200).optional(),
  severity: z.enum(['', ...SEVERITIES]).optional(),
  owner: z.string().max(200).optional(),
});

export function workPages(app: FastifyInstance, services: Services): void {
  const web = app.withTypeProvider<ZodTypeProvider>();
  web.get('/work', { config: { access: 'record.read' }, schema: { hide: true, querystring: workFilter } }, async (request, reply) => {
    const now = services.now();
    const work = await myWork(request.reads, services.store.engine.world, services.access, request.principal!, now, services.zone);
    const filter = {
      child: request.query.child?.trim() || undefined,
      finding: request.query.finding?.trim() || undefined,
      severity: request.query.severity || undefined,
      owner: request.query.owner?.trim() || undefined,
    };
    const items = workItems(work);
    const triaged = triage(items, filter, now, services.zone);
    rememberNavigationCounts(request, { '/work': needingAttention(items, now, services.zone) });
    return page(request, reply, 'work.njk', {
      title: 'My work',
      work,
      triaged,
      filter,
      filtered: Object.values(filter).some(Boolean),
    });
  });
}
