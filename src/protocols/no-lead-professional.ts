import { z } from 'zod';
import type { Finding, FindingDraft } from '../domain/findings.ts';
import { formatDay } from '../domain/time.ts';
import { ALLOCATION_ROLES, PLAN_KINDS, type Agency, type AllocationRole } from '../domain/vocabulary.ts';
import type { PersonState, WorldView } from '../engine/world-view.ts';
import { defineProtocol, type PartnershipContext, type WakeRequest } from './protocol.ts';
import { isUnderMonths } from './support/age.ts';
import { allocationHistory, currentAllocations } from './support/allocations.ts';
import { cite } from './support/describe.ts';
import { childrenAround } from './support/family.ts';

const CODE = 'no-lead-professional';
const roles = z.array(z.enum(ALLOCATION_ROLES)).min(1);

const configSchema = z.strictObject({
  windowWorkingDays: z.number().int().min(0).max(60).default(5),
  responseWorkingDays: z.number().int().min(0).max(20).default(1),
  /** Who may hold a child on each kind of plan. */
  planRoles: z.record(z.enum(PLAN_KINDS), roles).default({
    'early-help': ['lead-professional', 'family-practitioner', 'social-worker'],
    'child-in-need': ['social-worker', 'lead-professional'],
    'child-protection': ['social-worker', 'lead-professional'],
    'unborn-child-protection': ['social-worker', 'lead-professional'],
    'looked-after': ['social-worker', 'lead-professional'],
    'interim-supervision-order': ['social-worker', 'lead-professional'],
    'interim-care-order': ['social-worker', 'lead-professional'],
  }),
  /** Who may hold a child on a Universal Plus or Universal Partnership Plus offer. */
  enhancedOfferRoles: roles.default(['health-visitor', 'lead-professional']),
  /** A baby under this age (or unborn) with an open high-severity finding needs someone named. */
  babyUnderMonths: z.number().int().min(1).max(24).default(12),
});
type Config = z.output<typeof configSchema>;

/** Something about the child that needs a named practitioner, since when, and who may hold it. */
interface Involvement {
  id: string;
  text: string;
  since: number;
  roles: readonly AllocationRole[];
  evidence: string;
  /** Who must name someone: the service that holds that involvement. */
  owner: Agency;
}

function involvements(world: WorldView, child: PersonState, at: number, config: Config, zone: string): Involvement[] {
  const needs: Involvement[] = [];
  for (const [kind, plan] of child.openPlans) {
    const planRoles = config.planRoles[kind];
    if (plan.at <= at && planRoles)
      needs.push({
        id: `plan:${kind}`,
        text: `on a ${kind.replaceAll('-', ' ')} plan`,
        since: plan.at,
        roles: planRoles,
        evidence: plan.key,
        owner: kind === 'early-help' ? 'early-help' : 'children-social-care',
      });
  }
  if (child.serviceLevel === 'universal-plus' || child.serviceLevel === 'universal-partnership-plus') {
    const set = world.eventsOf(child.id, 'service-level.set').at(-1);
    if (set && set.at <= at)
      needs.push({
        id: 'offer',
        text: `on the ${child.serviceLevel.replaceAll('-', ' ')} health visiting offer`,
        since: set.at,
        roles: config.enhancedOfferRoles,
        evidence: set.key,
        owner: 'health-visiting',
      });
  }
  if (child.role === 'unborn' || isUnderMonths(child, at, config.babyUnderMonths, zone)) {
    const serious = world
      .findingsAbout(child.id)
      .filter(
        (f: Finding) =>
          f.severity === 'high' && f.code !== CODE && (f.status === 'open' || f.status === 'acknowledged') && f.raisedAt <= at,
      )
      .sort((a, b) => a.raisedAt - b.raisedAt)[0];
    if (serious)
      needs.push({
        id: 'finding',
        text: `a baby with an open high-severity finding (${serious.code.replaceAll('-', ' ')}, raised ${formatDay(serious.raisedAt, zone)})`,
        since: serious.raisedAt,
        roles: ALLOCATION_ROLES,
        evidence: serious.evidence[0] ?? serious.id,
        // Every baby has a health visitor by right (the Healthy Child Programme); social care
        // names its own worker for what it owns.
        owner: serious.owner === 'children-social-care' ? 'children-social-care' : 'health-visiting',
      });
  }
  return needs;
}

