import { z } from 'zod';
import { DAY_MS, addMonths, endOfLocalDay, formatDay } from '../domain/time.ts';
import { CONCERN_KINDS } from '../domain/vocabulary.ts';
import type { WorldView } from '../engine/world-view.ts';
import {
  describeWeight,
  recordedWeights,
  weighedChild,
  weightSds,
  weightsUpTo,
  type RecordedWeight,
  type WeighedChild,
} from './faltering-growth-weights.ts';
import { defineProtocol, type ProtocolResult } from './protocol.ts';
import { agencyName } from './support/describe.ts';

const CODE = 'growth-not-monitored';

interface Config {
  concernLastsDays: number;
  firstWeightByDays: number;
  reviewWeightFromDays: number;
  underWeeks: number;
  gapUnderWeeksDays: number;
  concernUnderMonths: number;
  gapWithConcernDays: number;
  concernKinds: string[];
  weighWithinDays: number;
}

interface GrowthConcern {
  at: number;
  key: string;
  text: string;
}

/**
 * The latest growth concern up to `now`: a faltering-growth finding or a feeding concern,
 * for as long as it lasts (a concern followed by months of normal weights has passed).
 */
function latestConcern(world: WorldView, child: WeighedChild, now: number, config: Config, zone: string): GrowthConcern | undefined {
  let latest: GrowthConcern | undefined;
  const since = now - config.concernLastsDays * DAY_MS;
  for (const finding of world.findingsAbout(child.person.id)) {
    if (finding.code !== 'faltering-growth' || finding.raisedAt > now || finding.raisedAt < since) continue;
    if (!latest || finding.raisedAt >= latest.at) {
      latest = {
        at: finding.raisedAt,
        key: finding.evidence.at(-1) ?? finding.id,
        text: `faltering growth was found on ${formatDay(finding.raisedAt, zone)}`,
      };
    }
  }
  for (const event of world.eventsOf(child.person.id, 'concern.recorded')) {
    if (event.type !== 'concern.recorded' || event.at > now || event.at < since || !config.concernKinds.includes(event.data.kind)) continue;
    if (!latest || event.at >= latest.at) {
      latest = {
        at: event.at,
        key: event.key,
        text: `${event.data.kind.replaceAll('-', ' ')} was recorded by ${agencyName(event.agency)} on ${formatDay(event.at, zone)}`,
      };
    }
  }
  return latest;
}

interface WeighingDue {
  at: number;
  since?: RecordedWeight;
  sinceAt: number;
  concern?: GrowthConcern;
  rules: ('young' | 'review' | 'concern')[];
}

/** When the next weight is due under either rule, as things stand at `now`; undefined when neither applies. */
function weighingDue(world: WorldView, child: WeighedChild, now: number, config: Config, zone: string): WeighingDue | undefined {
  const born = child.bornMs;
  const weights = weightsUpTo(recordedWeights(world, child), now);
  const since = weights.at(-1);
  const sinceAt = since?.at ?? Math.max(born, child.person.firstRecordedAt);
  let dueAt = Number.POSITIVE_INFINITY;
  const rules: WeighingDue['rules'] = [];

  // A young baby is followed closely until birth weight is regained: the first weight
  // after birth is due by the regain deadline, and then at the configured gap. Once
  // regained, the next weight is the 6–8 week review's, due by 8 weeks.
  const birthWeight = child.person.birthWeightKg;
  let weighedSinceBirth = false;
  let regained = false;
  for (const w of weights) {
    if (w.isBirthWeight) continue;
    weighedSinceBirth = true;
    if (birthWeight !== undefined && w.kg >= birthWeight) regained = true;
  }
  if (!regained) {
    const youngDue = !weighedSinceBirth
      ? endOfLocalDay(Math.max(born + config.firstWeightByDays * DAY_MS, sinceAt + config.gapUnderWeeksDays * DAY_MS), zone)
      : endOfLocalDay(sinceAt + config.gapUnderWeeksDays * DAY_MS, zone);
    if (youngDue < born + config.underWeeks * 7 * DAY_MS) {
      dueAt = youngDue;
      rules.push('young');
    }
  } else {
    const reviewDue = endOfLocalDay(born + config.underWeeks * 7 * DAY_MS, zone);
    if (now <= reviewDue && sinceAt < born + config.reviewWeightFromDays * DAY_MS) {
      dueAt = reviewDue;
      rules.push('review');
    }
  }

  const concern = latestConcern(world, child, now, config, zone);
  if (concern) {
    // A concern recorded long after the last weight gives the rest of that day to weigh.
    const concernDue = Math.max(endOfLocalDay(sinceAt + config.gapWithConcernDays * DAY_MS, zone), endOfLocalDay(concern.at, zone));
    if (concernDue <= dueAt && concernDue < addMonths(born, config.concernUnderMonths, zone)) {
      if (concernDue < dueAt) rules.length = 0;
      dueAt = concernDue;
      rules.push('concern');
    }
  }
  if (rules.length === 0) return undefined;
  return { at: dueAt, since, sinceAt, concern, rules };
}

