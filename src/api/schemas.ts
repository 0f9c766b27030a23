import { z } from 'zod';
import { EVENT_SCHEMAS, EVENT_TYPES } from '../domain/event-schemas.ts';
import { AGENCIES } from '../domain/vocabulary.ts';

export const personParams = z.object({ id: z.string().min(1).max(200).describe("The person's id") });
export const findingParams = z.object({ id: z.string().min(1).max(400).describe("The finding's id") });

export { problemBody } from './problem-document.ts';

/** Every event type of the scenario contract, one variant each, for validation and the OpenAPI description. */
const variants = EVENT_TYPES.map((type) => (EVENT_SCHEMAS[type] as z.ZodObject).safeExtend({ type: z.literal(type) }));
export const eventBody = z
  .discriminatedUnion('type', variants as unknown as [z.ZodObject, ...z.ZodObject[]])
  .describe(
    'One record of the contract (shared/spec/scenarios.md). `agency` and `recordedBy` are taken from your account; `id` makes the submission idempotent.',
  );

export const chronologyQuery = z.object({
  agency: z.enum(AGENCIES).optional().describe('Only records made by this agency'),
  type: z
    .union([z.enum(EVENT_TYPES as [string, ...string[]]), z.literal('finding')])
    .optional()
    .describe('Only records of this type, or only findings'),
});

export const findingAction = z.object({
  kind: z.enum(['acknowledged', 'actioned', 'closed', 'reopened']),
  note: z.string().max(5000).optional().describe('What was done (required to record an action) or why it is closed (required to close)'),
});
