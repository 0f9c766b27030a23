import { readFileSync } from 'node:fs';
import { GROWTH_MEASUREMENTS, GROWTH_SEXES, type GrowthMeasurement, type GrowthSex } from './growth-kinds.ts';

/**
 * The four LMS tables that make up UK-WHO, youngest first. The UK90 "term" table
 * (L, M and S averaged over 37–42 weeks) is not among them: rcpchgrowth deprecated it
 * in favour of the week-by-week UK90 preterm data, and the published SDS agree with that.
 */
export const UK_WHO_SEGMENTS = ['uk90_preterm', 'who_infants', 'who_children', 'uk90_child'] as const;
export type UkWhoSegment = (typeof UK_WHO_SEGMENTS)[number];

/** One measurement and sex of one segment, as parallel typed arrays ordered by age. */
export interface LmsTable {
  readonly length: number;
  /** Decimal years; 0 is 40 weeks' gestation, negative ages are preterm. */
  readonly ages: Float64Array;
  /** Ages rounded to 4 decimal places and scaled to integers, for exact-age matching. */
  readonly ageKeys: Float64Array;
  readonly l: Float64Array;
  readonly m: Float64Array;
  readonly s: Float64Array;
}

const DATA_DIR = new URL('../../data/growth/', import.meta.url);

export function tableIndex(segment: number, measurement: number, sex: number): number {
  return (segment * GROWTH_MEASUREMENTS.length + measurement) * GROWTH_SEXES.length + sex;
}

export function measurementIndex(measurement: GrowthMeasurement): number {
  return GROWTH_MEASUREMENTS.indexOf(measurement);
}

export function sexIndex(sex: GrowthSex): number {
  return GROWTH_SEXES.indexOf(sex);
}

/** Scales an age to the 4-decimal key rcpchgrowth compares ages by. */
export function ageKey(age: number): number {
  return Math.round(age * 1e4);
}

interface RawRow {
  decimal_age: unknown;
  L: unknown;
  M: unknown;
  S: unknown;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function buildTable(rows: RawRow[], where: string): LmsTable {
  // The preterm BMI rows hold empty strings: there is no BMI reference before 42 weeks.
  const usable = rows.filter((row) => isNumber(row.L) && isNumber(row.M) && isNumber(row.S));
  if (usable.length > 0 && usable.length !== rows.length) throw new Error(`${where}: some rows lack L, M or S`);
  const n = usable.length;
  const table = {
    length: n,
    ages: new Float64Array(n),
    ageKeys: new Float64Array(n),
    l: new Float64Array(n),
    m: new Float64Array(n),
    s: new Float64Array(n),
  };
  usable.forEach((row, i) => {
    if (!isNumber(row.decimal_age)) throw new Error(`${where}: row ${i} has no decimal_age`);
    if (i > 0 && row.decimal_age <= table.ages[i - 1]) throw new Error(`${where}: ages are not increasing at row ${i}`);
    table.ages[i] = row.decimal_age;
    table.ageKeys[i] = ageKey(row.decimal_age);
    table.l[i] = row.L as number;
    table.m[i] = row.M as number;
    table.s[i] = row.S as number;
  });
  return table;
}

function loadSegment(segment: UkWhoSegment): Record<string, Record<string, RawRow[]>> {
  const file = new URL(`${segment}.json`, DATA_DIR);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { measurement?: Record<string, Record<string, RawRow[]>> };
  if (!parsed.measurement) throw new Error(`${file.pathname}: no "measurement" object`);
  return parsed.measurement;
}

function loadAll(): LmsTable[] {
  const tables: LmsTable[] = [];
  UK_WHO_SEGMENTS.forEach((segment, s) => {
    const data = loadSegment(segment);
    GROWTH_MEASUREMENTS.forEach((measurement, m) => {
      GROWTH_SEXES.forEach((sex, x) => {
        const rows = data[measurement]?.[sex];
        if (!Array.isArray(rows)) throw new Error(`${segment}: no ${measurement} table for ${sex}`);
        tables[tableIndex(s, m, x)] = buildTable(rows, `${segment} ${measurement} ${sex}`);
      });
    });
  });
  return tables;
}

let cache: LmsTable[] | undefined;

/** Every UK-WHO LMS table, read from data/growth once and kept. */
export function ukWhoTables(): readonly LmsTable[] {
  cache ??= loadAll();
  return cache;
}
