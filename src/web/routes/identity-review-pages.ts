import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import type { ThreadEvent } from '../../domain/events.ts';
import { ValidationError, type FieldProblem } from '../../domain/validation-error.ts';
import { Refusal } from '../../api/errors.ts';
import { identityReviewDetail, identityReviewList, pendingReview, REVIEW_BAND } from '../../api/read/identity-review-view.ts';
import { decideIdentityReview } from '../../api/write/decide-identity-review.ts';
import { nameOf } from '../../api/read/people.ts';
import { errorList, page, problemText } from '../render.ts';

const pairParams = z.object({ person: z.string().min(1).max(200), candidate: z.string().min(1).max(200) });
const reviewUrl = (person: string, candidate: string) => `/identity-reviews/${encodeURIComponent(person)}/${encodeURIComponent(candidate)}`;
const gone = () =>
  new Refusal(404, 'That identity review was not found: it may have been decided already. The list shows the reviews still waiting.');

/** The identity reviews for the front door and safeguarding leads: the list, each review, and the decision. */
export function identityReviewPages(app: FastifyInstance, services: Services): void {
  const web = app.withTypeProvider<ZodTypeProvider>();
  const world = services.store.engine.world;

  /** The outcome banner after a decision: read from the stored record, so the address cannot make it say anything else. */
  function decidedBanner(request: FastifyRequest, key: string | undefined): string | undefined {
    const event = key ? world.event(key) : undefined;
    if (!event || !event.persons.every((id) => services.access.knows(request.principal!, id))) return undefined;
    if (event.type === 'identity.linked' && event.data.basis === 'confirmed')
      return `${nameOf(world, event.data.person)} and ${nameOf(world, event.data.to)} are recorded as the same person. Their records now show together.`;
    if (event.type === 'identity.unlinked')
      return `${nameOf(world, event.data.person)} and ${nameOf(world, event.data.from)} are recorded as different people. They will not be offered as a match again.`;
    return undefined;
  }

  web.get(
    '/identity-reviews',
    { config: { access: 'front-door' }, schema: { hide: true, querystring: z.object({ decided: z.string().max(400).optional() }) } },
    async (request, reply) => {
      request.auditNote.detail = 'identity reviews waiting';
      const reviews = identityReviewList(world, services.access, request.principal!, services.now(), services.zone);
      return page(request, reply, 'identity-reviews.njk', {
        title: 'Identity reviews',
        reviews,
        decided: decidedBanner(request, request.query.decided),
      });
    },
  );

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    review: ThreadEvent<'identity.review'>,
    problems: FieldProblem[] = [],
    values: Record<string, string> = {},
  ) {
    const detail = identityReviewDetail(world, services.access, request.principal!, review, services.now(), services.zone);
    const messageFor = (field: string) => {
      const problem = problems.find((p) => p.field === field);
      return problem ? { text: problemText(problem) } : undefined;
    };
    return page(
      request,
      reply,
      'identity-review.njk',
      {
        title: `Are ${detail.person.name} and ${detail.candidate.name} the same person?`,
        review: detail,
        action: reviewUrl(review.data.person, review.data.candidate),
        band: { part: `${REVIEW_BAND.review * 100}%`, link: `${REVIEW_BAND.link * 100}%` },
        values,
        errors: problems.length ? errorList(problems, { decision: 'decision', reason: 'reason' }) : undefined,
        decisionError: messageFor('decision'),
        reasonError: messageFor('reason'),
        backLink: '/identity-reviews',
      },
      problems.length ? 400 : 200,
    );
  }

  /** The review of the pair, after access to both people has been decided (and audited). */
  async function openReview(request: FastifyRequest, person: string, candidate: string): Promise<ThreadEvent<'identity.review'>> {
    request.auditNote.subject = person;
    request.auditNote.detail = `identity review of ${person} and ${candidate}`;
    const review = pendingReview(world, person, candidate);
    if (!review) throw gone();
    for (const id of [review.data.person, review.data.candidate]) {
      const access = await services.access.decide(request.principal!, id);
      if (!access.allowed) throw new Refusal(403, `You cannot open this review: ${access.reason}.`, false, id);
    }
    return review;
  }

  web.get(
    '/identity-reviews/:person/:candidate',
    { config: { access: 'front-door' }, schema: { hide: true, params: pairParams } },
    async (request, reply) => render(request, reply, await openReview(request, request.params.person, request.params.candidate)),
  );

  web.post(
    '/identity-reviews/:person/:candidate',
    {
      config: { access: 'front-door' },
      schema: {
        hide: true,
        params: pairParams,
        body: z.object({
          decision: z.string().max(40).default(''),
          reason: z.string().max(10_000).default(''),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const review = await openReview(request, request.params.person, request.params.candidate);
      try {
        const { key } = await decideIdentityReview(services, request.principal!, review, request.body, request.auditNote);
        return reply.redirect(`/identity-reviews?${new URLSearchParams({ decided: key }).toString()}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        request.auditNote.outcome = 'invalid';
        return render(request, reply, review, error.problems, { decision: request.body.decision, reason: request.body.reason });
      }
    },
  );
}
