import { DateTime } from 'luxon';
import type { Queryable } from '../../store/database.ts';
import type { Principal } from '../../access/principal.ts';
import type { RecordAccess } from '../../access/record-access.ts';
import type { PersonRole } from '../../domain/vocabulary.ts';
import { formatLocal } from '../../domain/time.ts';
import { formatNhsNumber } from '../../linkage/nhs-number.ts';
import { nameSearchKeys } from '../../linkage/search-keys.ts';
import { parseSearchQuery, type SearchQuery } from '../../linkage/search-query.ts';
import { searchScore } from '../../linkage/search-match.ts';
import { ageBand, describeAge } from './people.ts';

/**
 * One person found. Outside need-to-know only the name, the age band and the area are
 * given (enough to know whether to ask for emergency access, never the record's details).
 */
export interface SearchResult {
  id: string;
  name: string;
  ageBand: string;
  area?: string;
  /** Whether need-to-know already holds (otherwise the record needs break-glass). */
  access: boolean;
  /** Only with access: */
  role?: string;
  age?: string;
  born?: number;
  due?: number;
  nhsNumber?: string;
  postcode?: string;
}

export interface SearchOutcome {
  results: SearchResult[];
  /** Said to the user when what they typed cannot be what they meant (an NHS number failing its check digit). */
  hint?: string;
}

interface PersonRow {
  id: string;
  role: PersonRole;
  given_name: string | null;
  family_name: string | null;
  born: Date | string | null;
  due: Date | string | null;
  area: string | null;
  nhs_number: string | null;
  postcode_key: string | null;
}

const ms = (value: Date | string | null) => (value === null ? undefined : new Date(value).getTime());
const CANDIDATES = 2_000;
const RESULTS = 50;

/**
 * The windows of birth instants a typed date of birth may stand for, as the date
 * comparison's slips of the pen: within a month, day and month transposed, the year out
 * by one or by ten.
 */
function birthWindows(query: SearchQuery, zone: string): { from: string[]; to: string[] } {
  const from: string[] = [],
    to: string[] = [];
  if (!query.born) return { from, to };
  const day = DateTime.fromISO(query.born.iso, { zone });
  const add = (centre: DateTime, days: number) => {
    if (!centre.isValid) return;
    from.push(centre.minus({ days }).startOf('day').toISO()!);
    to.push(centre.plus({ days }).endOf('day').toISO()!);
  };
  add(day, 31);
  add(DateTime.fromObject({ year: query.born.year, month: query.born.day, day: query.born.month }, { zone }), 0);
  for (const years of [-10, -1, 1, 10]) add(day.plus({ years }), 0);
  // One of day, month or year differs: the other two agree.
  for (let month = 1; month <= 12; month++) add(day.set({ month }), 0);
  return { from, to };
}

/**
 * People by name, date of birth, NHS number, postcode or id, in any mix, tolerant of
 * typing slips and nicknames; the best matches first, at most 50. Candidates come from
 * the persons projection's keys (every person however they arrived: replay, demo, API,
 * import), each then weighed with the linkage's comparisons (src/linkage/search-match.ts).
 */
export async function searchPeople(
  db: Queryable,
  access: RecordAccess,
  principal: Principal,
  text: string,
  options: { now: number; zone: string },
): Promise<SearchOutcome> {
  const raw = text.trim();
  if (raw.length < 2) return { results: [] };
  const query = parseSearchQuery(raw, DateTime.fromMillis(options.now, { zone: options.zone }));
  // Words of three letters or more are looked up by their keys; shorter ones by the start of a name.
  const wordKeys = query.words.map((w) => nameSearchKeys(w)).filter((keys) => keys.some((k) => k.startsWith('x:') && k.length === 5));
  const starts = query.words.filter((w) => w.length < 3).map((w) => `${w.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const windows = birthWindows(query, options.zone);
  const hasNames = query.words.length > 0;
  const { rows } = await db.query<PersonRow>(
    `SELECT id, role, given_name, family_name, born, due, area, nhs_number, postcode_key FROM persons
      WHERE id = $1
         OR replace(nhs_number, ' ', '') = $2
         OR ($3 AND coalesce((SELECT bool_and(name_keys && string_to_array(k, ' ')) FROM unnest($4::text[]) AS k), true)
                AND coalesce((SELECT bool_and(lower(coalesce(given_name, '')) LIKE w OR lower(coalesce(family_name, '')) LIKE w)
                               FROM unnest($8::text[]) AS w), true))
         OR (NOT $3 AND $2::text IS NULL AND (
               EXISTS (SELECT 1 FROM unnest($5::timestamptz[], $6::timestamptz[]) AS w(f, t) WHERE born BETWEEN w.f AND w.t)
            OR ($5::timestamptz[] = '{}' AND split_part(postcode_key, ' ', 1) = $7)))
      LIMIT ${CANDIDATES}`,
    [raw, query.nhsNumber, hasNames, wordKeys.map((k) => k.join(' ')), windows.from, windows.to, query.postcodeDistrict, starts],
  );
  const scored = rows.flatMap((row) => {
    const exactId = row.id === raw;
    const score = exactId
      ? 100
      : searchScore(query, {
          given: row.given_name ?? undefined,
          family: row.family_name ?? undefined,
          born: row.born === null ? undefined : formatLocal(ms(row.born)!, options.zone).slice(0, 10),
          nhsNumber: row.nhs_number?.replace(/\s/g, '') ?? undefined,
          postcode: row.postcode_key ?? undefined,
        });
    return score === null ? [] : [{ row, score }];
  });
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      (a.row.family_name ?? '').localeCompare(b.row.family_name ?? '') ||
      (a.row.given_name ?? '').localeCompare(b.row.given_name ?? ''),
  );
  const results = scored.slice(0, RESULTS).map(({ row }) => resultOf(row, access.knows(principal, row.id), options));
  const hint =
    query.nhsNumber !== null && !query.nhsNumberValid
      ? `${formatNhsNumber(query.nhsNumber)} is not a valid NHS number (the check digit does not match): check it was copied correctly.`
      : undefined;
  return { results, hint };
}

function resultOf(row: PersonRow, known: boolean, options: { now: number; zone: string }): SearchResult {
  const facts = { role: row.role, bornMs: ms(row.born), dueMs: ms(row.due) };
  const name = [row.given_name, row.family_name].filter(Boolean).join(' ') || (row.role === 'unborn' ? 'Unborn baby' : 'Name not recorded');
  const limited: SearchResult = { id: row.id, name, ageBand: ageBand(facts, options.now), area: row.area ?? undefined, access: known };
  if (!known) return limited;
  return {
    ...limited,
    role: row.role,
    age: describeAge(facts, options.now, options.zone),
    born: facts.bornMs,
    due: facts.dueMs,
    nhsNumber: row.nhs_number?.replace(/\s/g, '') ?? undefined,
    postcode: row.postcode_key ?? undefined,
  };
}
