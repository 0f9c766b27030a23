import { z } from 'zod';
import type { ThreadEvent } from '../domain/events.ts';
import type { FindingDraft } from '../domain/findings.ts';
import { HOUR_MS, addMonths, formatDay } from '../domain/time.ts';
import { AGENCIES, DECISION_OUTCOMES, FINDING_CODES } from '../domain/vocabulary.ts';
import type { PersonState, WorldView } from '../engine/world-view.ts';
import { defineProtocol } from './protocol.ts';
import { isUnderMonths } from './support/age.ts';
import { cite } from './support/describe.ts';
import { childrenAround } from './support/family.ts';
import { familyAdults, relationTo, siblingsOf, siblingRemovals } from './support/vulnerability.ts';

const CODE = 'front-door-decision-needs-review';

const configSchema = z.strictObject({
  /** Decisions that close the front door on the family. */
  outcomes: z.array(z.enum(DECISION_OUTCOMES)).default(['no-further-action', 'signpost']),
  /** Agencies whose decisions are front-door decisions. */
  frontDoor: z.array(z.enum(AGENCIES)).default(['children-social-care', 'early-help']),
  /** CSPR 000: decisions "are now overseen by a qualified social worker". */
  requireQualified: z.boolean().default(true),
  /** Earlier referrals about the child, siblings or parents within this many months are history to weigh. */
  earlierReferralMonths: z.number().int().min(0).max(120).default(24),
  /** Open findings that are history the decision must weigh. */
  openFindings: z.array(z.enum(FINDING_CODES)).default(['pre-birth-assessment-indicated']),
  reviewWithinHours: z
    .number()
    .positive()
    .max(24 * 7)
    .default(24),
});
type Config = z.output<typeof configSchema>;

interface History {
  text: string;
  evidence: string[];
}

function isReferral(event: ThreadEvent): boolean {
  return (event.type === 'referral.made' && event.data.to === 'children-social-care') || event.type === 'referral.decision';
}

/** What the record held, when the decision was made, that the decision should have weighed. */
function knownHistory(
  world: WorldView,
  child: PersonState,
  decision: ThreadEvent<'referral.decision'>,
  config: Config,
  zone: string,
): History[] {
  const history: History[] = [];
  const adults = familyAdults(world, child.id);
  for (const adult of adults) {
    for (const event of world.eventsOf(adult, 'concern.recorded')) {
      if (event.type !== 'concern.recorded' || event.at > decision.at) continue;
      if (event.data.kind === 'care-experienced-parent') {
        history.push({
          text: `${relationTo(world, child.id, adult)}'s own care history (care-experienced parent${event.data.detail ? `: "${event.data.detail}"` : ''}), recorded by ${cite(event, zone)}`,
          evidence: [event.key],
        });
      } else if (event.data.kind === 'previous-child-removed') {
        history.push({
          text: `a previous child removed from ${relationTo(world, child.id, adult)}'s care, recorded by ${cite(event, zone)}`,
          evidence: [event.key],
        });
      }
    }
  }
  for (const removal of siblingRemovals(world, child.id, decision.at)) {
    history.push({ text: `a sibling ${removal.shows}, recorded by ${cite(removal.event, zone)}`, evidence: [removal.event.key] });
  }

  // Earlier referrals: before the referral this decision answers (the latest one before it).
  const people = [child.id, ...siblingsOf(world, child.id), ...adults];
  const records = [
    ...new Map(
      people
        .flatMap((id) => world.eventsOf(id))
        .filter((e) => isReferral(e) && e.at <= decision.at && e.key !== decision.key)
        .map((e) => [e.key, e]),
    ).values(),
  ].sort((a, b) => a.at - b.at || a.seq - b.seq);
  const answered = [...records].reverse().find((e) => e.type === 'referral.made' && people.includes(e.subject) && e.seq < decision.seq);
  const since = addMonths(decision.at, -config.earlierReferralMonths, zone);
  const earlier = records.filter((e) => e !== answered && e.at >= since && (!answered || e.seq < answered.seq));
  const referralsMade = earlier.filter((e) => e.type === 'referral.made');
  const decisionsWithoutReferral = earlier.filter(
    (e) => e.type === 'referral.decision' && !referralsMade.some((r) => r.subject === e.subject && r.at <= e.at),
  );
  for (const event of [...referralsMade, ...decisionsWithoutReferral]) {
    const about = relationTo(world, child.id, event.subject);
    const what = event.type === 'referral.decision' ? `a referral decided ${event.data.outcome.replaceAll('-', ' ')}` : 'a referral';
    history.push({
      text: `${what} about ${about === 'a family member' ? 'a sibling' : about}, ${event.type === 'referral.made' ? 'made' : 'recorded'} by ${cite(event, zone)}`,
      evidence: [event.key],
    });
  }
  for (const code of config.openFindings) {
    const open = world
      .findingsAbout(child.id)
      .filter((f) => f.code === code && f.raisedAt <= decision.at && (f.status === 'open' || f.status === 'acknowledged'));
    if (open.length === 0) continue;
    const days = open.map((f) => formatDay(f.raisedAt, zone)).join(' and ');
    history.push({
      text: `${open.length === 1 ? 'an open' : 'open'} ${code} finding${open.length === 1 ? '' : 's'} raised on ${days}`,
      evidence: [...new Set(open.flatMap((f) => f.evidence))],
    });
  }
  return history;
}

