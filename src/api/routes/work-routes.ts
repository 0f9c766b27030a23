import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import { myWork } from '../read/my-work.ts';
import { frontDoorQueue } from '../read/front-door-queue.ts';
import { labelsFor } from '../person-access.ts';
import { identityReviewQueue } from '../read/identity-reviews.ts';
import { auditEntries } from '../read/audit-view.ts';
import { findingFigures } from '../read/figures.ts';
import { notificationsFor } from '../../access/notifications.ts';

export function workRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const world = services.store.engine.world;

  api.get(
    '/api/my-work',
    {
      config: { access: 'record.read' },
      schema: { tags: ['work'], summary: 'My findings (owned by my agency, most urgent first) and my caseload' },
    },
    async (request) => myWork(request.reads, world, services.access, request.principal!, services.now(), services.zone),
  );

  api.get(
    '/api/front-door/queue',
    {
      config: { access: 'front-door' },
      schema: {
        tags: ['work'],
        summary: "The front door's queue: referrals awaiting a decision and findings, each with the family's history",
      },
    },
    async (request) => ({
      items: await frontDoorQueue(request.reads, world, services.now(), services.zone, await labelsFor(services, request)),
    }),
  );

  api.get(
    '/api/identity/reviews',
    {
      config: { access: 'front-door' },
      schema: {
        tags: ['work'],
        summary:
          'Possible matches between records of people, waiting for a practitioner, most urgent first (a man and a household with a baby or an unborn child, then households with a child under 5): confirm with identity.linked (basis confirmed) or part with identity.unlinked through POST /api/events',
      },
    },
    async () => ({ reviews: identityReviewQueue(world, services.now(), services.zone) }),
  );

  api.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Who saw what: the audit log, newest first',
        querystring: z.object({
          subject: z.string().max(200).optional(),
          actor: z.string().max(200).optional(),
          outcome: z.enum(['allowed', 'refused', 'invalid', 'failed']).optional(),
        }),
      },
    },
    async (request) => ({ entries: await auditEntries(request.reads, request.query) }),
  );

  api.get(
    '/api/figures',
    {
      config: { access: 'figures.read' },
      schema: { tags: ['audit'], summary: 'Partnership figures: findings raised, open, overdue and time to first action, by code' },
    },
    async (request) => ({ figures: await findingFigures(request.reads, services.now()) }),
  );

  api.get(
    '/api/notifications',
    {
      config: { access: 'notifications.read' },
      schema: { tags: ['audit'], summary: 'Notifications for my role (break-glass openings of records)' },
    },
    async (request) => ({
      notifications: await notificationsFor(
        request.reads,
        request.principal!.role,
        request.principal!.agency,
        request.principal!.organisation,
      ),
    }),
  );
}
