const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** Formats values for PostgreSQL's COPY text format (tab-separated, backslash-escaped). */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (Array.isArray(value)) return copyField(arrayLiteral(value.map(String)));
  if (typeof value === 'object') return copyText(JSON.stringify(value));
  return copyText(typeof value === 'string' ? value : `${value as number}`);
}

/** A string as a COPY text field. */
export function copyText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export function copyRow(values: readonly unknown[]): string {
  return values.map(copyField).join('\t') + '\n';
}

/** A text[] literal with every element quoted, so commas and braces in ids are safe. */
export function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
