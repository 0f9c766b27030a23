import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { EVENT_SCHEMAS, EVENT_TYPES } from './event-schemas.ts';
import { checkEvent } from './validate-event.ts';
import { isSafeText, toSafeText } from './safe-text.ts';

const NUL = 'a\u0000b';
const LONE_HIGH = 'a\ud800b';
const LONE_LOW = '\udc00b';

test('safe text: NUL and lone surrogates are unsafe; pairs, emoji and ordinary text are safe', () => {
  for (const bad of [NUL, LONE_HIGH, LONE_LOW, 'end\ud83d']) assert.equal(isSafeText(bad), false, JSON.stringify(bad));
  for (const good of ['', 'Zoë O’Brien', 'baby 👶', '\ud83d\udc76']) assert.equal(isSafeText(good), true, good);
  assert.equal(toSafeText(`${NUL}${LONE_HIGH}`), 'a\ufffdba\ufffdb');
});

/**
 * Every place in a schema that takes a string: its name (`label`), where the value goes in
 * the record (`at`: for a field inside an array's elements, the array), and how to make
 * that value from a string.
 */
interface StringField {
  label: string[];
  at: string[];
  wrap: (s: string) => unknown;
}

function stringFields(schema: z.ZodType, path: string[] = []): StringField[] {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  if (inner instanceof z.ZodObject) {
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, field]) => stringFields(field, [...path, key]));
  }
  if (inner instanceof z.ZodArray) {
    return stringFields(inner.element as z.ZodType).map((f) => ({
      label: [...path, ...f.label],
      at: path,
      wrap: (s: string) => [f.at.length === 0 ? f.wrap(s) : setAt({}, f.at, f.wrap(s))],
    }));
  }
  return inner instanceof z.ZodString ? [{ label: path, at: path, wrap: (s) => s }] : [];
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  if (path.length === 1) return { ...target, [path[0]]: value };
  const child = (target[path[0]] as Record<string, unknown> | undefined) ?? {};
  return { ...target, [path[0]]: setAt(child, path.slice(1), value) };
}

test('probe: errors: every string field of every event type refuses a NUL and a lone surrogate, naming the field', () => {
  let checked = 0;
  for (const type of EVENT_TYPES) {
    const schema = EVENT_SCHEMAS[type] as unknown as z.ZodObject;
    for (const field of stringFields(schema)) {
      if (field.at[0] === 'type') continue;
      for (const bad of [NUL, LONE_HIGH]) {
        const input = setAt({ type, at: '2024-01-01' }, field.at, field.wrap(bad));
        const result = checkEvent(input, 'Europe/London', 1, 'k', 0);
        const name = `${type}.${field.label.join('.')}`;
        assert.equal(result.ok, false, name);
        const problem = !result.ok && result.problems.find((p) => p.field.startsWith(field.at.join('.')) && /NUL/.test(p.reason));
        assert.ok(problem, `${name}: the field is named (${JSON.stringify(!result.ok && result.problems)})`);
        checked++;
      }
    }
  }
  assert.ok(checked > 100, `string fields checked: ${checked / 2}`);
});
