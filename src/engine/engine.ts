import type { ThreadEvent } from '../domain/events.ts';
import { findingId, type Finding, type FindingDraft } from '../domain/findings.ts';
import type { PartnershipConfig } from '../config/partnership-config.ts';
import type { Protocol, ProtocolContext, ProtocolResult, Wake } from '../protocols/protocol.ts';
import type { Clock } from './clock.ts';
import { WakeQueue } from './wake-queue.ts';
import { World } from './world.ts';

export interface EngineOptions {
  protocols: readonly Protocol[];
  config: PartnershipConfig;
  clock: Clock;
  world?: World;
}

export interface ProtocolFailure {
  protocol: string;
  message: string;
  /** What woke the protocol: an event type, `deadline` or `finding` (names no one). */
  trigger: string;
  /** The kind of error (TypeError, RangeError...), for counting without the message. */
  errorType: string;
}

/**
 * Applies events to the world and evaluates the protocols they trigger; fires deadline
 * wake-ups as the clock passes them. The same code runs on the system clock in the
 * server and on a virtual clock in replay.
 */
export class Engine {
  readonly world: World;
  readonly failures: ProtocolFailure[] = [];
  private readonly wakes = new WakeQueue();
  private readonly byTrigger = new Map<string, Protocol[]>();
  private readonly byId = new Map<string, Protocol>();
  private readonly clock: Clock;
  private readonly config: PartnershipConfig;
  private readonly partnership: { name: string; timezone: string };

  constructor(options: EngineOptions) {
    this.world = options.world ?? new World();
    this.clock = options.clock;
    this.config = options.config;
    this.partnership = { name: options.config.name, timezone: options.config.timezone };
    for (const protocol of options.protocols) {
      if (options.config.disabled.includes(protocol.id)) continue;
      this.byId.set(protocol.id, protocol);
      for (const trigger of protocol.triggers) {
        const list = this.byTrigger.get(trigger) ?? [];
        list.push(protocol);
        this.byTrigger.set(trigger, list);
      }
    }
  }

  /** Forgets everything, to be rebuilt from the log (the same World object, so its readers keep it). */
  reset(): void {
    this.world.reset();
    this.wakes.clear();
    this.failures.length = 0;
  }

  get pendingWakes(): number {
    return this.wakes.size;
  }

  get nextWakeAt(): number {
    return this.wakes.peekTime();
  }

  /**
   * Records an accepted event and returns the findings raised up to and including it.
   * Deadlines falling at the very moment of the event fire after it: a record made at
   * the deadline is in time.
   */
  record(event: ThreadEvent): Finding[] {
    const raised: Finding[] = [];
    this.fireWakes(this.clock.arrivalTime(event) - 1, raised);
    this.clock.advanceTo(event.at);
    this.world.apply(event);
    const protocols = this.byTrigger.get(event.type);
    if (protocols === undefined) return raised;
    const now = this.clock.now();
    for (const protocol of protocols) this.collect(protocol, { event, now }, raised);
    return raised;
  }

  /** Fires every wake-up due by `time`, in time order, and returns the findings raised. */
  runUntil(time: number): Finding[] {
    const raised: Finding[] = [];
    this.fireWakes(time, raised);
    return raised;
  }

  private fireWakes(time: number, raised: Finding[]): void {
    while (this.wakes.peekTime() <= time) {
      const wake = this.wakes.pop()!;
      this.clock.advanceTo(wake.at);
      const protocol = this.byId.get(wake.protocol);
      if (protocol) this.collect(protocol, { wake, now: this.clock.now() }, raised);
    }
  }

  /** Records a finding decided elsewhere (e.g. loaded from the store on start-up). */
  restoreFinding(finding: Finding): void {
    if (!this.world.findingById(finding.id)) this.world.addFinding(finding);
  }

  private collect(
    protocol: Protocol,
    trigger: Pick<ProtocolContext<unknown>, 'event' | 'wake' | 'finding' | 'now'>,
    raised: Finding[],
  ): void {
    const result = this.evaluate(protocol, trigger);
    if (!result) return;
    if (result.wakes) for (const wake of result.wakes) this.wakes.push({ ...wake, protocol: protocol.id } satisfies Wake);
    if (!result.findings) return;
    for (const draft of result.findings) {
      const finding = this.raise(protocol, draft, trigger.now);
      if (!finding) continue;
      raised.push(finding);
      for (const follower of this.byTrigger.get('finding') ?? []) this.collect(follower, { finding, now: trigger.now }, raised);
    }
  }

  private evaluate(
    protocol: Protocol,
    trigger: Pick<ProtocolContext<unknown>, 'event' | 'wake' | 'finding' | 'now'>,
  ): ProtocolResult | undefined {
    try {
      return protocol.evaluate({
        now: trigger.now,
        event: trigger.event,
        wake: trigger.wake,
        finding: trigger.finding,
        world: this.world,
        config: this.config.protocols[protocol.id],
        partnership: this.partnership,
      });
    } catch (error) {
      // A faulty protocol must not lose the record or stop the others; it is reported.
      this.failures.push({
        protocol: `${protocol.id}@${protocol.version}`,
        message: error instanceof Error ? error.message : String(error),
        trigger: trigger.event?.type ?? (trigger.wake ? 'deadline' : 'finding'),
        errorType: error instanceof Error ? error.name : typeof error,
      });
      return undefined;
    }
  }

  private raise(protocol: Protocol, draft: FindingDraft, now: number): Finding | undefined {
    const id = findingId(draft.code, draft.subject, draft.dedupeKey);
    if (this.world.findingById(id)) return undefined;
    const finding: Finding = { ...draft, id, protocol: protocol.id, protocolVersion: protocol.version, raisedAt: now, status: 'open' };
    this.world.addFinding(finding);
    return finding;
  }
}
