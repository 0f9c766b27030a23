import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { canonicalJson } from '../domain/canonical-json.ts';
import type { FieldProblem } from '../domain/validation-error.ts';
import { UserError } from '../cli/report-failure.ts';

// A mapping file says how each row of a spreadsheet export becomes one record: which
// column (or fixed value) fills each field of the event, and how to read the cell.

const columnSource = z.strictObject({
  column: z.string().min(1),
  /**
   * How the cell is read: text as it is, a number, yes/no, a date (with `format`), a list
   * split on ";", or an NHS number naming a person already on the record.
   */
  as: z.enum(['text', 'number', 'boolean', 'date', 'list', 'nhs-number']).default('text'),
  /** A Luxon format for dates that are not ISO, e.g. "dd/MM/yyyy HH:mm". */
  format: z.string().min(1).optional(),
  /** The export's words for the contract's ("DNA": "did-not-attend"); other values pass as they are. */
  values: z.record(z.string(), z.unknown()).optional(),
});
const fieldSource = z.union([z.string().min(1), columnSource, z.strictObject({ value: z.unknown() })]);
type FieldSource = z.infer<typeof fieldSource>;

export const csvMappingSchema = z.strictObject({
  /** The event type: fixed ({"value": "measurement"}) or from a column. */
  type: fieldSource,
  /** The record's id; absent, one is made from the row's content, so a file imported twice is stored once. */
  id: fieldSource.optional(),
  /** Event field (dotted for nested, e.g. "name.given") to where its value comes from. */
  fields: z.record(z.string().min(1), fieldSource),
  delimiter: z.string().length(1).default(','),
});
export type CsvMapping = z.infer<typeof csvMappingSchema>;

export async function readCsvMapping(file: string): Promise<CsvMapping> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new UserError(`${file}: cannot be read as JSON`);
  }
  const parsed = csvMappingSchema.safeParse(json);
  if (!parsed.success)
    throw new UserError(`${file}: ${parsed.error.issues.map((i) => `field '${i.path.join('.')}': ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The columns a mapping reads: each must be in the file's header. */
export function mappedColumns(mapping: CsvMapping): string[] {
  const sources = [mapping.type, ...(mapping.id ? [mapping.id] : []), ...Object.values(mapping.fields)];
  return [...new Set(sources.flatMap((s) => (typeof s === 'string' ? [s] : 'column' in s ? [s.column] : [])))];
}

/** What reading a row needs from the record: the partnership's zone, and who has an NHS number. */
export interface RowContext {
  zone: string;
  personWithNhsNumber(nhsNumber: string): string | undefined;
}

function readCell(source: FieldSource, row: Record<string, string>, field: string, context: RowContext, problems: FieldProblem[]): unknown {
  const zone = context.zone;
  if (typeof source !== 'string' && 'value' in source) return source.value;
  const spec = typeof source === 'string' ? { column: source, as: 'text' as const } : source;
  const raw = (row[spec.column] ?? '').trim();
  if (raw === '') return undefined;
  const mapped = 'values' in spec && spec.values && Object.hasOwn(spec.values, raw) ? spec.values[raw] : raw;
  if (typeof mapped !== 'string') return mapped;
  const where = `${field} (column "${spec.column}")`;
  switch (spec.as) {
    case 'number': {
      const value = Number(mapped.replace(/,/g, ''));
      if (!Number.isFinite(value)) problems.push({ field: where, reason: `${JSON.stringify(mapped)} is not a number` });
      return value;
    }
    case 'boolean': {
      const yes = /^(y|yes|true|1)$/i.test(mapped);
      if (!yes && !/^(n|no|false|0)$/i.test(mapped)) problems.push({ field: where, reason: `${JSON.stringify(mapped)} is not yes or no` });
      return yes;
    }
    case 'date': {
      if (!('format' in spec) || !spec.format) return mapped;
      const date = DateTime.fromFormat(mapped, spec.format, { zone });
      if (!date.isValid) {
        problems.push({ field: where, reason: `${JSON.stringify(mapped)} is not a date of the form ${spec.format}` });
        return undefined;
      }
      return /[Hhms]/.test(spec.format) ? date.toISO({ suppressMilliseconds: true }) : date.toISODate();
    }
    case 'nhs-number': {
      const person = context.personWithNhsNumber(mapped.replace(/\s/g, ''));
      if (!person) problems.push({ field: where, reason: `nobody on the record has NHS number ${mapped}` });
      return person;
    }
    case 'list':
      return mapped
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
    default:
      return mapped;
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

/** One row as an event, or the problems of reading its cells. */
export function rowToEvent(
  row: Record<string, string>,
  mapping: CsvMapping,
  context: RowContext,
): { event: Record<string, unknown>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const event: Record<string, unknown> = { type: readCell(mapping.type, row, 'type', context, problems) };
  for (const [field, source] of Object.entries(mapping.fields)) {
    const value = readCell(source, row, field, context, problems);
    if (value !== undefined) setPath(event, field, value);
  }
  const id = mapping.id ? readCell(mapping.id, row, 'id', context, problems) : undefined;
  event.id = id ?? `csv-${createHash('sha256').update(canonicalJson(event)).digest('hex').slice(0, 24)}`;
  return { event, problems };
}
