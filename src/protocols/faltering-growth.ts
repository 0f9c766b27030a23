import { z } from 'zod';
import type { FindingDraft } from '../domain/findings.ts';
import { DAY_MS, endOfLocalDay } from '../domain/time.ts';
import { HEALTH_AGENCIES, type Agency } from '../domain/vocabulary.ts';
import type { WorldView } from '../engine/world-view.ts';
import { TERM_FROM_WEEKS } from '../growth/age-correction.ts';
import { birthWeightNotRegained, criteriaMetBy, type CriterionMet, type FalteringGrowthConfig } from './faltering-growth-rules.ts';
import { recordedWeights, weighedChild, weightsUpTo, type WeighedChild } from './faltering-growth-weights.ts';
import { defineProtocol } from './protocol.ts';
import { isUnderMonths } from './support/age.ts';

const CODE = 'faltering-growth';

/** Episode keys already raised for the child, so a criterion still met is not raised again. */
function raisedKeys(world: WorldView, subject: string): Set<string> {
  const keys = new Set<string>();
  for (const finding of world.findingsAbout(subject)) {
    if (finding.code === CODE) for (const key of finding.dedupeKey.split('+')) keys.add(key);
  }
  return keys;
}

function finding(
  child: WeighedChild,
  met: CriterionMet[],
  owner: Agency,
  now: number,
  config: FalteringGrowthConfig,
  world: WorldView,
): FindingDraft | undefined {
  const already = raisedKeys(world, child.person.id);
  const fresh = met.filter((m) => !already.has(m.key));
  if (fresh.length === 0) return undefined;
  const notes: string[] = [];
  if (child.gestationWeeks < TERM_FROM_WEEKS)
    notes.push(`Centiles are at age corrected for birth at ${child.gestationWeeks}+${child.gestationDays} weeks.`);
  if (child.gestationAssumed) notes.push('No gestation at birth is recorded; 40 weeks was assumed.');
  return {
    code: CODE,
    subject: child.person.id,
    dedupeKey: fresh.map((m) => m.key).join('+'),
    severity: met.some((m) => m.severe) ? 'high' : 'medium',
    explanation: [...met.map((m) => m.sentence), ...notes].join(' '),
    evidence: [...new Set(met.flatMap((m) => m.evidence))],
    action:
      `${owner === 'health-visiting' ? 'Health visiting' : 'The recording service'}: review the child within ${config.reviewWithinDays} days: ` +
      'observe a feed, take a feeding and health history, examine the child, agree and record a weighing plan, ' +
      "and consider referral to the GP or paediatrics and whether neglect or the family's circumstances play a part (NICE NG75).",
    owner,
    deadline: now + config.reviewWithinDays * DAY_MS,
  };
}

export const falteringGrowth = defineProtocol({
  id: CODE,
  version: '1.0.0',
  title: 'Faltering growth (NICE NG75)',
  source:
    'NICE NG75 Faltering growth: recognition and management in infants and children (2017), recommendations 1.2 (early weight loss: more than 10% of birth weight; birth weight not regained by 3 weeks) and 1.3 (a fall across 1 or more centile spaces if birth weight was below the 9th centile, 2 or more if between the 9th and 91st, 3 or more if above the 91st; current weight below the 2nd centile whatever the birth weight); ' +
    'centiles from the UK-WHO growth charts (RCPCH, 2009), a centile space being 2/3 SDS; CSPR 000 (Child D: a drop of 2 centiles at 21 days not referred on), CSPR 002 (Child Two: 25th to 0.4th centile)',
  codes: [CODE],
  triggers: ['birth', 'measurement'],
  configSchema: z.strictObject({
    childUnderMonths: z.number().int().min(1).max(240).default(60),
    earlyLossPercent: z.number().min(5).max(20).default(10),
    regainBirthWeightByDays: z.number().int().min(14).max(42).default(21),
    /** Centile criteria start where the UK-WHO chart's lines do, at 2 weeks. */
    centileRulesFromDays: z.number().int().min(0).max(42).default(14),
    spacesIfBirthBelow9th: z.number().min(0.5).max(4).default(1),
    spacesIfBirth9thTo91st: z.number().min(0.5).max(4).default(2),
    spacesIfBirthAbove91st: z.number().min(0.5).max(5).default(3),
    belowCentile: z.union([z.literal(0.4), z.literal(2), z.literal(9)]).default(2),
    reviewWithinDays: z.number().int().min(0).max(14).default(2),
  }),
  evaluate({ event, wake, world, config, partnership, now }) {
    const zone = partnership.timezone;
    if (event?.type === 'birth') {
      const child = weighedChild(world.person(event.data.child));
      if (!child) return undefined;
      const at = endOfLocalDay(child.bornMs + config.regainBirthWeightByDays * DAY_MS, zone);
      return { wakes: [{ at, subject: child.person.id, key: 'regain-birth-weight', cause: event.key }] };
    }
    if (event?.type === 'measurement') {
      if (event.data.kind !== 'weight') return undefined;
      const child = weighedChild(world.person(event.data.person));
      if (!child || !isUnderMonths(child.person, event.at, config.childUnderMonths, zone)) return undefined;
      const weights = weightsUpTo(recordedWeights(world, child), event.at);
      const current = weights.find((w) => w.key === event.key);
      if (!current) return undefined;
      const met = criteriaMetBy(child, weights, current, config, zone);
      const owner = event.agency && HEALTH_AGENCIES.includes(event.agency) ? event.agency : 'health-visiting';
      const draft = finding(child, met, owner, now, config, world);
      return draft ? { findings: [draft] } : undefined;
    }
    if (wake?.key === 'regain-birth-weight') {
      const child = weighedChild(world.person(wake.subject));
      if (!child) return undefined;
      const met = birthWeightNotRegained(child, recordedWeights(world, child), now, config, zone);
      const draft = met ? finding(child, [met], 'health-visiting', now, config, world) : undefined;
      return draft ? { findings: [draft] } : undefined;
    }
    return undefined;
  },
});
