import type { FieldProblem } from '../domain/validation-error.ts';

interface FastifyValidationIssue {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: PropertyKey[]; message?: string; code?: string; values?: unknown[]; keys?: string[] } };
}

/** Fastify's schema-validation errors (zod issues underneath) as {field, reason} pairs. */
export function problemsFromValidation(validation: readonly FastifyValidationIssue[], context?: string): FieldProblem[] {
  return validation.map((v) => {
    const issue = v.params?.issue;
    const path = issue?.path?.map(String).join('.') ?? (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    let reason = issue?.message ?? v.message ?? 'is not valid';
    if (issue?.code === 'invalid_value' && issue.values) reason = `must be one of ${issue.values.map(String).join(', ')}`;
    if (issue?.code === 'unrecognized_keys' && issue.keys) return { field: issue.keys.join(', '), reason: 'is not an accepted field' };
    if (/expected .*, received undefined/i.test(reason)) reason = 'is required';
    return { field: context && !path ? context : path, reason };
  });
}
