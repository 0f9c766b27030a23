import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { isValidZone } from '../domain/time.ts';
import { FINDING_CODES } from '../domain/vocabulary.ts';
import { UserError } from '../cli/report-failure.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/, 'must be an ISO date or date-time');

export const expectationSchema = z.strictObject({
  code: z.enum(FINDING_CODES),
  subject: z.string().min(1),
  from: isoDate,
  by: isoDate,
  why: z.string().min(1, 'must say why, from the review'),
});
export type Expectation = z.infer<typeof expectationSchema>;

const scenarioSchema = z.strictObject({
  scenario: z.string().min(1),
  title: z.string().optional(),
  source: z.string().optional(),
  timezone: z.string().refine(isValidZone, 'must be an IANA time zone such as Europe/London').default('Europe/London'),
  events: z.array(z.unknown()),
  expect: z.array(expectationSchema).optional(),
});
export type Scenario = z.infer<typeof scenarioSchema> & { file: string };

export async function readScenario(file: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError(`${file}: cannot be read`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `field '${i.path.join('.')}': ${i.message}`).join('; ');
    throw new UserError(`${file}: ${problems}`);
  }
  return { ...parsed.data, file };
}
