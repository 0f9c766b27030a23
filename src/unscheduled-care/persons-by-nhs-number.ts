import type { Queryable } from '../store/database.ts';

/**
 * Everyone on the record with an NHS number (its ten digits), however it was written down:
 * usually one person, more when two agencies recorded the same child before the records
 * were linked. Reads the persons projection through its index on the digits (migration 030).
 */
export async function personsWithNhsNumber(db: Queryable, digits: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM persons WHERE replace(nhs_number, ' ', '') = $1 ORDER BY id", [digits]);
  return rows.map((r) => r.id);
}
