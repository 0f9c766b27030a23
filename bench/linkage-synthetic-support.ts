import { checkDigitFor } from '../src/linkage/nhs-number.ts';
import { nicknameTable } from '../src/linkage/fields/nicknames.ts';
import { randomInt } from '../src/linkage/random.ts';

// Helpers shared by the synthetic populations (bench/linkage-synthetic-people.ts and
// bench/linkage-hard-set.ts): keying errors, dates, identifiers and weighted choice.

export const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS_AND_LETTERS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** One keying error: a letter substituted, dropped, doubled in, or two swapped. */
export function typo(text: string, random: () => number, alphabet = LETTERS): string {
  if (text.length < 2) return text;
  const at = randomInt(random, text.length - 1);
  const other = alphabet[randomInt(random, alphabet.length)];
  switch (randomInt(random, 4)) {
    case 0:
      return text.slice(0, at) + other + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    case 2:
      return text.slice(0, at) + other + text.slice(at);
    default:
      return text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
  }
}

export function transposeDayMonth(iso: string): string {
  const [year, month, day] = iso.split('-');
  return Number(day) <= 12 ? `${year}-${day}-${month}` : iso;
}

export function mistypeDate(iso: string, random: () => number): string {
  for (let attempt = 0; attempt < 5; attempt++) {
    const positions = [2, 3, 6, 9];
    const at = positions[randomInt(random, positions.length)];
    const candidate = iso.slice(0, at) + String(randomInt(random, 10)) + iso.slice(at + 1);
    if (candidate !== iso && isRealDate(candidate)) return candidate;
  }
  return iso;
}

export function isRealDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso);
}

export function randomDate(random: () => number, fromYear: number, toYear: number): string {
  const from = Date.UTC(fromYear, 0, 1),
    to = Date.UTC(toYear, 11, 31);
  return new Date(from + Math.floor(random() * ((to - from) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

export function nhsNumber(random: () => number): string {
  for (;;) {
    const nine = digits(random, 9);
    const check = checkDigitFor(nine);
    if (check !== null) return nine + check;
  }
}

export function digits(random: () => number, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += String(randomInt(random, 10));
  return text;
}

export function letter(random: () => number): string {
  return LETTERS[randomInt(random, LETTERS.length)];
}

export function capitalise(name: string): string {
  return name.length === 0 ? name : name[0].toUpperCase() + name.slice(1);
}

export function nicknamesByName(): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const group of nicknameTable()) {
    const [formal, ...short] = group;
    if (short.length > 0) byName.set(formal, short);
  }
  return byName;
}

export interface Weighted<T> {
  readonly items: readonly T[];
  readonly cumulative: Float64Array;
}

export function weighted<T>(items: readonly T[], weightOf: (rank: number) => number): Weighted<T> {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach((_, rank) => {
    total += weightOf(rank);
    cumulative[rank] = total;
  });
  return { items, cumulative };
}

export function picker(random: () => number) {
  return <T>(from: Weighted<T> | readonly T[]): T => {
    if (Array.isArray(from)) return from[randomInt(random, from.length)] as T;
    const { items, cumulative } = from as Weighted<T>;
    const target = random() * cumulative[cumulative.length - 1];
    let low = 0,
      high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return items[low];
  };
}

/**
 * Common names weighted by rank, then a tail of rare names sharing the rest equally:
 * `commonShare` of people carry one of the common names.
 */
export function commonThenTail<T>(
  common: readonly T[],
  tail: readonly T[],
  commonShare: number,
  weightOf: (rank: number) => number,
): Weighted<T> {
  const commonTotal = common.reduce((sum, _, rank) => sum + weightOf(rank), 0);
  return weighted([...common, ...tail], (rank) =>
    rank < common.length ? (commonShare * weightOf(rank)) / commonTotal : (1 - commonShare) / tail.length,
  );
}
