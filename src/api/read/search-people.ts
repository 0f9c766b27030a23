import type { Queryable } from '../../store/database.ts';
import type { Principal } from '../../access/principal.ts';
import type { RecordAccess } from '../../access/record-access.ts';

export interface SearchResult {
  id: string;
  name: string;
  role: string;
  born?: number;
  due?: number;
  area?: string;
  /** Whether need-to-know already holds (otherwise the record needs break-glass). */
  access: boolean;
}

interface PersonRow {
  id: string;
  role: string;
  given_name: string | null;
  family_name: string | null;
  born: Date | string | null;
  due: Date | string | null;
  area: string | null;
}

const ms = (value: Date | string | null) => (value === null ? undefined : new Date(value).getTime());

/** People by id, NHS number, or the start of a given or family name; at most 50. */
export async function searchPeople(db: Queryable, access: RecordAccess, principal: Principal, query: string): Promise<SearchResult[]> {
  const text = query.trim().toLowerCase();
  if (text.length < 2) return [];
  const digits = text.replace(/\s/g, '');
  const words = text.split(/\s+/).filter(Boolean).slice(0, 3);
  const escaped = words.map((w) => w.replace(/[\\%_]/g, (c) => `\\${c}`) + '%');
  const { rows } = await db.query<PersonRow>(
    `SELECT id, role, given_name, family_name, born, due, area FROM persons
      WHERE id = $1 OR replace(nhs_number, ' ', '') = $2
         OR (SELECT bool_and(lower(coalesce(given_name, '')) LIKE w OR lower(coalesce(family_name, '')) LIKE w) FROM unnest($3::text[]) AS w)
      ORDER BY family_name NULLS LAST, given_name NULLS LAST, id LIMIT 50`,
    [query.trim(), digits, escaped],
  );
  return rows.map((r) => ({
    id: r.id,
    name: [r.given_name, r.family_name].filter(Boolean).join(' ') || (r.role === 'unborn' ? `Unborn baby (${r.id})` : r.id),
    role: r.role,
    born: ms(r.born),
    due: ms(r.due),
    area: r.area ?? undefined,
    access: access.knows(principal, r.id),
  }));
}
