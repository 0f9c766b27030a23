import { formatNhsNumber } from '../linkage/nhs-number.ts';
import type { Environment } from 'nunjucks';
import { DateTime } from 'luxon';
import { agencyName } from '../protocols/support/describe.ts';
import { formatDate, formatDateTime, formatDeadline } from './format-time.ts';

/** An element id for a record's key (keys may hold any characters). */
export function anchorFor(key: string): string {
  return `ev-${Buffer.from(key).toString('base64url')}`;
}

interface TableCell {
  text?: unknown;
  html?: unknown;
  attributes?: Record<string, unknown>;
  [other: string]: unknown;
}

/**
 * A govukTable's rows with each cell labelled by its column's heading, so that a
 * `tl-stack-table` can show one labelled block per row on a narrow screen (WCAG 1.4.10).
 */
export function labelledRows(rows: readonly TableCell[][], head: readonly { text?: string }[]): TableCell[][] {
  return rows.map((row) =>
    row.map((cell, i) => (head[i]?.text ? { ...cell, attributes: { ...cell.attributes, 'data-label': head[i].text } } : cell)),
  );
}

/** A govukTable's parameters for a table that stacks on a narrow screen, each cell labelled by its column. */
export function stackable(params: { classes?: string; head?: { text?: string }[]; rows?: TableCell[][] }): object {
  const classes = [...new Set([...(params.classes ?? '').split(' ').filter(Boolean), 'tl-stack-table'])].join(' ');
  return { ...params, classes, rows: params.head ? labelledRows(params.rows ?? [], params.head) : params.rows };
}

export function addFilters(env: Environment, zone: string): void {
  env.addFilter('labelled', labelledRows);
  env.addFilter('stackable', stackable);
  env.addFilter('datetime', (ms: number | undefined) => (ms === undefined || ms === null ? '' : formatDateTime(ms, zone)));
  env.addFilter('day', (ms: number | undefined) => (ms === undefined || ms === null ? '' : formatDate(ms, zone)));
  env.addFilter('deadline', (ms: number | undefined) => (ms === undefined || ms === null ? '' : formatDeadline(ms, zone)));
  env.addFilter('isodate', (ms: number | undefined) =>
    ms === undefined || ms === null ? '' : (DateTime.fromMillis(ms, { zone }).toISO() ?? ''),
  );
  env.addFilter('agency', (id: string | undefined) => {
    const name = agencyName(id);
    return name.charAt(0).toUpperCase() + name.slice(1);
  });
  env.addFilter('words', (text: string | undefined) => {
    const t = (text ?? '').replaceAll('-', ' ').replaceAll('.', ' ');
    return t.charAt(0).toUpperCase() + t.slice(1);
  });
  env.addFilter('anchor', anchorFor);
  env.addFilter('nhs', (value: string | undefined) => (value ? formatNhsNumber(value) : ''));
  env.addFilter(
    'severityClass',
    (severity: string) => ({ high: 'govuk-tag--red', medium: 'govuk-tag--orange', low: 'govuk-tag--grey' })[severity] ?? 'govuk-tag--grey',
  );
  env.addFilter(
    'statusClass',
    (status: string) =>
      ({ open: 'govuk-tag--red', acknowledged: 'govuk-tag--yellow', actioned: 'govuk-tag--green', closed: 'govuk-tag--grey' })[status] ??
      '',
  );
}
