import { z } from 'zod';
import { text } from './safe-text.ts';

/**
 * The linkage model's waterfall for a possible match, kept with the `identity.review`
 * record as the model gave it when the review was raised (src/linkage/waterfall.ts), so
 * the practitioner deciding sees exactly why the records were put to them, not a
 * recomputation against a population that has since grown.
 */
const probability = z.number().min(0).max(1);

export const matchEvidence = z.strictObject({
  household: z.strictObject({ recordsAtAddress: text.max(200) }).nullable(),
  priorProbability: probability,
  priorWeight: z.number(),
  steps: z
    .array(
      z.strictObject({
        comparison: text.max(100),
        title: text.max(200),
        level: text.max(200).nullable(),
        m: probability.nullable(),
        u: probability.nullable(),
        valueFrequency: probability.nullable(),
        weight: z.number(),
        runningWeight: z.number(),
        note: text.max(500).nullable(),
      }),
    )
    .max(50),
  matchWeight: z.number(),
  probability,
  rule: text.max(500).nullable(),
  guards: z.array(text.max(1000)).max(20),
});

export type MatchEvidence = z.infer<typeof matchEvidence>;
