import { z } from 'zod';
import { EVENT_SCHEMAS, EVENT_TYPES } from '../domain/event-schemas.ts';
import { AGENCIES } from '../domain/vocabulary.ts';
import { FINDING_ACTION_KINDS } from '../access/finding-ownership.ts';

export const personParams = z.object({ id: z.string().min(1).max(200).describe("The person's id") });
export const findingParams = z.object({ id: z.string().min(1).max(400).describe("The finding's id") });

export { problemBody } from './problem-document.ts';

/**
 * Every event type of the scenario contract, one variant each, for the OpenAPI description
 * and a first check of the body. `agency` is optional in every variant, version 2 included:
 * the account supplies it (src/api/write/record-event.ts), and the whole record is then
 * validated with its type's rules before anything is stored.
 */
const variants = EVENT_TYPES.map((type) =>
  z.strictObject({
    ...(EVENT_SCHEMAS[type] as unknown as z.ZodObject).shape,
    type: z.literal(type),
    agency: z.enum(AGENCIES).optional(),
  }),
);
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
  kind: z
    .enum(FINDING_ACTION_KINDS)
    .describe(
      "acknowledged, actioned, closed or reopened: the owning organisation's practitioners and safeguarding leads; noted or challenged: anyone who may see the child",
    ),
  note: z
    .string()
    .max(5000)
    .optional()
    .describe('What was done (required to record an action), why it is closed (required to close), the note, or the challenge'),
});
