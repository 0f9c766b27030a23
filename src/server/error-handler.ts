import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError, type FieldProblem } from '../domain/validation-error.ts';
import { MalformedRequest, Refusal } from '../api/errors.ts';
import { isApiUrl } from '../api/route-access.ts';
import { problemsFromValidation } from '../api/validation-problems.ts';
import { problemDocument, type ProblemKind } from '../api/problem-document.ts';

export interface ErrorPage {
  status: number;
  /** What kind of problem it is: the problem document's `type` (RFC 9457). */
  kind: ProblemKind;
  title: string;
  message: string;
  problems?: FieldProblem[];
  /** Offered on a need-to-know refusal: the record, for the break-glass form. */
  breakGlassFor?: string;
}

export type ErrorPageRenderer = (request: FastifyRequest, reply: FastifyReply, page: ErrorPage) => unknown;

const INVALID = {
  status: 400,
  kind: 'invalid-fields',
  title: 'There is a problem',
  message: 'Some of what was sent is not valid.',
} as const;

/** Fastify's own client errors, by code: what went wrong, in words that name no data. */
const FASTIFY_CLIENT_ERRORS: Record<string, Omit<ErrorPage, 'status'> & { status: number }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    kind: 'body-too-large',
    title: 'What was sent is too large',
    message: 'The request is larger than the service accepts (1 MB). Send less at a time.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    kind: 'unsupported-media-type',
    title: 'That kind of content is not accepted',
    message: 'Send JSON (Content-Type: application/json) to the API, or submit the form on the page.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    kind: 'malformed-request',
    title: 'There is a problem',
    message: 'The request’s length does not match what was sent.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    kind: 'empty-body',
    title: 'There is a problem',
    message: 'The body is empty: send a JSON object.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    kind: 'malformed-json',
    title: 'There is a problem',
    message: 'The body is not valid JSON.',
  },
  FST_CSRF_INVALID_TOKEN: {
    status: 403,
    kind: 'csrf-token',
    title: 'Your form has expired',
    message: 'The form was missing its security token or it had expired. Go back, reload the page and try again.',
  },
  FST_CSRF_MISSING_SECRET: {
    status: 403,
    kind: 'csrf-token',
    title: 'Your form has expired',
    message: 'The form was missing its security token or it had expired. Go back, reload the page and try again.',
  },
};

function classify(error: FastifyError | Error): ErrorPage {
  if (error instanceof ValidationError) return { ...INVALID, problems: error.problems };
  if (error instanceof MalformedRequest) {
    return { status: 400, kind: error.kind, title: 'There is a problem', message: error.message, problems: error.problems };
  }
  if (error instanceof Refusal) {
    const titles = { 401: 'Sign in', 403: 'You do not have access', 404: 'Page not found', 409: 'Conflict' } as const;
    const kinds = { 401: 'not-signed-in', 403: 'forbidden', 404: 'not-found', 409: 'conflict' } as const;
    return {
      status: error.statusCode,
      kind: kinds[error.statusCode],
      title: titles[error.statusCode],
      message: error.message,
      breakGlassFor: error.mayBreakGlass ? error.subject : undefined,
    };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return { ...INVALID, problems: problemsFromValidation(fastifyError.validation, fastifyError.validationContext) };
  }
  const known = fastifyError.code ? FASTIFY_CLIENT_ERRORS[fastifyError.code] : undefined;
  if (known) return known;
  const status = fastifyError.statusCode;
  if (status === 429) {
    return {
      status,
      kind: 'too-many-requests',
      title: 'Too many attempts',
      message: 'There have been too many attempts from here in a short time. Wait a minute and try again.',
    };
  }
  if (status && status >= 400 && status < 500) {
    // Any other client error of Fastify's: the message names no data.
    return { status, kind: 'malformed-request', title: 'There is a problem', message: 'The request could not be understood.' };
  }
  return {
    status: 500,
    kind: 'server-error',
    title: 'Sorry, there is a problem with the service',
    message:
      'Something went wrong. Nothing you sent has been lost or half-stored; try again, and tell your administrator if it keeps happening.',
  };
}

/** Sends a problem document whatever the route's response schema says (it describes success). */
export function sendProblem(reply: FastifyReply, page: ErrorPage): FastifyReply {
  return reply
    .code(page.status)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(problemDocument(page.status, page.kind, page.title, page.message, page.problems, page.breakGlassFor));
}

/**
 * Users never see a stack trace and a client's mistake is never a 500: the API answers
 * with an RFC 9457 problem document naming the fields at fault, the pages with the same
 * in words.
 */
export function registerErrorHandler(app: FastifyInstance, renderPage: ErrorPageRenderer): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const page = classify(error);
    if (page.status >= 500) request.log.error({ err: error }, 'unexpected error');
    if (page.status === 401 || page.status === 403) request.auditNote.outcome = 'refused';
    if (page.status === 403 && error instanceof Refusal) request.auditNote.detail ??= error.message;
    if (isApiUrl(request.url)) return sendProblem(reply, page);
    return renderPage(request, reply, page);
  });
  app.setNotFoundHandler((request, reply) => {
    const page: ErrorPage = {
      status: 404,
      kind: 'not-found',
      title: 'Page not found',
      message: isApiUrl(request.url) ? 'No such route.' : 'If you typed the web address, check it is correct.',
    };
    if (isApiUrl(request.url)) return sendProblem(reply, page);
    return renderPage(request, reply, page);
  });
}
