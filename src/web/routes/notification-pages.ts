import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import { notificationsFor } from '../../access/notifications.ts';
import { acknowledgeFindingNotice, findingNoticeOf, findingNoticesFor } from '../../access/finding-notifications.ts';
import { can } from '../../access/roles.ts';
import { labelsFor } from '../../api/person-access.ts';
import { findingTitle } from '../../api/read/finding-view.ts';
import { notFound } from '../../api/errors.ts';
import { page } from '../render.ts';

/**
 * Notifications: new findings owned by the user's organisation, each acknowledged by
 * the user for themselves; and for safeguarding leads, records opened outside
 * need-to-know and overdue findings sent up to them.
 */
export function notificationPages(app: FastifyInstance, services: Services): void {
  const web = app.withTypeProvider<ZodTypeProvider>();
  const world = services.store.engine.world;

  web.get(
    '/notifications',
    {
      config: { access: 'record.read' },
      schema: { hide: true, querystring: z.object({ acknowledged: z.coerce.number().int().positive().optional() }) },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const now = services.now();
      const labels = await labelsFor(services, request);
      const notices = (await findingNoticesFor(request.reads, world, services.access, principal, now)).map((n) => ({
        ...n,
        title: findingTitle(n.finding?.code ?? 'finding'),
        // The child is named only to a user who may see them; the link then asks for break-glass.
        childName: n.mayKnowChild ? labels.of(n.subject).full : undefined,
        deadline: n.finding?.deadline,
        status: n.finding?.status,
      }));
      // Messages were written naming the record by its id; the reader sees the person's name where they may.
      const leads = (
        can(principal.role, 'notifications.read')
          ? await notificationsFor(request.reads, principal.role, principal.agency, principal.organisation)
          : []
      ).map((n) =>
        n.subject && world.hasPerson(n.subject)
          ? { ...n, subjectLabel: labels.of(n.subject).full, message: n.message.replaceAll(n.subject, labels.name(n.subject)) }
          : { ...n, subjectLabel: n.subject },
      );
      return page(request, reply, 'notifications.njk', {
        title: 'Notifications',
        unacknowledged: notices.filter((n) => n.acknowledgedAt === undefined),
        recent: notices.filter((n) => n.acknowledgedAt !== undefined),
        leadNotifications: leads,
        showLeadNotifications: can(principal.role, 'notifications.read'),
        acknowledged: request.query.acknowledged,
      });
    },
  );

  web.post(
    '/notifications/:id/acknowledge',
    {
      config: { access: 'record.read' },
      schema: {
        hide: true,
        params: z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
        body: z.object({ _csrf: z.string().optional() }).optional(),
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      // Only a notification to the user's own organisation is theirs to acknowledge.
      const notice = await findingNoticeOf(services.db, principal, request.params.id);
      if (!notice) throw notFound('That notification');
      const subject = world.findingById(notice.findingId)?.subject;
      if (subject) request.auditNote.subject = subject;
      request.auditNote.action = 'write';
      const fresh = await acknowledgeFindingNotice(services.db, principal, notice.id, services.now());
      request.auditNote.detail = `notification ${notice.id} of finding ${notice.findingId} ${fresh ? 'acknowledged' : 'already acknowledged'}`;
      return reply.redirect(`/notifications?acknowledged=${notice.id}`, 303);
    },
  );
}
