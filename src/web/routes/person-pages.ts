import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import { labelsFor, requireRecordAccess } from '../../api/person-access.ts';
import { chronologyOf, householdOf, personSummary } from '../../api/read/record-view.ts';
import { findingView } from '../../api/read/finding-view.ts';
import { familyHistory, historyCount } from '../../api/read/family-history.ts';
import { searchPeople } from '../../api/read/search-people.ts';
import { notFound } from '../../api/errors.ts';
import { AGENCIES } from '../../domain/vocabulary.ts';
import { EVENT_TYPES } from '../../domain/event-schemas.ts';
import { can } from '../../access/roles.ts';
import { ValidationError } from '../../domain/validation-error.ts';
import { agencyName } from '../../protocols/support/describe.ts';
import { growthSlot } from '../growth-slot.ts';
import { neglectPicture } from '../neglect-picture.ts';
import { DEFAULT_INDICATOR_WEIGHTS, type IndicatorWeights } from '../../protocols/support/neglect-indicators.ts';
import { recordedBanner } from '../recorded-banner.ts';
import { mayCorrect } from '../../access/corrections.ts';
import { formForEvent } from '../forms/event-to-form.ts';
import { EVENT_FORMS } from '../forms/event-forms.ts';
import { errorList, page } from '../render.ts';
import { agreedActionsAbout, allocationsOf, awaitingAcknowledgement, escalationsAbout } from '../../api/read/loop-views.ts';
import type { ThreadEvent } from '../../domain/events.ts';

