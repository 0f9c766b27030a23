import { z } from 'zod';
import type { FieldProblem } from '../domain/validation-error.ts';

/** Every kind of problem the API answers with; each is a problem `type` of its own. */
export const PROBLEM_KINDS = [
  'invalid-fields',
  'malformed-json',
  'empty-body',
  'forbidden-key',
  'unsafe-text',
  'malformed-request',
  'body-too-large',
  'unsupported-media-type',
  'not-signed-in',
  'forbidden',
  'csrf-token',
  'not-found',
  'conflict',
  'too-many-requests',
  'not-ready',
  'server-error',
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

/** The problem type as a URI (RFC 9457 §3.1.1): a name, not a page to fetch. */
export function problemType(kind: ProblemKind): string {
  return `urn:threadline:problem:${kind}`;
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The fields at fault, each with the reason (an extension member). */
  errors?: FieldProblem[];
  /** On a need-to-know refusal: the record that break-glass would open. */
  breakGlass?: string;
}

export function problemDocument(
  status: number,
  kind: ProblemKind,
  title: string,
  detail: string,
  errors?: readonly FieldProblem[],
  breakGlass?: string,
): ProblemDocument {
  return {
    type: problemType(kind),
    title,
    status,
    detail,
    ...(errors && errors.length > 0 ? { errors: [...errors] } : {}),
    ...(breakGlass ? { breakGlass } : {}),
  };
}

/** The problem document, for the OpenAPI description of every route's 4xx answers. */
export const problemBody = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
    breakGlass: z.string().optional(),
  })
  .describe('An RFC 9457 problem document (application/problem+json); `errors` names each field at fault');
