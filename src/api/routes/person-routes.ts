import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import { labelsFor, requireRecordAccess } from '../person-access.ts';
import { chronologyOf, householdOf, personSummary } from '../read/record-view.ts';
import { chronologyCsv, chronologyXlsx, exportRows } from '../read/chronology-export.ts';
import { searchPeople } from '../read/search-people.ts';
import { findingView } from '../read/finding-view.ts';
import { chronologyQuery, personParams } from '../schemas.ts';
import { notFound } from '../errors.ts';

export function personRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const world = services.store.engine.world;
  const zone = services.zone;

  api.get(
    '/api/persons',
    {
      config: { access: 'record.read', audit: 'search' },
      schema: {
        tags: ['records'],
        summary:
          'Search people by name, date of birth, NHS number or postcode (any mix; tolerant of typing slips and nicknames) or id; outside need-to-know a result gives only the name, age band and area',
        querystring: z.object({ q: z.string().max(200) }),
      },
    },
    async (request) => {
      request.auditNote.detail = `search: ${request.query.q}`;
      return searchPeople(request.reads, services.access, request.principal!, request.query.q, { now: services.now(), zone });
    },
  );

  api.get(
    '/api/persons/:id',
    {
      config: { access: 'record.read' },
      schema: {
        tags: ['records'],
        summary: "A person's record: the summary (age, plans, service level, open findings) and the multi-agency chronology",
        params: personParams,
      },
    },
    async (request) => {
      const view = await requireRecordAccess(services, request, request.params.id);
      const now = services.now();
      const labels = await labelsFor(services, request, view);
      return {
        summary: personSummary(view, request.params.id, now, zone, labels)!,
        chronology: chronologyOf(view, request.params.id, zone, labels, {}, now),
      };
    },
  );

  api.get(
    '/api/persons/:id/household',
    {
      config: { access: 'record.read' },
      schema: {
        tags: ['records'],
        summary: 'Every adult and child linked to the person, how, and which agencies know each',
        params: personParams,
      },
    },
    async (request) => {
      const view = await requireRecordAccess(services, request, request.params.id);
      return { household: householdOf(view, request.params.id, services.now(), zone, await labelsFor(services, request, view)) };
    },
  );

  api.get(
    '/api/persons/:id/chronology',
    {
      config: { access: 'record.read' },
      schema: {
        tags: ['records'],
        summary: 'The multi-agency chronology of the person and household, oldest first',
        params: personParams,
        querystring: chronologyQuery,
      },
    },
    async (request) => {
      const view = await requireRecordAccess(services, request, request.params.id);
      const labels = await labelsFor(services, request, view);
      return { chronology: chronologyOf(view, request.params.id, zone, labels, request.query, services.now()) };
    },
  );

  api.get(
    '/api/persons/:id/chronology/:format',
    {
      config: { access: 'record.read' },
      schema: {
        tags: ['records'],
        summary: 'The chronology as a file: CSV or a spreadsheet (xlsx), marked OFFICIAL-SENSITIVE; audited like any read',
        params: personParams.extend({ format: z.enum(['csv', 'xlsx']) }),
      },
    },
    async (request, reply) => {
      const { id, format } = request.params;
      const view = await requireRecordAccess(services, request, id);
      request.auditNote.detail = `chronology exported as ${format}`;
      const labels = await labelsFor(services, request, view);
      const rows = exportRows(chronologyOf(view, id, zone, labels, {}, services.now()), labels.name, zone);
      const file = `chronology-${id.replace(/[^\w-]/g, '_')}.${format}`;
      reply.header('content-disposition', `attachment; filename="${file}"`).header('cache-control', 'no-store');
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(chronologyCsv(rows));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await chronologyXlsx(rows, `chronology of ${labels.name(id)}`));
    },
  );

  api.get(
    '/api/persons/:id/findings',
    {
      config: { access: 'record.read' },
      schema: {
        tags: ['records'],
        summary: 'Every finding about the person (open and closed), with the records each rests on',
        params: personParams,
      },
    },
    async (request) => {
      await requireRecordAccess(services, request, request.params.id);
      const now = services.now();
      return { findings: world.findingsAbout(request.params.id).map((f) => findingView(f, now)) };
    },
  );

  api.post(
    '/api/persons/:id/break-glass',
    {
      config: { access: 'break-glass', audit: 'break-glass' },
      schema: {
        tags: ['records'],
        summary: 'Open a record outside need-to-know, stating why; audited and notified to safeguarding leads',
        params: personParams,
        body: z.object({ reason: z.string().max(2000) }),
      },
    },
    async (request, reply) => {
      const id = request.params.id;
      request.auditNote.subject = id;
      request.auditNote.detail = `reason: ${request.body.reason}`;
      if (!world.hasPerson(id)) throw notFound('That person');
      const decision = await services.access.decide(request.principal!, id);
      if (decision.allowed) return { granted: false, message: 'You already have access to this record.' };
      const grant = await services.grants.grant(request.principal!, id, request.body.reason);
      return reply.code(201).send({ granted: true, expiresAt: new Date(grant.expiresAt).toISOString() });
    },
  );
}
