import { z } from 'zod';
import { DateTime } from 'luxon';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import { askingSetting, checkChildProtection, cpIsQuestion } from '../../unscheduled-care/cp-is-check.ts';
import { UNSCHEDULED_CARE_SETTING_NAMES } from '../../domain/vocabulary.ts';
import { ValidationError } from '../../domain/validation-error.ts';
import { errorList, page, problemText } from '../render.ts';

const TITLE = 'Check for a child protection plan (CP-IS)';
const LABELS = { nhsNumber: 'NHS number' };

/** The CP-IS check for unscheduled care staff: one question, one answer, no record opened. */
export function cpIsPages(app: FastifyInstance, services: Services): void {
  const web = app.withTypeProvider<ZodTypeProvider>();

  web.get('/cp-is', { config: { access: 'cp-is.check' }, schema: { hide: true } }, async (request, reply) => {
    const { organisation, setting } = askingSetting(services, request.principal!);
    return page(request, reply, 'cp-is.njk', { title: TITLE, asking: `${organisation.name} (${UNSCHEDULED_CARE_SETTING_NAMES[setting]})` });
  });

  web.post(
    '/cp-is',
    {
      config: { access: 'cp-is.check', audit: 'search', lookup: true },
      schema: { hide: true, body: cpIsQuestion.extend({ _csrf: z.string().optional() }) },
    },
    async (request, reply) => {
      const { organisation, setting } = askingSetting(services, request.principal!);
      const asking = `${organisation.name} (${UNSCHEDULED_CARE_SETTING_NAMES[setting]})`;
      try {
        const answer = await checkChildProtection(services, request.principal!, request.body.nhsNumber, request.auditNote);
        const plans = answer.plans.map((p) => ({ ...p, started: DateTime.fromISO(p.startDate, { zone: services.zone }).toMillis() }));
        return page(request, reply, 'cp-is.njk', { title: TITLE, asking, answer: { ...answer, plans } });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        request.auditNote.outcome = 'invalid';
        return page(
          request,
          reply,
          'cp-is.njk',
          {
            title: `Error: ${TITLE}`,
            asking,
            nhsNumber: request.body.nhsNumber,
            errors: errorList(error.problems, {}, LABELS),
            nhsNumberError: { text: problemText(error.problems[0], LABELS.nhsNumber) },
          },
          400,
        );
      }
    },
  );
}
