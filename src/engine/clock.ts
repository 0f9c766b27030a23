import type { ThreadEvent } from '../domain/events.ts';

/**
 * The engine's sense of time. The server runs on the system clock; replay runs on a
 * virtual clock that moves to each event's time and to each deadline in turn, so that
 * deadline rules fire exactly as they would have in real time.
 */
export interface Clock {
  now(): number;
  /** Moves a virtual clock forward; the system clock ignores it. */
  advanceTo(ms: number): void;
  /** The time at which an arriving event is evaluated. */
  arrivalTime(event: ThreadEvent): number;
  /** The latest moment a record may be dated, allowing `skewMs` for a device's clock. */
  latestPlausible(skewMs: number): number;
}

/**
 * How far past the real present replay accepts a record: a day. Scenarios tell what has
 * already happened, and the demo moves each story to end today (perhaps later today than
 * now); a record dated further ahead (2126, 2999) is a mistake. Replay's own clock is
 * virtual, so the real one is asked.
 */
export const REPLAY_FUTURE_HORIZON_MS = 86_400_000;

export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }
  advanceTo(): void {}
  /** Records submitted together share the moment they were checked (see RecordStore.submitBatch). */
  arrivalTime(event: ThreadEvent): number {
    return Number.isFinite(event.recordedAt) ? event.recordedAt : Date.now();
  }
  latestPlausible(skewMs: number): number {
    return Date.now() + skewMs;
  }
}

export class VirtualClock implements Clock {
  constructor(private current = Number.NEGATIVE_INFINITY) {}
  now(): number {
    return this.current;
  }
  advanceTo(ms: number): void {
    if (ms > this.current) this.current = ms;
  }
  arrivalTime(event: ThreadEvent): number {
    return Math.max(event.at, this.current);
  }
  latestPlausible(skewMs: number): number {
    return Date.now() + Math.max(skewMs, REPLAY_FUTURE_HORIZON_MS);
  }
}

/**
 * Re-evaluates stored events at the moment they were accepted, so that rebuilding the
 * engine from the log reproduces exactly the findings and deadlines of the live run.
 */
export class RestoreClock extends VirtualClock {
  override arrivalTime(event: ThreadEvent): number {
    return Math.max(event.recordedAt, this.now());
  }
}

/** Lets the record start on the restore clock and continue on the system clock. */
export class SwitchableClock implements Clock {
  constructor(private inner: Clock) {}
  switchTo(clock: Clock): void {
    this.inner = clock;
  }
  now(): number {
    return this.inner.now();
  }
  advanceTo(ms: number): void {
    this.inner.advanceTo(ms);
  }
  arrivalTime(event: ThreadEvent): number {
    return this.inner.arrivalTime(event);
  }
  latestPlausible(skewMs: number): number {
    return this.inner.latestPlausible(skewMs);
  }
}
