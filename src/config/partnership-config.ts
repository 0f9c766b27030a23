import { z } from 'zod';
import { isValidZone } from '../domain/time.ts';
import { ValidationError } from '../domain/validation-error.ts';
import { workingDaysSchema, type WorkingDaysConfig } from '../domain/working-days.ts';
import { findingEscalationSchema, type FindingEscalationConfig } from '../engine/finding-escalation-config.ts';
import { plausibilitySchema, type PlausibilityConfig } from '../engine/plausibility-config.ts';
import type { Protocol } from '../protocols/protocol.ts';
import { notificationEmailSchema, type NotificationEmailConfig } from '../notifications/email-settings.ts';
import { organisationSchema, resolveOrganisations, type Organisation } from './organisations.ts';

/**
 * One source of truth for a partnership's local protocols: each protocol's thresholds
 * and deadlines, validated against the protocol's own schema, with the contract's
 * defaults where the partnership says nothing.
 */
export interface PartnershipConfig {
  name: string;
  timezone: string;
  disabled: string[];
  protocols: Record<string, unknown>;
  /** The partnership's organisations (see organisations.ts); absent in a hand-made configuration: the defaults. */
  organisations?: readonly Organisation[];
  /** Bank holidays and the partnership's own closure days, for "working days". */
  workingDays: WorkingDaysConfig;
  /** When an overdue finding goes to the owning organisation's, then the partnership's, safeguarding lead. */
  findingEscalation: FindingEscalationConfig;
  /** When a measurement or a date is refused as implausible (UK-WHO SDS limit, clock skew). */
  plausibility: PlausibilityConfig;
  /** Team mailboxes, sign-in address and digest time for notification emails (sent only with THREADLINE_SMTP_URL set). */
  notificationEmail: NotificationEmailConfig;
}

const configFile = z.strictObject({
  name: z.string().min(1).default('Default partnership'),
  timezone: z.string().refine(isValidZone, 'must be an IANA time zone such as Europe/London').default('Europe/London'),
  disabled: z.array(z.string()).default([]),
  protocols: z.record(z.string(), z.unknown()).default({}),
  organisations: z
    .array(organisationSchema)
    .optional()
    .refine((list) => new Set(list?.map((o) => o.code)).size === (list?.length ?? 0), 'each organisation needs its own code'),
  workingDays: workingDaysSchema,
  findingEscalation: findingEscalationSchema,
  plausibility: plausibilitySchema,
  notificationEmail: notificationEmailSchema,
});

export function loadPartnershipConfig(input: unknown, protocols: readonly Protocol[]): PartnershipConfig {
  const parsed = configFile.safeParse(input ?? {});
  // Every problem is reported at once: the file's own fields, then each protocol's settings.
  const problems: { field: string; reason: string }[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message }));
  const raw = (input ?? {}) as { protocols?: unknown; disabled?: unknown };
  const given = parsed.success
    ? parsed.data
    : {
        protocols: raw.protocols !== null && typeof raw.protocols === 'object' ? (raw.protocols as Record<string, unknown>) : {},
        disabled: Array.isArray(raw.disabled) ? raw.disabled.filter((d): d is string => typeof d === 'string') : [],
      };
  const known = new Map(protocols.map((p) => [p.id, p]));
  for (const id of [...Object.keys(given.protocols), ...given.disabled]) {
    if (!known.has(id)) problems.push({ field: `protocols.${id}`, reason: `unknown protocol (known: ${[...known.keys()].join(', ')})` });
  }
  const resolved: Record<string, unknown> = {};
  for (const protocol of protocols) {
    const result = protocol.configSchema.safeParse(given.protocols[protocol.id] ?? {});
    if (result.success) resolved[protocol.id] = result.data;
    else
      for (const issue of result.error.issues)
        problems.push({ field: ['protocols', protocol.id, ...issue.path].join('.'), reason: issue.message });
  }
  if (problems.length > 0 || !parsed.success) throw new ValidationError(problems, 'partnership configuration');
  return { ...parsed.data, protocols: resolved, organisations: resolveOrganisations(parsed.data.organisations) };
}
