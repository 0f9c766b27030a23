import type { Wake } from '../protocols/protocol.ts';

/**
 * Wake-ups held back while one arrival's records are applied (see Engine.record): few at
 * a time, kept in due order, and claimed in the engine's wake queue so that the same
 * protocol, subject and key is still woken only once.
 */
export class HeldWakes {
  private wakes: Wake[] = [];

  get size(): number {
    return this.wakes.length;
  }

  peekTime(): number {
    return this.wakes.length > 0 ? this.wakes[0].at : Number.POSITIVE_INFINITY;
  }

  /** Keeps due order; wakes due at the same moment keep the order they were held in. */
  hold(wake: Wake): void {
    let i = this.wakes.length;
    while (i > 0 && this.wakes[i - 1].at > wake.at) i--;
    this.wakes.splice(i, 0, wake);
  }

  pop(): Wake | undefined {
    return this.wakes.shift();
  }

  /** Removes and returns every held wake in due order. */
  drain(): Wake[] {
    const all = this.wakes;
    this.wakes = [];
    return all;
  }

  clear(): void {
    this.wakes = [];
  }
}
