import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import type { ThreadEvent } from '../../domain/events.ts';
import type { WorldView } from '../../engine/world-view.ts';
import { labelsFor, requireRecordAccess } from '../../api/person-access.ts';
import { recordEvent } from '../../api/write/record-event.ts';
import { recordCircle } from '../../access/need-to-know.ts';
import { mayCorrect } from '../../access/corrections.ts';
import { notFound, Refusal } from '../../api/errors.ts';
import { ValidationError } from '../../domain/validation-error.ts';
import { describeEvent } from '../../chronology/describe-event.ts';
import { recordedByText } from '../../api/read/record-view.ts';
import type { EventFormSpec } from '../forms/event-forms.ts';
import { eventToForm, formForEvent } from '../forms/event-to-form.ts';
import { formToEvent, type FormBody } from '../forms/form-to-event.ts';
import { recordedLink } from '../recorded-banner.ts';
import { renderRecordForm } from './record-form-pages.ts';

const params = z.object({ id: z.string().min(1).max(200), key: z.string().min(1).max(200) });

/** The record's own form with the reason for the correction, which is required. */
function correctionForm(form: EventFormSpec): EventFormSpec {
  return {
    ...form,
    title: 'Correct this record',
    fields: [
      ...form.fields,
      {
        name: 'correctionReason',
        label: 'Why are you correcting this record?',
        kind: 'textarea',
        required: true,
        hint: 'For example, the weight was typed as 6.2 kg; the scales read 4.2 kg',
        error: 'Enter why you are correcting this record',
      },
    ],
  };
}

/**
 * Correcting a record: the organisation that made it (or a safeguarding lead) records a
 * new record that supersedes it, with the reason. The log keeps both; the chronology
 * shows the original struck through beside the correction.
 */
export function correctionPages(app: FastifyInstance, services: Services): void {
  const web = app.withTypeProvider<ZodTypeProvider>();

  /** The record to correct, on this person's record, that the user may correct, and its form. */
  function correctable(request: FastifyRequest, view: WorldView, personId: string, key: string) {
    const world = services.store.engine.world;
    const event = view.event(key);
    if (!event || !event.persons.some((p) => recordCircle(view, personId).includes(p))) throw notFound('That record');
    if (!view.eventsOf(event.subject).some((e) => e.key === key))
      throw new Refusal(409, 'This record has already been corrected: correct the correction instead.');
    if (!mayCorrect(world, request.principal!, key))
      throw new Refusal(403, 'Only the organisation that made this record, or a safeguarding lead, can correct it.');
    const form = formForEvent(event);
    if (!form) throw notFound('A form for this kind of record');
    return { event, form: correctionForm(form) };
  }

  const original = async (request: FastifyRequest, view: WorldView, event: ThreadEvent) => ({
    summary: describeEvent(event, services.zone, await labelsFor(services, request, view)),
    at: event.at,
    recordedBy: recordedByText(event),
  });
  const action = (id: string, key: string) => `/people/${encodeURIComponent(id)}/correct/${encodeURIComponent(key)}`;

  web.get('/people/:id/correct/:key', { config: { access: 'record.write' }, schema: { hide: true, params } }, async (request, reply) => {
    const { id, key } = request.params;
    const view = await requireRecordAccess(services, request, id);
    const { event, form } = correctable(request, view, id, key);
    const values: FormBody = { ...eventToForm(form, event, services.zone), note: event.note, eventId: randomUUID() };
    return renderRecordForm(services, request, reply, view, form, id, values, [], {
      action: action(id, key),
      correcting: await original(request, view, event),
    });
  });

  web.post(
    '/people/:id/correct/:key',
    {
      config: { access: 'record.write' },
      schema: { hide: true, params, body: z.record(z.string(), z.union([z.string(), z.array(z.string())])) },
    },
    async (request, reply) => {
      const { id, key } = request.params;
      const view = await requireRecordAccess(services, request, id);
      const { event: superseded, form } = correctable(request, view, id, key);
      const body = request.body as FormBody;
      const extra = { action: action(id, key), correcting: await original(request, view, superseded) };
      const { event, problems } = formToEvent(form, body, services.zone);
      if (!event) {
        request.auditNote.outcome = 'invalid';
        return renderRecordForm(services, request, reply, view, form, id, body, problems, extra);
      }
      for (const field of form.keeps ?? []) event[field] = (superseded.data as Record<string, unknown>)[field];
      const newKey = typeof body.eventId === 'string' && /^[\w-]{8,64}$/.test(body.eventId) ? body.eventId : randomUUID();
      event.id = newKey;
      event.supersedes = key;
      try {
        const result = await recordEvent(services, request.principal!, event, newKey, request.auditNote);
        return reply.redirect(recordedLink(id, String(event.type), result.id, result.findings), 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        request.auditNote.outcome = 'invalid';
        return renderRecordForm(services, request, reply, view, form, id, body, error.problems, extra);
      }
    },
  );
}
