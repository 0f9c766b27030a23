import type { FastifyInstance } from 'fastify';
import { MalformedRequest } from '../api/errors.ts';
import { isSafeText, UNSAFE_TEXT_REASON } from '../domain/safe-text.ts';
import type { FieldProblem } from '../domain/validation-error.ts';

const MAX_PROBLEMS = 20;

/** `__proto__` anywhere, or `constructor` holding a `prototype`: the shapes of prototype poisoning. */
function isForbiddenKey(key: string, value: unknown): boolean {
  return key === '__proto__' || (key === 'constructor' && value !== null && typeof value === 'object' && 'prototype' in value);
}

function inspect(value: unknown, path: string, unsafe: FieldProblem[], forbidden: FieldProblem[]): void {
  if (unsafe.length + forbidden.length >= MAX_PROBLEMS) return;
  if (typeof value === 'string') {
    if (!isSafeText(value)) unsafe.push({ field: path, reason: UNSAFE_TEXT_REASON });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => inspect(item, path ? `${path}.${i}` : String(i), unsafe, forbidden));
    return;
  }
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    const field = path ? `${path}.${key}` : key;
    if (!isSafeText(key)) unsafe.push({ field: `${path}${path ? '.' : ''}(a key)`, reason: UNSAFE_TEXT_REASON });
    else if (isForbiddenKey(key, child)) forbidden.push({ field, reason: 'is not an accepted field name' });
    else inspect(child, field, unsafe, forbidden);
  }
}

/**
 * Reads JSON bodies with the platform's parser, so that a `__proto__` key arrives as a
 * plain key and is refused by name below (Fastify's own parser refuses it without saying
 * which field), and a malformed or empty body is a 400 of its own kind.
 */
function registerJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  // FHIR clients send application/fhir+json: the same JSON, read the same way.
  app.addContentTypeParser(['application/json', 'application/fhir+json'], { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') {
      done(new MalformedRequest('empty-body', 'The body is empty: send a JSON object.'), undefined);
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      // The parser's message quotes the body, which may hold personal data: only the position is kept.
      const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
      done(
        new MalformedRequest('malformed-json', `The body is not valid JSON${position ? ` (at character ${position})` : ''}.`),
        undefined,
      );
    }
  });
  // Only JSON (the API) and forms (the pages) are read; anything else is a 415.
  app.removeContentTypeParser('text/plain');
}

/**
 * Every string that arrives, in the body, the query or the path, is refused with the
 * field named if it holds a NUL or a lone surrogate, and every object key that could
 * poison a prototype is refused by name: before validation, access checks or storage.
 */
export function registerInputGuard(app: FastifyInstance): void {
  registerJsonParser(app);
  app.addHook('preValidation', async (request) => {
    const unsafe: FieldProblem[] = [];
    const forbidden: FieldProblem[] = [];
    inspect(request.params, '', unsafe, forbidden);
    inspect(request.query, '', unsafe, forbidden);
    inspect(request.body, '', unsafe, forbidden);
    if (forbidden.length > 0) throw new MalformedRequest('forbidden-key', 'The body has a field name that is not allowed.', forbidden);
    if (unsafe.length > 0) throw new MalformedRequest('unsafe-text', 'Some of the text sent has characters that cannot be stored.', unsafe);
  });
}
