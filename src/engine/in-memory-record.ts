import type { PartnershipConfig } from '../config/partnership-config.ts';
import type { ThreadEvent } from '../domain/events.ts';
import type { Finding } from '../domain/findings.ts';
import { checkEvent } from '../domain/validate-event.ts';
import { ValidationError } from '../domain/validation-error.ts';
import type { Protocol } from '../protocols/protocol.ts';
import { checkReferences } from './check-references.ts';
import type { Clock } from './clock.ts';
import { Engine } from './engine.ts';
import { assertSameSubmission } from './same-submission.ts';
import { IdentityLinker } from './identity-linker.ts';

export type Submission =
  | { status: 'accepted'; event: ThreadEvent; findings: Finding[] }
  | { status: 'duplicate'; event: ThreadEvent; findings: [] };

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

  constructor(protocols: readonly Protocol[], readonly config: PartnershipConfig, readonly clock: Clock) {
    this.engine = new Engine({ protocols, config, clock });
    this.linker = new IdentityLinker(config.timezone);
  }

  /** Validates without recording: returns the event or throws a ValidationError. */
  prepare(input: unknown, defaultKey: string, where?: string): ThreadEvent {
    const checked = checkEvent(input, this.config.timezone, this.seq + 1, defaultKey, this.clock.now());
    if (!checked.ok) throw new ValidationError(checked.problems, where);
    const existing = this.engine.world.event(checked.event.key);
    if (existing) {
      assertSameSubmission(existing, checked.event, where);
      return existing;
    }
    const problems = checkReferences(checked.event, this.engine.world);
    if (problems.length > 0) throw new ValidationError(problems, where);
    return checked.event;
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
