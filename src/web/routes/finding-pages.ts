import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import type { Finding } from '../../domain/findings.ts';
import { labelsFor, requireRecordAccess } from '../../api/person-access.ts';
import { requireFindingStep } from '../../api/finding-access.ts';
import { FINDING_ACTION_KINDS, findingActionRefusal, owningOrganisation } from '../../access/finding-ownership.ts';
import { findingView } from '../../api/read/finding-view.ts';
import { describeEvent } from '../../chronology/describe-event.ts';
import { agencyName } from '../../protocols/support/describe.ts';
import { notFound } from '../../api/errors.ts';
import { ValidationError, type FieldProblem } from '../../domain/validation-error.ts';
import { errorList, page } from '../render.ts';

const params = z.object({ id: z.string().min(1).max(400) });

interface ActionRow {
  kind: string;
  at: Date | string;
  by_user: string;
  by_role: string | null;
  by_agency: string | null;
  note: string | null;
  display_name: string | null;
}

export function findingPages(app: FastifyInstance, services: Services): void {
  const web = app.withTypeProvider<ZodTypeProvider>();
  const world = services.store.engine.world;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    finding: Finding,
    problems: FieldProblem[] = [],
    values: Record<string, string> = {},
  ) {
    const { rows } = await request.reads.query<ActionRow>(
      'SELECT a.kind, a.at, a.by_user, a.by_role, a.by_agency, a.note, u.display_name FROM finding_actions a LEFT JOIN users u ON u.id = a.by_user WHERE a.finding_id = $1 ORDER BY a.seq',
      [finding.id],
    );
    const labels = await labelsFor(services, request);
    const evidence = finding.evidence
      .map((key) => world.event(key))
      .filter((e) => e !== undefined)
      .map((e) => ({
        key: e.key,
        at: e.at,
        agency: agencyName(e.agency),
        summary: describeEvent(e, services.zone, labels).replace(/^./, (c) => c.toUpperCase()),
        note: e.note,
      }));
    return page(
      request,
      reply,
      'finding.njk',
      {
        title: findingView(finding, services.now()).title,
        finding: findingView(finding, services.now()),
        subjectName: labels.name(finding.subject),
        subjectLabel: labels.of(finding.subject),
        owningOrganisation: owningOrganisation(world, finding)?.name,
        // Only the owner (and safeguarding leads) acknowledge, action, close and reopen; anyone may note or challenge.
        mayAct: findingActionRefusal(world, request.principal!, finding, 'actioned') === undefined,
        evidence,
        actions: rows.map((r) => ({
          ...r,
          at: new Date(r.at).getTime(),
          who: r.display_name ?? r.by_user,
          agency: agencyName(r.by_agency ?? undefined),
        })),
        values,
        errors: problems.length ? errorList(problems, { note: 'note', kind: 'kind' }) : undefined,
        noteError: problems.find((p) => p.field === 'note')
          ? { text: problems.find((p) => p.field === 'note')!.reason.replace(/^./, (c) => c.toUpperCase()) }
          : undefined,
        kindError: problems.find((p) => p.field === 'kind')
          ? { text: problems.find((p) => p.field === 'kind')!.reason.replace(/^./, (c) => c.toUpperCase()) }
          : undefined,
        backLink: `/people/${encodeURIComponent(finding.subject)}`,
      },
      problems.length ? 400 : 200,
    );
  }

  web.get('/findings/:id', { config: { access: 'record.read' }, schema: { hide: true, params } }, async (request, reply) => {
    const finding = world.findingById(request.params.id);
    if (!finding) throw notFound('That finding');
    await requireRecordAccess(services, request, finding.subject);
    return render(request, reply, finding);
  });

  web.post(
    '/findings/:id/actions',
    {
      config: { access: 'record.write' },
      schema: {
        hide: true,
        params,
        body: z.object({ kind: z.string().max(20).default(''), note: z.string().max(5000).default(''), _csrf: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const finding = world.findingById(request.params.id);
      if (!finding) throw notFound('That finding');
      const kind = FINDING_ACTION_KINDS.find((k) => k === request.body.kind);
      if (!kind) await requireRecordAccess(services, request, finding.subject);
      else await requireFindingStep(services, request, finding, kind);
      try {
        if (!kind) throw new ValidationError([{ field: 'kind', reason: 'choose what you are recording' }]);
        const p = request.principal!;
        await services.store.actOnFinding(
          finding.id,
          kind,
          { userId: p.userId, role: p.role, agency: p.agency },
          request.body.note.trim() || undefined,
        );
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        request.auditNote.outcome = 'invalid';
        return render(request, reply, finding, error.problems, { kind: request.body.kind, note: request.body.note });
      }
      return reply.redirect(`/findings/${encodeURIComponent(finding.id)}`, 303);
    },
  );
}