const idParams = z.object({ id: z.string().min(1).max(200) });
const label = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function personPages(app: FastifyInstance, services: Services): void {
  const web = app.withTypeProvider<ZodTypeProvider>();
  const world = services.store.engine.world;
  const zone = services.zone;
  // The partnership's own weights, so the picture counts what the persistent-neglect protocol counts.
  const neglectWeights =
    (services.store.config.protocols['persistent-neglect'] as { weights?: IndicatorWeights } | undefined)?.weights ??
    DEFAULT_INDICATOR_WEIGHTS;

  web.get(
    '/search',
    {
      config: { access: 'record.read', audit: 'search' },
      schema: { hide: true, querystring: z.object({ q: z.string().max(200).optional() }) },
    },
    async (request, reply) => {
      const q = request.query.q?.trim() ?? '';
      if (q) request.auditNote.detail = `search: ${q}`;
      const found = q
        ? await searchPeople(request.reads, services.access, request.principal!, q, { now: services.now(), zone })
        : undefined;
      return page(request, reply, 'search.njk', {
        title: 'Find a person',
        q,
        results: found?.results,
        hint: found?.hint,
        mayBreakGlass: can(request.principal!.role, 'break-glass'),
      });
    },
  );

  web.get(
    '/people/:id',
    {
      config: { access: 'record.read' },
      schema: {
        hide: true,
        params: idParams,
        querystring: z.object({
          agency: z.string().max(60).optional(),
          type: z.string().max(60).optional(),
          recorded: z.string().max(60).optional(),
          record: z.string().max(200).optional(),
          raised: z.string().max(2000).optional(),
        }),
      },
    },
    async (request, reply) => {
      const id = request.params.id;
      const view = await requireRecordAccess(services, request, id);
      const now = services.now();
      const agency = (AGENCIES as readonly string[]).includes(request.query.agency ?? '') ? request.query.agency : undefined;
      const type = [...EVENT_TYPES, 'finding'].includes(request.query.type ?? '') ? request.query.type : undefined;
      const labels = await labelsFor(services, request, view);
      const summary = personSummary(view, id, now, zone, labels)!;
      const person = view.person(id)!;
      const mayWrite = can(request.principal!.role, 'record.write');
      const children = person.role === 'adult' ? view.childrenOf(id).map((r) => r.of) : [id];
      return page(request, reply, 'person.njk', {
        title: summary.name,
        summary,
        viaBreakGlass: request.auditNote.detail === 'through break-glass',
        household: householdOf(view, id, now, zone, labels),
        chronology: chronologyOf(view, id, zone, labels, { agency, type }, now).map((item) => ({
          ...item,
          correctable:
            mayWrite &&
            item.kind === 'event' &&
            mayCorrect(world, request.principal!, item.key) &&
            formForEvent(world.event(item.key)!) !== undefined,
        })),
        filter: { agency: agency ?? '', type: type ?? '' },
        agencyOptions: [
          { value: '', text: 'All agencies' },
          ...AGENCIES.map((a) => ({ value: a, text: label(agencyName(a)), selected: a === agency })),
        ],
        typeOptions: [
          { value: '', text: 'All records and findings' },
          { value: 'finding', text: 'Findings only', selected: type === 'finding' },
          ...EVENT_TYPES.map((t) => ({ value: t, text: label(t.replaceAll('-', ' ').replaceAll('.', ' ')), selected: t === type })),
        ],
        findings: children.flatMap((c) => view.findingsAbout(c)).map((f) => findingView(f, now)),
        growth: person.role === 'child' ? growthSlot(view, id) : undefined,
        neglect: neglectPicture(view, id, neglectWeights, now, zone, labels.name),
        history: familyHistory(view, children[0] ?? id, zone, labels),
        historyCount: historyCount(familyHistory(view, children[0] ?? id, zone, labels)),
        forms: EVENT_FORMS.filter((f) => !f.capability || can(request.principal!.role, f.capability)).map((f) => ({
          slug: f.slug,
          text: f.title.replace(/^Record (a |an )?/, '').replace(/^./, (c) => c.toUpperCase()),
        })),
        mayWrite,
        loops: {
          allocations: allocationsOf(view, id, now),
          actions: agreedActionsAbout(view, id, now, zone),
          escalations: escalationsAbout(view, id, now),
          awaiting: (view.eventsOf(id, 'information.shared') as ThreadEvent<'information.shared'>[])
            .map((e) => awaitingAcknowledgement(view, e, now))
            .filter((a) => a !== undefined),
        },
        recorded: request.query.recorded,
        banner: request.query.recorded ? recordedBanner(view, id, request.query.record, request.query.raised, zone, labels) : undefined,
      });
    },
  );

  web.get(
    '/people/:id/break-glass',
    {
      config: { access: 'break-glass' },
      schema: { hide: true, params: idParams },
    },
    async (request, reply) => {
      const id = request.params.id;
      request.auditNote.subject = id;
      if (!world.hasPerson(id)) throw notFound('That person');
      return page(request, reply, 'break-glass.njk', { title: 'Request emergency access', id, backLink: '/search' });
    },
  );

  web.post(
    '/people/:id/break-glass',
    {
      config: { access: 'break-glass', audit: 'break-glass' },
      schema: { hide: true, params: idParams, body: z.object({ reason: z.string().max(2000).default(''), _csrf: z.string().optional() }) },
    },
    async (request, reply) => {
      const id = request.params.id;
      request.auditNote.subject = id;
      request.auditNote.detail = `reason: ${request.body.reason}`;
      if (!world.hasPerson(id)) throw notFound('That person');
      const decision = await services.access.decide(request.principal!, id);
      if (!decision.allowed) {
        try {
          await services.grants.grant(request.principal!, id, request.body.reason);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          request.auditNote.outcome = 'invalid';
          return page(
            request,
            reply,
            'break-glass.njk',
            {
              title: 'Request emergency access',
              id,
              backLink: '/search',
              reason: request.body.reason,
              errors: errorList(error.problems),
              reasonError: { text: error.problems[0].reason.replace(/^./, (c) => c.toUpperCase()) },
            },
            400,
          );
        }
      }
      return reply.redirect(`/people/${encodeURIComponent(id)}`, 303);
    },
  );
}
