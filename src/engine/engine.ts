import type { ThreadEvent } from '../domain/events.ts';
import { findingId, type Finding, type FindingDraft, type FindingEscalation } from '../domain/findings.ts';
import { namedLeadFor } from '../protocols/support/allocations.ts';
import type { PartnershipConfig } from '../config/partnership-config.ts';
import type { PartnershipContext, Protocol, ProtocolContext, ProtocolResult, Wake } from '../protocols/protocol.ts';
import { WorkingCalendar } from '../domain/working-days.ts';
import type { Clock } from './clock.ts';
import { WakeQueue, type WakeQueueState } from './wake-queue.ts';
import { HeldWakes } from './held-wakes.ts';
import { World, type WorldState } from './world.ts';
import { OrganisationDirectory } from '../config/organisations.ts';

export interface EngineOptions {
  protocols: readonly Protocol[];
  config: PartnershipConfig;
  clock: Clock;
  world?: World;
}

/** The wake-ups that follow a finding past its deadline (not a protocol's). */
const ESCALATION = '#finding-escalation';

/** A step by which an overdue finding went to a safeguarding lead. */
export interface EscalationStep {
  finding: Finding;
  step: FindingEscalation;
}

/** The engine's state as a snapshot holds it: the world, the wake queue, escalations not yet written, and the clock. */
export interface EngineState {
  world: WorldState;
  wakes: WakeQueueState;
  escalated: EscalationStep[];
  now: number;
}

/** A family moving between engines (see Engine.extractFamily). */
export interface FamilyHandover {
  events: ThreadEvent[];
  findings: Finding[];
  wakes: Wake[];
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
  private escalated: EscalationStep[] = [];
  private readonly wakes = new WakeQueue();
  /**
   * Deadlines already past when they were scheduled, by records that arrived together
   * (an import's history, in whatever order it was sent): they wait until the whole of
   * that arrival is applied, so that a visit imported beside the birth it answers counts
   * as in time.
   */
  private readonly held = new HeldWakes();
  /** When the records being applied arrived (their recorded time). */
  private arrival = Number.NEGATIVE_INFINITY;
  private holding = false;
  private readonly byTrigger = new Map<string, Protocol[]>();
  private readonly byId = new Map<string, Protocol>();
  private readonly clock: Clock;
  private readonly config: PartnershipConfig;
  private readonly partnership: PartnershipContext;
  /**
   * The latest event time or deadline the engine has dealt with: where a virtual clock
   * replaying the same log would stand. A snapshot restores it (not the wall clock's
   * time), so that a deadline still pending fires at its own moment on restart.
   */
  private reached = Number.NEGATIVE_INFINITY;

  constructor(options: EngineOptions) {
    this.world = options.world ?? new World(new OrganisationDirectory(options.config.organisations));
    this.clock = options.clock;
    this.config = options.config;
    this.partnership = {
      name: options.config.name,
      timezone: options.config.timezone,
      calendar: new WorkingCalendar(options.config.timezone, options.config.workingDays),
    };
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
    this.held.clear();
    this.arrival = Number.NEGATIVE_INFINITY;
    this.failures.length = 0;
    this.escalated = [];
    this.reached = Number.NEGATIVE_INFINITY;
  }

  /** The state to snapshot; it is the live state, so it must be serialised before the engine moves on. */
  exportState(): EngineState {
    this.releaseHeld();
    return { world: this.world.exportState(), wakes: this.wakes.exportState(), escalated: this.escalated, now: this.reached };
  }

  /** Takes over a snapshot's state and moves the clock to its moment. */
  importState(state: EngineState): void {
    this.world.importState(state.world);
    this.wakes.importState(state.wakes);
    this.escalated = state.escalated;
    this.failures.length = 0;
    this.reached = state.now;
    this.clock.advanceTo(state.now);
  }

  /**
   * Hands a family over to another engine (its shard changed): its events, findings and
   * pending wake-ups, all removed from this engine.
   */
  extractFamily(personIds: readonly string[]): FamilyHandover {
    this.releaseHeld();
    const { events, findings } = this.world.extractFamily(personIds);
    return { events, findings, wakes: this.wakes.extract(new Set(personIds)) };
  }

  /** Takes over a family handed over by another engine: its picture is rebuilt here without evaluating again. */
  adoptFamily(handover: FamilyHandover): void {
    for (const event of handover.events) this.world.apply(event);
    for (const finding of handover.findings) this.world.addFinding(finding);
    for (const wake of handover.wakes) this.wakes.push(wake);
  }

  /** Every pending wake-up in firing order (for comparing engines). */
  pendingWakeList(): Wake[] {
    this.releaseHeld();
    return this.wakes.pending();
  }

  get pendingWakes(): number {
    return this.wakes.size + this.held.size;
  }

