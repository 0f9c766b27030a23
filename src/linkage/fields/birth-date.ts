/** A date of birth as the parts its comparison needs. */
export interface BirthDate {
  readonly iso: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Days since 1970-01-01, for "within a month" and "within a year". */
  readonly dayNumber: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Parses YYYY-MM-DD (or the UK's DD/MM/YYYY); null for anything that is not a real date. */
export function parseBirthDate(value: string | undefined): BirthDate | null {
  if (value === undefined) return null;
  const text = value.trim();
  let year: number, month: number, day: number;
  const iso = ISO_DATE.exec(text);
  const uk = iso ? null : UK_DATE.exec(text);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) [year, month, day] = [Number(uk[3]), Number(uk[2]), Number(uk[1])];
  else return null;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const iso10 = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { iso: iso10, year, month, day, dayNumber: Math.round(time / 86_400_000) };
}