/** When the child's gap for this involvement began: its start, or the end of the last allocation that covered it. */
function gapSince(world: WorldView, childId: string, need: Involvement, at: number): number | undefined {
  const history = allocationHistory(world, childId, at).filter((a) => need.roles.includes(a.role));
  if (history.some((a) => !a.ended)) return undefined;
  return Math.max(need.since, ...history.map((a) => a.ended!.at));
}

function check(world: WorldView, child: PersonState, at: number, config: Config, partnership: PartnershipContext) {
  const wakes: WakeRequest[] = [];
  for (const need of involvements(world, child, at, config, partnership.timezone)) {
    const since = gapSince(world, child.id, need, at);
    if (since === undefined) continue;
    const due = partnership.calendar.endOfWorkingDaysAfter(since, config.windowWorkingDays);
    if (due > at) {
      wakes.push({ at: due, subject: child.id, key: `${child.id}:${need.id}:${since}`, cause: need.id });
      continue;
    }
    return { need, since, due };
  }
  return { wakes };
}

/**
 * A child who needs more than the universal offer needs someone named to hold the picture.
 * A child on a plan, on an enhanced health visiting offer, or a baby with an open
 * high-severity finding, with nobody allocated for that involvement for longer than the
 * window (including after an allocation ends with no successor), raises this finding.
 */
export const noLeadProfessional = defineProtocol({
  id: CODE,
  version: '1.0.0',
  title: 'No named lead professional',
  source:
    'Working Together to Safeguard Children 2023, ch. 2 and 3 (a lead practitioner for early help; a named social worker for children in need and on plans); Healthy Child Programme (a named health visitor for Universal Plus and Partnership Plus); ' +
    'LCSPR 002 §8.3.4 ("there had not been a consistent Health Visitor for the first 16 months of Child One\'s life"), §8.5.5 ("a lack of ownership and no one officer took responsibility"), §8.5.9 (the "start again approach"); CSPR 000 KPE Four (the HV\'s leave and limited capacity)',
  codes: [CODE],
  triggers: ['plan.started', 'service-level.set', 'allocation.ended', 'finding'],
  configSchema,
  evaluate({ event, wake, finding, world, config, partnership, now }) {
    const subject = event?.subject ?? finding?.subject ?? wake?.subject;
    if (subject === undefined) return undefined;
    if (finding && (finding.severity !== 'high' || finding.code === CODE)) return undefined;
    const zone = partnership.timezone;
    const wakes: WakeRequest[] = [];
    const findings: FindingDraft[] = [];
    for (const child of childrenAround(world, subject)) {
      const result = check(world, child, now, config, partnership);
      if ('wakes' in result) {
        wakes.push(...(result.wakes ?? []));
        continue;
      }
      if (world.openFinding(CODE, child.id)) continue;
      const { need, since } = result;
      const ended = allocationHistory(world, child.id, now).filter((a) => need.roles.includes(a.role) && a.ended?.at === since)[0];
      const basis = world.event(need.evidence);
      const others = currentAllocations(world, child.id, now);
      findings.push({
        code: CODE,
        subject: child.id,
        dedupeKey: `${need.id}:${since}`,
        severity: need.id === 'offer' ? ('medium' as const) : ('high' as const),
        explanation:
          `The child is ${need.text}${basis ? ` (recorded by ${cite(basis, zone)})` : ''}, and nobody has been named as ${need.roles.map((r) => r.replaceAll('-', ' ')).join(' or ')} ` +
          (ended
            ? `since ${ended.name}'s allocation ended on ${formatDay(ended.ended!.at, zone)} (${ended.ended!.reason})`
            : `since ${formatDay(since, zone)}`) +
          `: more than ${config.windowWorkingDays} working days.` +
          (others.length ? ` Currently named: ${others.map((a) => `${a.name} (${a.role.replaceAll('-', ' ')})`).join(', ')}.` : ''),
        evidence: [...new Set([need.evidence, ...(ended ? [ended.ended!.key] : [])])],
        action:
          'Name the practitioner who holds this child (record the allocation), or, if nobody can be allocated, tell the service manager today.',
        owner: need.owner,
        deadline: partnership.calendar.endOfWorkingDaysAfter(now, config.responseWorkingDays),
      });
    }
    return { findings, wakes };
  },
});
