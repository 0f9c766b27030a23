import { z } from 'zod';
import { DAY_MS } from '../domain/time.ts';
import type { StrategyDecision } from '../domain/vocabulary.ts';
import { defineProtocol } from './protocol.ts';
import { cite } from './support/describe.ts';

const MEDICAL_DECISIONS: StrategyDecision[] = ['cp-medical', 'skeletal-survey'];
const LABEL: Record<string, string> = { 'cp-medical': 'child protection medical', 'skeletal-survey': 'skeletal survey' };

export const cpMedicalIncompleteAtDischarge = defineProtocol({
  id: 'cp-medical-incomplete-at-discharge',
  version: '1.1.0',
  title: 'Discharge before the CP medical or skeletal survey agreed at strategy',
  source:
    'RCPCH Child Protection Companion (CP medical and skeletal survey before discharge); local bruising protocol; CSPR 000 KLE1 and KLE3 (Child B: admitted with a request for a CP medical, declared fit for discharge before it; Child C: contrary to the strategy meeting decisions)',
  codes: ['cp-medical-incomplete-at-discharge'],
  triggers: ['hospital.fit-for-discharge', 'hospital.discharged'],
  configSchema: z.strictObject({
    /** A medical done this many days before the strategy discussion still counts. */
    acceptCompletedDaysBeforeStrategy: z.number().int().min(0).max(30).default(3),
  }),
  evaluate({ event, world, config, partnership, now }) {
    if (event?.type !== 'hospital.fit-for-discharge' && event?.type !== 'hospital.discharged') return undefined;
    const childId = event.data.person;
    const zone = partnership.timezone;
    // What was asked for: medicals decided at a strategy discussion, and medicals requested
    // directly (e.g. on admission under the bruising protocol).
    const asked: { kind: StrategyDecision; at: number; key: string }[] = [];
    for (const e of world.eventsOf(childId)) {
      if (e.at > event.at) continue;
      if (e.type === 'strategy.discussion')
        for (const kind of e.data.decisions ?? []) if (MEDICAL_DECISIONS.includes(kind)) asked.push({ kind, at: e.at, key: e.key });
      if (e.type === 'investigation' && e.data.status === 'requested' && (MEDICAL_DECISIONS as string[]).includes(e.data.kind))
        asked.push({ kind: e.data.kind as StrategyDecision, at: e.at, key: e.key });
    }
    const outstanding: { kind: string; strategyKey: string }[] = [];
    const evidence = new Set<string>();
    for (const request of asked) {
      const done = world
        .eventsOf(childId, 'investigation')
        .some(
          (e) =>
            e.type === 'investigation' &&
            e.data.kind === request.kind &&
            e.data.status === 'completed' &&
            e.at >= request.at - config.acceptCompletedDaysBeforeStrategy * DAY_MS &&
            e.at <= event.at,
        );
      if (!done && !outstanding.some((o) => o.kind === request.kind)) {
        outstanding.push({ kind: request.kind, strategyKey: request.key });
        evidence.add(request.key);
      }
    }
    if (outstanding.length === 0) return undefined;
    evidence.add(event.key);
    const what = outstanding.map((o) => LABEL[o.kind]).join(' and ');
    const verb = event.type === 'hospital.discharged' ? 'discharged' : 'declared fit for discharge';
    return {
      findings: [
        {
          code: 'cp-medical-incomplete-at-discharge',
          subject: childId,
          dedupeKey: outstanding.map((o) => `${o.kind}:${o.strategyKey}`).join('+'),
          severity: 'high',
          explanation: `The child was ${verb} by ${cite(event, zone)} while the ${what} agreed at the strategy discussion or requested for the child had not been completed.`,
          evidence: [...evidence],
          action: `Hold the discharge until the ${what} is completed, or reconvene the strategy discussion to agree a safe plan.`,
          owner: 'hospital',
          deadline: now,
        },
      ],
    };
  },
});