  get nextWakeAt(): number {
    return Math.min(this.wakes.peekTime(), this.held.peekTime());
  }

  /**
   * Records an accepted event and returns the findings raised up to and including it.
   * Deadlines falling at the very moment of the event fire after it: a record made at
   * the deadline is in time.
   */
  record(event: ThreadEvent): Finding[] {
    const raised: Finding[] = [];
    const arrival = this.clock.arrivalTime(event);
    if (arrival > this.arrival) {
      this.releaseHeld();
      this.arrival = arrival;
    }
    this.fireWakes(this.wakes, arrival - 1, raised);
    this.holding = true;
    try {
      this.clock.advanceTo(event.at);
      if (event.at > this.reached) this.reached = event.at;
      this.world.apply(event);
      const protocols = this.byTrigger.get(event.type);
      if (protocols === undefined) return raised;
      const now = this.clock.now();
      for (const protocol of protocols) this.collect(protocol, { event, now }, raised);
      return raised;
    } finally {
      this.holding = false;
    }
  }

  /** Fires every wake-up due by `time`, in time order, and returns the findings raised. */
  runUntil(time: number): Finding[] {
    const raised: Finding[] = [];
    this.releaseHeld();
    this.fireWakes(this.wakes, time, raised);
    return raised;
  }

  /** Fires the deadlines the last arrival's records left past due, once all of them are applied. */
  settleArrival(): Finding[] {
    return this.runUntil(this.arrival - 1);
  }

  private releaseHeld(): void {
    for (const wake of this.held.drain()) this.wakes.insert(wake);
  }

  private schedule(wake: Wake): void {
    if (!this.holding || wake.at >= this.arrival) this.wakes.push(wake);
    else if (this.wakes.claim(wake) !== undefined) this.held.hold(wake);
  }

  private fireWakes(queue: WakeQueue, time: number, raised: Finding[]): void {
    while (queue.peekTime() <= time) this.fire(queue.pop()!, raised);
  }

  private fire(wake: Wake, raised: Finding[]): void {
    this.clock.advanceTo(wake.at);
    if (wake.at > this.reached) this.reached = wake.at;
    if (wake.protocol === ESCALATION) {
      this.escalate(wake);
      return;
    }
    const protocol = this.byId.get(wake.protocol);
    if (protocol) this.collect(protocol, { wake, now: this.clock.now() }, raised);
  }

  get pendingEscalations(): number {
    return this.escalated.length;
  }

  /** The escalation steps taken since the last call, for the store to write and announce. */
  takeEscalations(): EscalationStep[] {
    const steps = this.escalated;
    this.escalated = [];
    return steps;
  }

  /**
   * A finding still open at its deadline goes to the safeguarding lead of the organisation
   * that owns it; still open a further time later, to the partnership's safeguarding lead.
   */
  private escalate(wake: Wake): void {
    const finding = this.world.findingById(wake.cause!);
    if (!finding || (finding.status !== 'open' && finding.status !== 'acknowledged')) return;
    const level = wake.key.startsWith('organisation:') ? 'organisation' : 'partnership';
    if (finding.escalations?.some((s) => s.level === level)) return;
    const step: FindingEscalation = { level, at: wake.at, to: level === 'organisation' ? finding.owner : this.config.name };
    (finding.escalations ??= []).push(step);
    this.escalated.push({ finding, step });
    if (level === 'organisation') {
      const at = this.partnership.calendar.endOfWorkingDaysAfter(wake.at, this.config.findingEscalation.partnershipAfterWorkingDays);
      this.schedule({ protocol: ESCALATION, at, subject: finding.subject, key: `partnership:${finding.id}`, cause: finding.id });
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
    if (result.wakes)
      for (const wake of result.wakes) {
        const { at, subject, key, cause } = wake;
        // Not a spread: a copy made property by property keeps one shape and allocates only the object.
        this.schedule(
          cause === undefined ? { at, subject, key, protocol: protocol.id } : { at, subject, key, cause, protocol: protocol.id },
        );
      }
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
    // Owned by a named practitioner when the owning agency has one allocated to the child.
    const ownerName = draft.ownerName ?? namedLeadFor(this.world, draft.subject, draft.owner, now)?.name;
    const finding: Finding = {
      ...draft,
      ownerName,
      id,
      protocol: protocol.id,
      protocolVersion: protocol.version,
      raisedAt: now,
      status: 'open',
    };
    if (ownerName === undefined) delete finding.ownerName;
    this.world.addFinding(finding);
    if (this.config.findingEscalation.enabled && finding.deadline !== undefined)
      this.schedule({ protocol: ESCALATION, at: finding.deadline, subject: finding.subject, key: `organisation:${id}`, cause: id });
    return finding;
  }
}
