import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DateTime } from 'luxon';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import { labelsFor, requireRecordAccess } from '../../api/person-access.ts';
import { recordEvent, recordEvents } from '../../api/write/record-event.ts';
import { recordCircle } from '../../access/need-to-know.ts';
import type { WorldView } from '../../engine/world-view.ts';
import { can } from '../../access/roles.ts';
import { notFound, Refusal } from '../../api/errors.ts';
import { ValidationError, type FieldProblem } from '../../domain/validation-error.ts';
import { describeAge, displayName } from '../../api/read/people.ts';
import { formatDay } from '../../domain/time.ts';
import { familyHistory, historyCount } from '../../api/read/family-history.ts';
import { formBySlug, type EventFormSpec } from '../forms/event-forms.ts';
import { formToEvent, type FormBody } from '../forms/form-to-event.ts';
import { errorList, page, problemText } from '../render.ts';
import { recordChoices } from '../forms/record-choices.ts';
import { recordedLink } from '../recorded-banner.ts';

const params = z.object({ id: z.string().min(1).max(200), form: z.string().max(40) });

/** The element id a problem's field points at (a date's first box). */
function fieldId(form: EventFormSpec, field: string): string {
  const spec = form.fields.find((f) => f.name === field) ?? form.fields.find((f) => f.name === field.split('.')[0]);
  const name = spec?.name ?? field;
  if (spec?.kind === 'when' || spec?.kind === 'date') return `${name}-day`;
  if (name === 'at-time' || name === 'match') return name;
  return spec ? name : 'main-content';
}

/**
 * A refusal of the record's schema in the form's own words: a field that says what to
 * enter ("Enter the weight in kilograms, for example 4.2") says it instead of "is
 * required" or "must be a number". Anything the record explains itself (a weight not
 * plausible for the child's age, a date before birth) is kept as it is.
 */
function wordedFor(form: EventFormSpec, problem: FieldProblem): string {
  const spec = form.fields.find((f) => f.name === problem.field);
  if (spec?.error && /^(is required|must be (a |an )?(number|one of|an ISO date))/.test(problem.reason)) return spec.error;
  return problem.reason;
}

export async function renderRecordForm(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  view: WorldView,
  form: EventFormSpec,
  id: string,
  values: FormBody,
  problems: FieldProblem[] = [],
  extra: { action?: string; correcting?: Record<string, unknown>; matches?: PossibleMatch[] } = {},
) {
  const names = await labelsFor(services, request, view);
  const people = recordCircle(view, id).map((p) => ({ value: p, text: names.of(p).full }));
  const labels: Record<string, string> = Object.fromEntries(form.fields.map((f) => [f.name, f.label]));
  labels['at-time'] = 'Time';
  const worded = problems.map((p) => ({ ...p, reason: wordedFor(form, p) }));
  const fieldErrors: Record<string, { text: string }> = {};
  for (const p of worded) {
    const key = p.field === 'at-time' || p.field in labels ? p.field : p.field.split('.')[0];
    fieldErrors[key] ??= { text: problemText(p, labels[key]) };
  }
  const history = form.slug === 'decision' ? familyHistory(view, id, services.zone, names) : undefined;
  const recordOptions = Object.fromEntries(
    form.fields
      .filter((f) => f.kind === 'record' && f.records)
      .map((f) => [f.name, recordChoices(view, id, f.records!, request.principal!.agency, services.now(), services.zone)]),
  );
  return page(
    request,
    reply,
    'record-form.njk',
    {
      title: form.title,
      form,
      personId: id,
      personName: names.name(id),
      people,
      values,
      fieldErrors,
      errors: worded.length
        ? errorList(worded, Object.fromEntries(worded.map((p) => [p.field, fieldId(form, p.field)])), labels)
        : undefined,
      history,
      historyCount: history ? historyCount(history) : 0,
      recordOptions,
      backLink: `/people/${encodeURIComponent(id)}`,
      action: extra.action ?? `/people/${encodeURIComponent(id)}/record/${form.slug}`,
      correcting: extra.correcting,
      matches: extra.matches,
      matchError: fieldErrors.match,
    },
    problems.length ? 400 : 200,
  );
}

export interface PossibleMatch {
  value: string;
  text: string;
  hint: string;
}

/**
 * The people already known whom a form introducing a person may be about: record
 * linkage's candidates (a link or a review, never a no-link) and the form's own (a
 * mother's unborn babies), those the user may see. Nobody outside need-to-know is shown.
 */
