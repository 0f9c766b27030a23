import { z } from 'zod';
import { DAY_MS } from '../domain/time.ts';
import type { StrategyDecision } from '../domain/vocabulary.ts';
import { defineProtocol } from './protocol.ts';
import { cite } from './support/describe.ts';

const MEDICAL_DECISIONS: StrategyDecision[] = ['cp-medical', 'skeletal-survey'];
const LABEL: Record<string, string> = { 'cp-medical': 'child protection medical', 'skeletal-survey': 'skeletal survey' };

export const cpMedicalIncompleteAtDischarge = defineProtocol({
  id: 'cp-medical-incomplete-at-discharge',
  version: '1.0.0',
  title: 'Discharge before the CP medical or skeletal survey agreed at strategy',
  source: 'RCPCH Child Protection Companion (CP medical and skeletal survey before discharge); CSPR 000 (Children B and C: declared fit for discharge before the agreed CP medical)',
  codes: ['cp-medical-incomplete-at-discharge'],
  triggers: ['hospital.fit-for-discharge', 'hospital.discharged'],
  configSchema: z.strictObject({
    /** A medical done this many days before the strategy discussion still counts. */
    acceptCompletedDaysBeforeStrategy: z.number().int().min(0).max(30).default(3),
  }),
  evaluate({ event, world, config, partnership, now }) {
    if (event?.type !== 'hospital.fit-for-discharge' && event?.type !== 'hospital.discharged') return undefined;
    const childId = event.data.person;
    const strategies = world.eventsOf(childId, 'strategy.discussion');
    if (strategies.length === 0) return undefined;
    const zone = partnership.timezone;
    const outstanding: { kind: string; strategyKey: string }[] = [];
    const evidence = new Set<string>();
    for (const strategy of strategies) {
      if (strategy.type !== 'strategy.discussion') continue;
      for (const kind of strategy.data.decisions ?? []) {
        if (!MEDICAL_DECISIONS.includes(kind)) continue;
        const done = world.eventsOf(childId, 'investigation').some((e) =>
          e.type === 'investigation' && e.data.kind === kind && e.data.status === 'completed' &&
          e.at >= strategy.at - config.acceptCompletedDaysBeforeStrategy * DAY_MS && e.at <= event.at);
        if (!done && !outstanding.some((o) => o.kind === kind)) {
          outstanding.push({ kind, strategyKey: strategy.key });
          evidence.add(strategy.key);
        }
      }
    }
    if (outstanding.length === 0) return undefined;
    evidence.add(event.key);
    const what = outstanding.map((o) => LABEL[o.kind]).join(' and ');
    const verb = event.type === 'hospital.discharged' ? 'discharged' : 'declared fit for discharge';
    return {
      findings: [{
        code: 'cp-medical-incomplete-at-discharge',
        subject: childId,
        dedupeKey: outstanding.map((o) => `${o.kind}:${o.strategyKey}`).join('+'),
        severity: 'high',
        explanation: `The child was ${verb} by ${cite(event, zone)} while the ${what} agreed at the strategy discussion had not been completed.`,
        evidence: [...evidence],
        action: `Hold the discharge until the ${what} is completed, or reconvene the strategy discussion to agree a safe plan.`,
        owner: 'hospital',
        deadline: now,
      }],
    };
  },
});
