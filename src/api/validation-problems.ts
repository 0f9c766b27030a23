import type { FieldProblem } from '../domain/validation-error.ts';

/** A schema-validation issue as fastify-type-provider-zod reports it: the zod issue's code as `keyword`, its other members as `params`. */
interface FastifyValidationIssue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { values?: unknown[]; keys?: string[] };
}

/** Fastify's schema-validation errors (zod issues underneath) as {field, reason} pairs. */
export function problemsFromValidation(validation: readonly FastifyValidationIssue[], context?: string): FieldProblem[] {
  return validation.map((v) => {
    const path = (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const field = context && !path ? context : path;
    if (v.keyword === 'unrecognized_keys' && v.params?.keys) {
      const keys = v.params.keys.map((k) => (path ? `${path}.${k}` : k));
      return { field: keys.join(', '), reason: 'is not an accepted field' };
    }
    let reason = v.message ?? 'is not valid';
    if (v.keyword === 'invalid_value' && v.params?.values) reason = `must be one of ${v.params.values.map(String).join(', ')}`;
    else if (/expected .*, received undefined/i.test(reason)) reason = 'is required';
    else if (/expected object, received/i.test(reason)) reason = 'must be a JSON object';
    return { field, reason };
  });
}
