import { loadPartnershipConfig, type PartnershipConfig } from '../config/partnership-config.ts';
import type { Finding } from '../domain/findings.ts';
import { DAY_MS } from '../domain/time.ts';
import { ValidationError } from '../domain/validation-error.ts';
import { VirtualClock } from '../engine/clock.ts';
import { InMemoryRecord } from '../engine/in-memory-record.ts';
import type { ThreadEvent } from '../domain/events.ts';
import type { World } from '../engine/world.ts';
import type { Protocol } from '../protocols/protocol.ts';
import { UserError } from '../cli/report-failure.ts';
import type { Scenario } from './scenario-file.ts';

export interface ReplayResult {
  scenario: Scenario;
  findings: Finding[];
  events: ThreadEvent[];
  /** When the incident that led to the review happened; later findings are not scored. */
  incidentAt?: number;
  failures: { protocol: string; message: string }[];
  /** The record as it stood at the end of the replay. */
  world: World;
}

/** How long after the last event the virtual clock keeps running for pending deadlines. */
const DRAIN_AFTER_LAST_EVENT_MS = 120 * DAY_MS;

function configFor(scenario: Scenario, protocols: readonly Protocol[], base?: unknown): PartnershipConfig {
  const input = { ...(base as object | undefined), timezone: scenario.timezone };
  return loadPartnershipConfig(input, protocols);
}

/**
 * Checks the whole scenario first (shape, dates, known people, order) so that a
 * malformed file is refused with nothing replayed.
 */
export function checkScenario(scenario: Scenario, protocols: readonly Protocol[]): ThreadEvent[] {
  const dryRun = new InMemoryRecord([], configFor(scenario, protocols), new VirtualClock());
  let previous = Number.NEGATIVE_INFINITY;
  const events: ThreadEvent[] = [];
  scenario.events.forEach((input, index) => {
    const where = `${scenario.file}: event ${index}`;
    try {
      const event = dryRun.prepare(input, `${scenario.scenario}#${index}`, where);
      if (event.at < previous)
        throw new ValidationError([{ field: 'at', reason: 'is earlier than the event before it (events must be in time order)' }], where);
      previous = event.at;
      const submission = dryRun.accept(event);
      events.push(submission.event);
    } catch (error) {
      if (error instanceof ValidationError) throw new UserError(error.message);
      throw error;
    }
  });
  return events;
}

export function replayScenario(
  scenario: Scenario,
  protocols: readonly Protocol[],
  onProgress?: (done: number) => void,
  baseConfig?: unknown,
): ReplayResult {
  checkScenario(scenario, protocols);
  const clock = new VirtualClock();
  const record = new InMemoryRecord(protocols, configFor(scenario, protocols, baseConfig), clock);
  const findings: Finding[] = [];
  let incidentAt: number | undefined;
  scenario.events.forEach((input, index) => {
    const submission = record.submit(input, `${scenario.scenario}#${index}`);
    findings.push(...submission.findings);
    if (submission.event.type === 'incident.serious' && incidentAt === undefined) incidentAt = submission.event.at;
    if (onProgress && index % 1000 === 0) onProgress(index);
  });
  const last = record.events.at(-1)?.at ?? clock.now();
  findings.push(...record.runUntil(last + DRAIN_AFTER_LAST_EVENT_MS));
  return { scenario, findings, events: record.events, incidentAt, failures: record.engine.failures, world: record.engine.world };
}
