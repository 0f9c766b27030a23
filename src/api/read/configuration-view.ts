import type { PartnershipConfig } from '../../config/partnership-config.ts';
import type { Protocol } from '../../protocols/protocol.ts';
import { agencyName } from '../../protocols/support/describe.ts';

// The partnership configuration in force, in words, for the safeguarding leads who answer
// for it: where it came from, the time zone every date is shown in, each protocol's
// thresholds as they apply now (the partnership's own values or the contract's defaults).

export interface Setting {
  name: string;
  value: string;
}

export interface ConfigurationView {
  name: string;
  timezone: string;
  source: string;
  protocols: { id: string; version: string; title: string; source: string; enabled: boolean; settings: Setting[] }[];
  organisations: { code: string; name: string; agency: string }[];
  general: { title: string; settings: Setting[] }[];
}

/** "reviewWithinDays" as "review within days". */
function words(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.map(valueText).join(', ') : 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value !== null && typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${words(k)} ${valueText(v)}`)
      .join('; ');
  return String(value);
}

/** Each setting of an object, one level deep, in words. */
export function settingsOf(value: unknown): Setting[] {
  if (value === null || typeof value !== 'object') return value === undefined ? [] : [{ name: 'value', value: valueText(value) }];
  return Object.entries(value).map(([name, v]) => ({ name: words(name), value: valueText(v) }));
}

export function configurationView(
  config: PartnershipConfig,
  protocols: readonly Protocol[],
  source: string | undefined,
): ConfigurationView {
  return {
    name: config.name,
    timezone: config.timezone,
    source: source ?? 'the defaults (no configuration file given)',
    protocols: protocols.map((p) => ({
      id: p.id,
      version: p.version,
      title: p.title,
      source: p.source,
      enabled: !config.disabled.includes(p.id),
      settings: settingsOf(config.protocols[p.id]),
    })),
    organisations: (config.organisations ?? []).map((o) => ({ code: o.code, name: o.name, agency: agencyName(o.agency) })),
    general: [
      { title: 'Working days', settings: settingsOf(config.workingDays) },
      { title: 'Escalation of overdue findings', settings: settingsOf(config.findingEscalation) },
      { title: 'Plausibility of records', settings: settingsOf(config.plausibility) },
    ],
  };
}