export const frontDoorDecisionNeedsReview = defineProtocol({
  id: CODE,
  version: '1.0.0',
  title: 'Front-door decision to close needs review',
  source:
    'Working Together to Safeguard Children 2023, ch. 2 (referrals: decisions by a qualified social worker within one working day, informed by the history and by agency checks); ' +
    'CSPR 000 KPE Three (Child D: an anonymous referral about an unborn baby closed by an unqualified child information and advice officer without weighing the mother\'s childhood on child protection plans; "All case decisions, made at the initial contact stage, are now overseen by a qualified social worker")',
  codes: [CODE],
  triggers: ['referral.decision'],
  configSchema,
  evaluate({ event, world, config, partnership, now }) {
    if (event?.type !== 'referral.decision' || !config.outcomes.includes(event.data.outcome)) return undefined;
    if (event.agency && !config.frontDoor.includes(event.agency)) return undefined;
    const zone = partnership.timezone;
    const unqualified = config.requireQualified && event.recordedBy?.qualified === false;
    const findings: FindingDraft[] = [];
    for (const child of childrenAround(world, event.data.person)) {
      if (child.role === 'child' && !isUnderMonths(child, event.at, 18 * 12, zone)) continue;
      const history = knownHistory(world, child, event, config, zone);
      if (!unqualified && history.length === 0) continue;
      const young = child.role === 'unborn' || isUnderMonths(child, event.at, 12, zone);
      const by = event.recordedBy
        ? `${event.recordedBy.role}${event.recordedBy.qualified === false ? ', not a qualified social worker' : ''}`
        : undefined;
      const about =
        child.id === event.data.person
          ? child.role === 'unborn'
            ? 'the unborn baby'
            : 'the child'
          : `${relationTo(world, child.id, event.data.person)} of ${child.role === 'unborn' ? 'an unborn baby' : 'a child'}`;
      const reasons = [
        ...(unqualified ? ['it was made by a worker who is not a qualified social worker'] : []),
        ...(history.length > 0 ? [`the record already held: ${history.map((h) => h.text).join('; ')}`] : []),
      ];
      findings.push({
        code: CODE,
        subject: child.id,
        dedupeKey: event.key,
        severity: young || (unqualified && history.length > 0) ? 'high' : 'medium',
        explanation:
          `The front door decided ${event.data.outcome.replaceAll('-', ' ')} on the referral about ${about} (${cite(event, zone)}${by ? `, recorded by a ${by}` : ''})` +
          `${event.data.rationale ? `, with the rationale "${event.data.rationale.replace(/[.\s]+$/, '')}"` : ''}. The decision needs review because ${reasons.join(', and ')}.`,
        evidence: [event.key, ...new Set(history.flatMap((h) => h.evidence))],
        action:
          "Children's social care: a qualified social work manager reviews the decision against the whole history, records the outcome and its reasons " +
          `(for an unborn baby, whether a pre-birth assessment is needed), and tells the referrer and the family's health visitor and midwife.`,
        owner: 'children-social-care',
        deadline: now + config.reviewWithinHours * HOUR_MS,
      });
    }
    return { findings };
  },
});
