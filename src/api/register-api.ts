import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/services.ts';
import { sessionRoutes } from './routes/session-routes.ts';
import { personRoutes } from './routes/person-routes.ts';
import { eventRoutes } from './routes/event-routes.ts';
import { findingRoutes } from './routes/finding-routes.ts';
import { workRoutes } from './routes/work-routes.ts';
import { userRoutes } from './routes/user-routes.ts';
import { openApiRoute } from './routes/openapi-route.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { fhirRoutes } from './routes/fhir-routes.ts';
import { cpIsRoutes } from './routes/cp-is-routes.ts';

/** The JSON API under /api, described at /api/openapi.json, and FHIR R4 under /fhir/R4. */
export function registerApi(app: FastifyInstance, services: Services): void {
  sessionRoutes(app, services);
  personRoutes(app, services);
  eventRoutes(app, services);
  findingRoutes(app, services);
  workRoutes(app, services);
  userRoutes(app, services);
  openApiRoute(app);
  healthRoutes(app, services);
  fhirRoutes(app, services);
  cpIsRoutes(app, services);
}
