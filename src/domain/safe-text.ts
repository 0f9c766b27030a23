import { z } from 'zod';

// A NUL character or half of a UTF-16 surrogate pair is never meaningful text: PostgreSQL
// refuses both (so they would fail a write half-way), and a lone surrogate cannot be
// encoded as UTF-8 at all. Every string that arrives is checked against this one rule.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

export const UNSAFE_TEXT_REASON = 'must not contain a NUL character or a broken character (a lone UTF-16 surrogate)';

/** True when the string has neither a NUL character nor a lone surrogate. */
export function isSafeText(text: string): boolean {
  return !UNSAFE.test(text);
}

/** The string with every NUL and lone surrogate replaced by U+FFFD, for records that must be written whatever arrived. */
export function toSafeText(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, '\uFFFD') : text;
}

/** The one string schema every string field is built on (event fields, ids, forms' and the API's text): no NUL, no lone surrogate. */
export const text = z.string().refine(isSafeText, UNSAFE_TEXT_REASON);
