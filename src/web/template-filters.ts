import { formatNhsNumber } from '../linkage/nhs-number.ts';
import type { Environment } from 'nunjucks';
import { DateTime } from 'luxon';
import { agencyName } from '../protocols/support/describe.ts';
import { formatDate, formatDateTime, formatDeadline } from './format-time.ts';

/** An element id for a record's key (keys may hold any characters). */
export function anchorFor(key: string): string {
  return `ev-${Buffer.from(key).toString('base64url')}`;
}

export function addFilters(env: Environment, zone: string): void {
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
