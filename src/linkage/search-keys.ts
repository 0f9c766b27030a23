import { nameParts, normaliseName } from './fields/name.ts';
import { nicknameGroups } from './fields/nicknames.ts';
import { parsePostcode } from './fields/postcode.ts';
import { phoneticCodes } from './string-similarity.ts';

/**
 * Keys under which a name is found by search, whichever field it was written in: for each
 * part of the given and family names its Double Metaphone codes (`s:`), its nickname
 * groups (`n:`, so "Bill" finds William) and its first three letters (`x:`, so a typo late
 * in the name still finds it). The same keys of the words searched for are looked up in
 * the persons projection (an indexed array), and the candidates found are then weighed
 * with the linkage's own comparisons.
 */
export function nameSearchKeys(...names: (string | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const name of names)
    for (const part of nameParts(name)) {
      const normal = normaliseName(part);
      if (normal === null) continue;
      for (const code of phoneticCodes(normal)) if (code) keys.add(`s:${code}`);
      for (const group of nicknameGroups(normal)) keys.add(`n:${group}`);
      keys.add(`x:${normal.slice(0, 3)}`);
    }
  return [...keys];
}

/** A postcode as search compares it: "PE13 2AB", or null when it is not a UK postcode. */
export function postcodeSearchKey(value: string | undefined): string | null {
  return parsePostcode(value)?.full ?? null;
}
