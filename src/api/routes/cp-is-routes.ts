import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import { checkChildProtection, cpIsQuestion } from '../../unscheduled-care/cp-is-check.ts';

/** The CP-IS question from unscheduled care, as JSON (the FHIR form is in fhir-routes.ts). */
export function cpIsRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/cp-is/checks',
    {
      config: { access: 'cp-is.check', audit: 'search', lookup: true },
      schema: {
        tags: ['records'],
        summary:
          'CP-IS: from an unscheduled care setting, does the child with this NHS number have a child protection plan or looked-after status here? Answers yes with the plan type, start date and owning local authority contact, or "no plan known here"; recorded (the social worker is told), audited, rate limited; opens no record',
        body: cpIsQuestion,
      },
    },
    async (request) => checkChildProtection(services, request.principal!, request.body.nhsNumber, request.auditNote),
  );
}
