import { z } from 'zod';
import { DateTime } from 'luxon';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import { myWork } from '../../api/read/my-work.ts';
import { isFor } from '../../api/read/loop-views.ts';
import { acknowledgementOf } from '../../protocols/information-not-acknowledged.ts';
import { recordEvent } from '../../api/write/record-event.ts';
import { notFound } from '../../api/errors.ts';
import { page } from '../render.ts';

/**
 * The receiving organisation's inbox: information shared with it that waits for its
 * acknowledgement (acknowledged with one click), and the agreed actions it owns.
 */
export function loopPages(app: FastifyInstance, services: Services): void {
  const web = app.withTypeProvider<ZodTypeProvider>();
  const world = services.store.engine.world;

  web.get(
    '/inbox',
    { config: { access: 'record.read' }, schema: { hide: true, querystring: z.object({ acknowledged: z.string().max(200).optional() }) } },
    async (request, reply) => {
      const work = await myWork(request.reads, world, services.access, request.principal!, services.now(), services.zone);
      return page(request, reply, 'inbox.njk', {
        title: 'Inbox',
        awaiting: work.awaitingAcknowledgement,
        actions: work.agreedActions,
        acknowledged: request.query.acknowledged,
      });
    },
  );

  web.post(
    '/inbox/:id/acknowledge',
    {
      config: { access: 'record.write' },
      schema: {
        hide: true,
        params: z.object({ id: z.string().min(1).max(200) }),
        body: z.object({ _csrf: z.string().optional() }).optional(),
      },
    },
    async (request, reply) => {
      const shared = world.event(request.params.id);
      // Only information sent to the user's own organisation is theirs to acknowledge.
      if (shared?.type !== 'information.shared' || !isFor(shared, request.principal!.agency)) throw notFound('That information');
      request.auditNote.subject = shared.subject;
      // A colleague may have acknowledged it already: once is enough.
      if (acknowledgementOf(world, shared, services.now()))
        return reply.redirect(`/inbox?acknowledged=${encodeURIComponent(shared.key)}`, 303);
      const at = DateTime.fromMillis(services.now(), { zone: services.zone }).toFormat("yyyy-MM-dd'T'HH:mm");
      const key = `ack:${shared.key}:${request.principal!.agency}`;
      await recordEvent(
        services,
        request.principal!,
        { id: key, type: 'information.acknowledged', at, person: shared.data.person, of: shared.key },
        key,
        request.auditNote,
      );
      return reply.redirect(`/inbox?acknowledged=${encodeURIComponent(shared.key)}`, 303);
    },
  );
}
