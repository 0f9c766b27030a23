import type { z } from 'zod';
import type { EventType } from '../domain/event-schemas.ts';
import type { ThreadEvent } from '../domain/events.ts';
import type { Finding, FindingDraft } from '../domain/findings.ts';
import type { FindingCode } from '../domain/vocabulary.ts';
import type { WorldView } from '../engine/world-view.ts';
import type { WorkingCalendar } from '../domain/working-days.ts';

/** A request to be evaluated again when the clock reaches `at`. */
export interface WakeRequest {
  at: number;
  subject: string;
  /** Identifies the wake so it is scheduled once. */
  key: string;
  /** The event or finding the wake follows up, for the explanation. */
  cause?: string;
}

export interface Wake extends WakeRequest {
  protocol: string;
}

export interface PartnershipContext {
  name: string;
  timezone: string;
  /** Working days: weekends, bank holidays and the partnership's closures excluded. */
  calendar: WorkingCalendar;
}

export interface ProtocolContext<C> {
  now: number;
  world: WorldView;
  config: C;
  partnership: PartnershipContext;
  /** Set when an event triggered the evaluation. */
  event?: ThreadEvent;
  /** Set when a deadline woke the protocol. */
  wake?: Wake;
  /** Set when another protocol's new finding triggered the evaluation. */
  finding?: Finding;
}

export interface ProtocolResult {
  findings?: FindingDraft[];
  wakes?: WakeRequest[];
}

/**
 * A protocol is pure: it reads the world and returns findings and wake-ups; it never
 * does I/O or mutates anything. Its configuration schema carries the defaults.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds protocols of every configuration type
export interface Protocol<C = any> {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  /** The policy the rule comes from, cited in every finding. */
  readonly source: string;
  readonly codes: readonly FindingCode[];
  readonly triggers: readonly (EventType | 'finding')[];
  readonly configSchema: z.ZodType<C>;
  evaluate(ctx: ProtocolContext<C>): ProtocolResult | undefined;
}

export function defineProtocol<S extends z.ZodType>(
  protocol: Omit<Protocol<z.output<S>>, 'configSchema'> & { configSchema: S },
): Protocol<z.output<S>> {
  return protocol as Protocol<z.output<S>>;
}
