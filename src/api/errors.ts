import type { FieldProblem } from '../domain/validation-error.ts';

/** A refusal with its HTTP status: 401 not signed in, 403 not allowed, 404 no such record. */
export class Refusal extends Error {
  constructor(
    readonly statusCode: 401 | 403 | 404 | 409,
    message: string,
    readonly mayBreakGlass = false,
    readonly subject?: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

export const notSignedIn = () => new Refusal(401, 'Sign in to continue.');
export const notFound = (what = 'That record') => new Refusal(404, `${what} was not found.`);

/** The kinds of malformed request, each a problem type of its own (RFC 9457). */
export type MalformedKind = 'malformed-json' | 'empty-body' | 'forbidden-key' | 'unsafe-text';

/**
 * A request the server cannot read as sent (not JSON, empty, a key that could poison an
 * object's prototype, a NUL or a lone surrogate): a 400 naming the field where there is one.
 */
export class MalformedRequest extends Error {
  readonly statusCode = 400;
  constructor(
    readonly kind: MalformedKind,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'MalformedRequest';
  }
}
