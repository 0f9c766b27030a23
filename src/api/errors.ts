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
