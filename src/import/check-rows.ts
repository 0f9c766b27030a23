import type { Principal } from '../access/principal.ts';
import { authoriseEvent } from '../api/write/record-event.ts';
import { Refusal } from '../api/errors.ts';
import { checkEvent } from '../domain/validate-event.ts';
import { ValidationError, type FieldProblem } from '../domain/validation-error.ts';
import { BatchReferences } from '../engine/check-references.ts';
import { SystemClock } from '../engine/clock.ts';
import { recordRuleProblems } from '../engine/prepare-submission.ts';
import type { Services } from '../server/services.ts';

export interface RowProblems {
  /** The row's line in the file (the header is line 1). */
  line: number;
  problems: FieldProblem[];
}

/**
 * Checks every row before anything is stored, each against the record as it will be
 * after the rows before it: the cells, the event's shape, the people and records it
 * names, whether it could be true, and whether the user may record it. Returns the
 * events as they are to be stored and every row's problems.
 */
export async function checkRows(
  services: Services,
  principal: Principal,
  rows: readonly { line: number; event: Record<string, unknown>; problems: FieldProblem[] }[],
  onProgress?: (done: number) => void,
): Promise<{ events: Record<string, unknown>[]; problems: RowProblems[] }> {
  const { engine, config } = services.store;
  const references = new BatchReferences(engine.world);
  const clock = new SystemClock();
  const events: Record<string, unknown>[] = [];
  const problems: RowProblems[] = [];
  for (const [i, row] of rows.entries()) {
    const found = [...row.problems];
    let event = row.event;
    if (found.length === 0) {
      try {
        event = await authoriseEvent(services, principal, row.event);
      } catch (error) {
        if (error instanceof Refusal) found.push({ field: '', reason: error.message });
        else if (error instanceof ValidationError) found.push(...error.problems);
        else throw error;
      }
    }
    if (found.length === 0) {
      const checked = checkEvent(event, config.timezone, i + 1, String(event.id), clock.now());
      if (!checked.ok) found.push(...checked.problems);
      else if (!references.hasEvent(checked.event.key)) {
        const rules = recordRuleProblems(checked.event, references, config, clock);
        if (rules.length > 0) found.push(...rules);
        else references.note(checked.event);
      }
    }
    if (found.length > 0) problems.push({ line: row.line, problems: found });
    else events.push(event);
    if (i % 500 === 499) onProgress?.(i + 1);
  }
  onProgress?.(rows.length);
  return { events, problems };
}
