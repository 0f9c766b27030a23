import { prepareSubmission } from './prepare-submission.ts';
import type { PartnershipConfig } from '../config/partnership-config.ts';
import type { ThreadEvent } from '../domain/events.ts';
import type { Finding } from '../domain/findings.ts';
import type { Protocol } from '../protocols/protocol.ts';
import type { Clock } from './clock.ts';
import { Engine } from './engine.ts';
import { IdentityLinker } from './identity-linker.ts';

export type Submission =
  { status: 'accepted'; event: ThreadEvent; findings: Finding[] } | { status: 'duplicate'; event: ThreadEvent; findings: [] };

/**
 * The record without storage: validates each submission completely before anything
 * changes, stores it once per idempotency key, and runs the engine. The persistent
 * store wraps the same steps in a transaction.
 */
export class InMemoryRecord {
  readonly engine: Engine;
  readonly events: ThreadEvent[] = [];
  private seq = 0;
  private readonly linker: IdentityLinker;

  constructor(
    protocols: readonly Protocol[],
    readonly config: PartnershipConfig,
    readonly clock: Clock,
  ) {
    this.engine = new Engine({ protocols, config, clock });
    this.linker = new IdentityLinker(config.timezone);
  }

  /** Validates without recording: returns the event or throws a ValidationError. */
  prepare(input: unknown, defaultKey: string, where?: string): ThreadEvent {
    return prepareSubmission(input, this.engine.world, this.config, this.clock, this.seq + 1, defaultKey, where);
  }

  submit(input: unknown, defaultKey: string, where?: string): Submission {
    const event = this.prepare(input, defaultKey, where);
    if (this.engine.world.hasEvent(event.key)) return { status: 'duplicate', event, findings: [] };
    return this.accept(event);
  }

  /** Records an event already prepared (validated and checked against the record). */
  accept(event: ThreadEvent): Submission {
    event.seq = ++this.seq;
    this.events.push(event);
    const findings = this.engine.record(event);
    // A new person may be someone another agency already knows: record the link or the question.
    for (const identity of this.linker.observe(event, true)) {
      const linked = this.submit(identity, String(identity.id));
      findings.push(...linked.findings);
    }
    return { status: 'accepted', event, findings };
  }

  runUntil(time: number): Finding[] {
    return this.engine.runUntil(time);
  }
}
