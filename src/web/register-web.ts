import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import view from '@fastify/view';
import fastifyStatic from '@fastify/static';
import nunjucks from 'nunjucks';
import type { Services } from '../server/services.ts';
import type { ErrorPage } from '../server/error-handler.ts';
import { addFilters } from './template-filters.ts';
import { errorList, page } from './render.ts';
import { signInPages } from './routes/sign-in-pages.ts';
import { cpIsPages } from './routes/cp-is-pages.ts';
import { unscheduledCareSetting } from '../config/organisations.ts';
import type { Principal } from '../access/principal.ts';
import { workPages } from './routes/work-pages.ts';
import { personPages } from './routes/person-pages.ts';
import { recordFormPages } from './routes/record-form-pages.ts';
import { correctionPages } from './routes/correction-pages.ts';
import { findingPages } from './routes/finding-pages.ts';
import { frontDoorPages } from './routes/front-door-pages.ts';
import { identityReviewPages } from './routes/identity-review-pages.ts';
import { oversightPages } from './routes/oversight-pages.ts';
import { adminPages } from './routes/admin-pages.ts';
import { accountPages } from './routes/account-pages.ts';
import { operationsPages } from './routes/operations-pages.ts';
import { notificationPages } from './routes/notification-pages.ts';
import { loopPages } from './routes/loop-pages.ts';
import { navigationCounts } from './navigation-counts.ts';

const here = dirname(fileURLToPath(import.meta.url));
const govukDist = join(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');
const GOVUK_FILES = /^\/(govuk-frontend\.min\.(css|js)(\.map)?|(fonts|images)\/[\w.-]+|manifest\.json)$/;

/** The practitioners' pages: server-rendered GOV.UK Frontend, every page working without JavaScript. */
export async function registerWeb(app: FastifyInstance, services: Services): Promise<void> {
  await app.register(view, {
    engine: { nunjucks },
    templates: [join(here, 'views'), govukDist],
    production: process.env.NODE_ENV !== 'development',
    options: {
      autoescape: true,
      throwOnUndefined: false,
      onConfigure: (env: nunjucks.Environment) => addFilters(env, services.zone),
    },
  });
  // GOV.UK Frontend's stylesheet, script, fonts and images: only those files.
  await app.register(fastifyStatic, {
    // The stylesheet asks for /assets/fonts/... and /assets/images/..., which live in govuk/assets.
    root: [join(govukDist, 'govuk', 'assets'), join(govukDist, 'govuk')],
    prefix: '/assets/',
    allowedPath: (pathName) => GOVUK_FILES.test(pathName),
    maxAge: '1d',
  });
  await app.register(fastifyStatic, { root: join(here, 'assets'), prefix: '/static/', decorateReply: false, maxAge: '1h' });

  app.decorate('navCounts', navigationCounts(services));
  app.decorate('inUnscheduledCare', (principal: Principal) => {
    const organisation = services.store.engine.world.organisations.get(principal.organisation);
    return organisation !== undefined && unscheduledCareSetting(organisation) !== undefined;
  });
  signInPages(app, services);
  workPages(app, services);
  personPages(app, services);
  recordFormPages(app, services);
  correctionPages(app, services);
  findingPages(app, services);
  frontDoorPages(app, services);
  identityReviewPages(app, services);
  oversightPages(app, services);
  adminPages(app, services);
  accountPages(app, services);
  operationsPages(app, services);
  loopPages(app, services);
  notificationPages(app, services);
  cpIsPages(app, services);
}

/** Error pages for the web: not signed in goes to the sign-in page; others explain in plain words. */
export function renderErrorPage(request: FastifyRequest, reply: FastifyReply, error: ErrorPage): unknown {
  if (error.status === 401) {
    const next = request.method === 'GET' ? request.url : '/';
    return reply.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303);
  }
  return page(
    request,
    reply,
    'error.njk',
    {
      title: error.title,
      message: error.message,
      status: error.status,
      breakGlassFor: error.breakGlassFor,
      errors: error.problems ? errorList(error.problems) : undefined,
    },
    error.status,
  );
}
