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
}

export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }
  advanceTo(): void {}
  arrivalTime(): number {
    return Date.now();
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
}
