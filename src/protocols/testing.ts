// Test support: drives protocols through the real record and engine on a virtual clock,
// so protocol tests exercise validation, projection and deadlines exactly as replay does.
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import type { Finding } from '../domain/findings.ts';
import { parseLocal } from '../domain/time.ts';
import { VirtualClock } from '../engine/clock.ts';
import { InMemoryRecord } from '../engine/in-memory-record.ts';
import type { Protocol } from './protocol.ts';
import { PROTOCOLS } from './registry.ts';

export const ZONE = 'Europe/London';

export type EventInput = Record<string, unknown> & { at: string; type: string };

export class ProtocolHarness {
  readonly record: InMemoryRecord;
  readonly findings: Finding[] = [];
  private index = 0;

  constructor(protocols: readonly Protocol[] = PROTOCOLS, protocolConfig: Record<string, unknown> = {}, workingDays?: unknown) {
    const config = loadPartnershipConfig({ timezone: ZONE, protocols: protocolConfig, workingDays }, protocols);
    this.record = new InMemoryRecord(protocols, config, new VirtualClock());
  }

  add(...events: EventInput[]): this {
    for (const event of events) this.findings.push(...this.record.submit(event, `test#${this.index++}`).findings);
    return this;
  }

  /** Lets the virtual clock run to `iso` (local time), firing any deadlines on the way. */
  runUntil(iso: string): this {
    this.findings.push(...this.record.runUntil(parseLocal(iso, ZONE)!));
    return this;
  }

  raised(code: string, subject?: string): Finding[] {
    return this.findings.filter((f) => f.code === code && (subject === undefined || f.subject === subject));
  }
}

/** A mother and her newborn: the commonest starting point for a protocol test. */
export function newborn(options: {
  child?: string;
  mother?: string;
  born: string;
  gestationWeeks?: number;
  birthWeightKg?: number;
  sex?: 'male' | 'female';
  area?: string;
}): EventInput[] {
  const child = options.child ?? 'baby';
  const mother = options.mother ?? 'mum';
  return [
    {
      at: options.born.slice(0, 10),
      type: 'person.recorded',
      person: mother,
      role: 'adult',
      sex: 'female',
      agency: 'midwifery',
      ...(options.area ? { area: options.area } : {}),
    },
    {
      at: options.born,
      type: 'birth',
      child,
      mother,
      gestationWeeks: options.gestationWeeks ?? 40,
      birthWeightKg: options.birthWeightKg ?? 3.4,
      sex: options.sex ?? 'female',
      agency: 'midwifery',
    },
  ];
}
