import { z } from 'zod';

/**
 * A finding still open when its deadline passes goes to the safeguarding lead of the
 * organisation that owns it, and if still open after a further time, to the partnership's
 * safeguarding lead (Working Together 2023 ch. 1: each organisation's safeguarding
 * arrangements answer to the partnership; the partnership's escalation procedure).
 */
export const findingEscalationSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    /** Working days after the organisation's lead was told before the partnership's lead is. */
    partnershipAfterWorkingDays: z.number().int().min(0).max(60).default(2),
  })
  .prefault({});
export type FindingEscalationConfig = z.output<typeof findingEscalationSchema>;
