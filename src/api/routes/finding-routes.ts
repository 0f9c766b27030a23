import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import { requireRecordAccess } from '../person-access.ts';
import { requireFindingStep } from '../finding-access.ts';
import { findingView } from '../read/finding-view.ts';
import { findingAction, findingParams } from '../schemas.ts';
import { notFound } from '../errors.ts';

export function findingRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const world = services.store.engine.world;

  api.get(
    '/api/findings/:id',
    {
      config: { access: 'record.read' },
      schema: {
        tags: ['findings'],
        summary: 'One finding: what, why (the records it rests on), what to do, by when, who owns it',
        params: findingParams,
      },
    },
    async (request) => {
      const finding = world.findingById(request.params.id);
      if (!finding) throw notFound('That finding');
      await requireRecordAccess(services, request, finding.subject);
      return {
        finding: findingView(finding, services.now()),
        evidence: finding.evidence.map((key) => world.event(key)?.data).filter(Boolean),
      };
    },
  );

  api.post(
    '/api/findings/:id/actions',
    {
      config: { access: 'record.write' },
      schema: {
        tags: ['findings'],
        summary:
          "Acknowledge a finding, record the action taken, close it with a reason or reopen it (its owner's), or add a note or a challenge (anyone who may see the child)",
        params: findingParams,
        body: findingAction,
      },
    },
    async (request) => {
      const finding = world.findingById(request.params.id);
      if (!finding) throw notFound('That finding');
      await requireFindingStep(services, request, finding, request.body.kind);
      const p = request.principal!;
      const updated = await services.store.actOnFinding(
        finding.id,
        request.body.kind,
        { userId: p.userId, role: p.role, agency: p.agency },
        request.body.note,
      );
      return { finding: findingView(updated, services.now()) };
    },
  );
}