function overdueFinding(child: WeighedChild, due: WeighingDue, now: number, config: Config, zone: string): ProtocolResult {
  const days = Math.floor((now - due.sinceAt) / DAY_MS);
  const last = due.since
    ? `since the ${describeWeight(child, due.since, weightSds(child, due.since), zone)}`
    : `since the child became known to the record on ${formatDay(due.sinceAt, zone)}`;
  const reasons: string[] = [];
  if (due.rules.includes('young'))
    reasons.push(
      `a baby under ${config.underWeeks} weeks who has not yet regained birth weight should be weighed by day ${config.firstWeightByDays} and then at least every ${config.gapUnderWeeksDays} days until it is regained`,
    );
  if (due.rules.includes('review')) reasons.push(`a baby should be weighed at the 6–8 week review, by ${config.underWeeks} weeks`);
  if (due.rules.includes('concern') && due.concern) {
    reasons.push(
      `${due.concern.text}, and a child under ${config.concernUnderMonths} months with a growth concern should be weighed at least every ${config.gapWithConcernDays} days`,
    );
  }
  return {
    findings: [
      {
        code: CODE,
        subject: child.person.id,
        dedupeKey: `since:${due.since?.key ?? 'record'}`,
        severity: due.rules.includes('concern') ? 'high' : 'medium',
        explanation: `No weight has been recorded for ${days} days, ${last}. ${reasons.map((r) => r[0].toUpperCase() + r.slice(1)).join('. ')}.`,
        evidence: [...(due.since ? [due.since.key] : []), ...(due.rules.includes('concern') && due.concern ? [due.concern.key] : [])],
        action: `Health visiting: see and weigh the child (undressed, on calibrated scales) within ${config.weighWithinDays} days and plot it on the UK-WHO chart; if the family cannot be reached, follow the no-access and was-not-brought procedures.`,
        owner: 'health-visiting',
        deadline: now + config.weighWithinDays * DAY_MS,
      },
    ],
  };
}

export const growthNotMonitored = defineProtocol({
  id: CODE,
  version: '1.3.0',
  title: 'Growth not monitored',
  source:
    'NICE NG75 Faltering growth (2017): early weight loss and regain of birth weight by 3 weeks can only be judged from weights in the first weeks (1.2), ' +
    'and once there is concern about growth or feeding, weight is monitored to a plan (1.3; intervals no shorter than daily under 1 month, weekly from 1 to 6 months, fortnightly from 6 to 12 months); ' +
    'NICE NG194 Postnatal care (2021): weigh at birth, around day 5 and around day 10; Healthy Child Programme 0–19: weights at the new birth visit (10–14 days) and 6–8 week review. ' +
    "Defaults: under 8 weeks and until birth weight is regained, a first weight after birth by day 21 (NG75 1.2: back to birth weight by 3 weeks, which cannot be judged without one) and then no more than 14 days between weights; once regained, the next weight is the one at the 6–8 week review, by 8 weeks (UK-WHO chart instructions: healthy babies need only be weighed at routine contacts); under 1 year with a growth concern no more than 28 days (NG75's longest interval in the first 6 months is weekly, so 4 weeks without a weight means no plan is being followed). " +
    'CSPR 002 (Child Two: no weight from 2 weeks to 2 months while falling from the 25th to the 0.4th centile); CSPR 000 (Child D: monitoring after a 2-centile drop unclear)',
  codes: [CODE],
  triggers: ['birth', 'person.recorded', 'measurement', 'concern.recorded', 'finding'],
  configSchema: z.strictObject({
    firstWeightByDays: z.number().int().min(5).max(28).default(21),
    /** A growth concern calls for closer weighing for this long after it was recorded. */
    concernLastsDays: z.number().int().min(14).max(365).default(90),
    /** A weight from this age on counts as the 6–8 week review's. */
    reviewWeightFromDays: z.number().int().min(14).max(56).default(28),
    underWeeks: z.number().int().min(2).max(26).default(8),
    gapUnderWeeksDays: z.number().int().min(3).max(56).default(14),
    concernUnderMonths: z.number().int().min(1).max(60).default(12),
    gapWithConcernDays: z.number().int().min(3).max(90).default(28),
    concernKinds: z.array(z.enum(CONCERN_KINDS)).default(['feeding-difficulty']),
    weighWithinDays: z.number().int().min(0).max(14).default(2),
  }),
  evaluate({ event, wake, finding, world, config, partnership, now }) {
    const zone = partnership.timezone;
    let subject: string | undefined;
    if (wake) subject = wake.subject;
    else if (finding) subject = finding.code === 'faltering-growth' ? finding.subject : undefined;
    else if (event?.type === 'birth') subject = event.data.child;
    else if (event?.type === 'person.recorded') subject = event.data.role === 'child' ? event.data.person : undefined;
    else if (event?.type === 'measurement') subject = event.data.kind === 'weight' ? event.data.person : undefined;
    else if (event?.type === 'concern.recorded') subject = config.concernKinds.includes(event.data.kind) ? event.data.person : undefined;
    const child = weighedChild(subject === undefined ? undefined : world.person(subject));
    if (!child) return undefined;

    const due = weighingDue(world, child, now, config, zone);
    if (!due) return undefined;
    if (due.at <= now && wake) return overdueFinding(child, due, now, config, zone);
    // Already due when a record arrives (a history imported late): the deadline is judged as a
    // wake-up, once everything arriving with this record is in (Engine.record holds it back).
    return { wakes: [{ at: due.at, subject: child.person.id, key: `weigh-by:${due.at}`, cause: due.since?.key }] };
  },
});
