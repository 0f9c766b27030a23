import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError, type FieldProblem } from '../domain/validation-error.ts';
import { Refusal } from '../api/errors.ts';
import { isApiUrl } from '../api/route-access.ts';
import { problemsFromValidation } from '../api/validation-problems.ts';

export interface ErrorPage {
  status: number;
  title: string;
  message: string;
  problems?: FieldProblem[];
  /** Offered on a need-to-know refusal: the record, for the break-glass form. */
  breakGlassFor?: string;
}

export type ErrorPageRenderer = (request: FastifyRequest, reply: FastifyReply, page: ErrorPage) => unknown;

function classify(error: FastifyError | Error): ErrorPage {
  if (error instanceof ValidationError)
    return { status: 400, title: 'There is a problem', message: 'Some of what was sent is not valid.', problems: error.problems };
  if (error instanceof Refusal) {
    const titles = { 401: 'Sign in', 403: 'You do not have access', 404: 'Page not found', 409: 'Conflict' } as const;
    return {
      status: error.statusCode,
      title: titles[error.statusCode],
      message: error.message,
      breakGlassFor: error.mayBreakGlass ? error.subject : undefined,
    };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return {
      status: 400,
      title: 'There is a problem',
      message: 'Some of what was sent is not valid.',
      problems: problemsFromValidation(fastifyError.validation, fastifyError.validationContext),
    };
  }
  if (fastifyError.code === 'FST_CSRF_INVALID_TOKEN' || fastifyError.code === 'FST_CSRF_MISSING_SECRET') {
    return {
      status: 403,
      title: 'Your form has expired',
      message: 'The form was missing its security token or it had expired. Go back, reload the page and try again.',
    };
  }
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    // Fastify's own client errors (a malformed body, too large a payload): the message names no data.
    return {
      status,
      title: 'There is a problem',
      message: status === 415 ? 'That kind of content is not accepted.' : 'The request could not be understood.',
    };
  }
  return {
    status: 500,
    title: 'Sorry, there is a problem with the service',
    message:
      'Something went wrong. Nothing you sent has been lost or half-stored; try again, and tell your administrator if it keeps happening.',
  };
}

/** Users never see a stack trace: a clear message and, for bad input, the fields at fault. */
export function registerErrorHandler(app: FastifyInstance, renderPage: ErrorPageRenderer): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const page = classify(error);
    if (page.status >= 500) request.log.error({ err: error }, 'unexpected error');
    if (page.status === 401 || page.status === 403) request.auditNote.outcome = 'refused';
    if (page.status === 403 && error instanceof Refusal) request.auditNote.detail ??= error.message;
    if (isApiUrl(request.url)) {
      const body = page.problems ? { errors: page.problems } : { error: page.message };
      return reply.code(page.status).send(body);
    }
    return renderPage(request, reply, page);
  });
  app.setNotFoundHandler((request, reply) => {
    if (isApiUrl(request.url)) return reply.code(404).send({ error: 'No such route.' });
    return renderPage(request, reply, {
      status: 404,
      title: 'Page not found',
      message: 'If you typed the web address, check it is correct.',
    });
  });
}
