import { ValidationError } from '../domain/validation-error.ts';

/** Users see a clear message, never a stack trace; THREADLINE_DEBUG=1 shows the trace. */
export function reportFailure(error: unknown): never {
  if (process.env.THREADLINE_DEBUG === '1' && error instanceof Error) console.error(error.stack);
  const message =
    error instanceof ValidationError || error instanceof UserError
      ? error.message
      : `threadline: unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  console.error(message);
  process.exit(error instanceof UserError ? error.exitCode : 2);
}

/** An error whose message is meant for the user as it stands. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