async function possibleMatches(
  services: Services,
  request: FastifyRequest,
  view: WorldView,
  introduces: NonNullable<EventFormSpec['introduces']>,
  event: Record<string, unknown>,
): Promise<PossibleMatch[]> {
  const identity = introduces.identity(event, view);
  const linked = services.store
    .identityCandidates({ id: `form-${String(event.id)}`, ...identity }, 5)
    .filter((m) => m.decision !== 'no-link')
    .map((m) => m.personId);
  const ids = [...new Set([...(introduces.alsoConsider?.(event, view) ?? []), ...linked])].filter(
    (p) => p !== event.person && p !== event.of,
  );
  const now = services.now();
  const matches: PossibleMatch[] = [];
  for (const personId of ids) {
    const person = services.store.engine.world.person(personId);
    if (!person || !(await services.access.decide(request.principal!, personId)).allowed) continue;
    const facts = [
      describeAge(person, now, services.zone),
      person.bornMs !== undefined ? `born ${formatDay(person.bornMs, services.zone)}` : undefined,
      person.nhsNumber ? `NHS number ${person.nhsNumber}` : undefined,
      person.area,
    ].filter(Boolean);
    matches.push({ value: personId, text: displayName(person), hint: facts.join(' · ') });
  }
  return matches;
}

export function recordFormPages(app: FastifyInstance, services: Services): void {
  const web = app.withTypeProvider<ZodTypeProvider>();

  function formFor(request: FastifyRequest, slug: string): EventFormSpec {
    const form = formBySlug(slug);
    if (!form) throw notFound('That form');
    if (form.capability && !can(request.principal!.role, form.capability)) throw new Refusal(403, 'Your role does not record this.');
    return form;
  }

  web.get(
    '/people/:id/record/:form',
    {
      config: { access: 'record.write' },
      schema: { hide: true, params, querystring: z.object({ finding: z.string().max(400).optional() }) },
    },
    async (request, reply) => {
      const form = formFor(request, request.params.form);
      const view = await requireRecordAccess(services, request, request.params.id);
      const now = DateTime.fromMillis(services.now(), { zone: services.zone });
      const values: FormBody = {
        eventId: randomUUID(),
        person: request.params.id,
        'at-day': String(now.day),
        'at-month': String(now.month),
        'at-year': String(now.year),
        'at-time': now.toFormat('HH:mm'),
        agency: request.principal!.agency,
      };
      return renderRecordForm(services, request, reply, view, form, request.params.id, values);
    },
  );

  web.post(
    '/people/:id/record/:form',
    {
      config: { access: 'record.write' },
      schema: { hide: true, params, body: z.record(z.string(), z.union([z.string(), z.array(z.string())])) },
    },
    async (request, reply) => {
      const form = formFor(request, request.params.form);
      const id = request.params.id;
      const view = await requireRecordAccess(services, request, id);
      const body = request.body as FormBody;
      const { event, problems } = formToEvent(form, body, services.zone);
      if (!event) {
        request.auditNote.outcome = 'invalid';
        return renderRecordForm(services, request, reply, view, form, id, body, problems);
      }
      const key = typeof body.eventId === 'string' && /^[\w-]{8,64}$/.test(body.eventId) ? body.eventId : randomUUID();
      body.eventId = key;
      event.id = key;
      try {
        if (form.introduces) {
          const matches = await possibleMatches(services, request, view, form.introduces, event);
          const choice = typeof body.match === 'string' ? body.match : undefined;
          const chosen = choice && choice !== 'new' ? matches.find((m) => m.value === choice) : undefined;
          if (matches.length > 0 && !(choice === 'new' || chosen)) {
            const problem =
              choice === undefined
                ? []
                : [{ field: 'match', reason: `select the ${form.introduces.noun}, or that this is a new ${form.introduces.noun}` }];
            return renderRecordForm(services, request, reply, view, form, id, body, problem, { matches });
          }
          const { records, person } = form.introduces.records(event, body, chosen && view.person(chosen.value), view);
          const findings = records.length ? await recordEvents(services, request.principal!, records, key, request.auditNote) : [];
          const first = records.find((r) => r.id === key) ?? records[0];
          const firstKey = typeof first?.id === 'string' ? first.id : key;
          return reply.redirect(recordedLink(person, String(first?.type ?? event.type), firstKey, findings), 303);
        }
        const result = await recordEvent(services, request.principal!, event, key, request.auditNote);
        return reply.redirect(recordedLink(id, String(event.type), result.id, result.findings), 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        request.auditNote.outcome = 'invalid';
        return renderRecordForm(services, request, reply, view, form, id, body, error.problems);
      }
    },
  );
}
