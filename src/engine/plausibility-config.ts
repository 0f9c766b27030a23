import { z } from 'zod';

/**
 * How far a record may stray before it is taken for a mistake: a measurement beyond
 * `sdsLimit` standard deviations of UK-WHO for the child's age and sex, and a date later
 * than now by more than `clockSkewMinutes` (the difference a device's clock may have).
 */
export const plausibilitySchema = z
  .strictObject({
    sdsLimit: z.number().min(3).max(15).default(5),
    clockSkewMinutes: z
      .number()
      .min(0)
      .max(24 * 60)
      .default(5),
  })
  .prefault({});
export type PlausibilityConfig = z.output<typeof plausibilitySchema>;
