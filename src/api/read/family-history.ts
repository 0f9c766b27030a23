import type { ThreadEvent } from '../../domain/events.ts';
import type { WorldView } from '../../engine/world-view.ts';
import { recordCircle } from '../../access/need-to-know.ts';
import { describeEvent } from '../../chronology/describe-event.ts';
import { agencyName } from '../../protocols/support/describe.ts';
import type { PersonLabels } from './person-labels.ts';

export interface HistoryItem {
  key: string;
  at: number;
  person: string;
  personName: string;
  agencyName: string;
  summary: string;
}

/** What a front-door worker must see beside a referral: the family's own history. */
export interface FamilyHistory {
  /** A parent's own childhood: looked after, on a plan, adverse experiences. */
  parentsChildhood: HistoryItem[];
  /** Children removed before, or siblings looked after or on care orders. */
  childrenRemoved: HistoryItem[];
  /** Earlier referrals about anyone in the household, and what was decided. */
  referralsAndDecisions: HistoryItem[];
  /** Plans open now on anyone in the household. */
  openPlans: HistoryItem[];
}

const CHILDHOOD = new Set(['care-experienced-parent', 'adverse-childhood-experiences']);
const REMOVAL_PLANS = new Set(['looked-after', 'interim-care-order']);

export function familyHistory(world: WorldView, childId: string, zone: string, labels: PersonLabels, before = Infinity): FamilyHistory {
  const history: FamilyHistory = { parentsChildhood: [], childrenRemoved: [], referralsAndDecisions: [], openPlans: [] };
  const seen = new Set<string>();
  const item = (event: ThreadEvent, person: string): HistoryItem => ({
    key: event.key,
    at: event.at,
    person,
    personName: labels.name(person),
    agencyName: agencyName(event.agency),
    summary: describeEvent(event, zone, labels),
  });
  for (const id of recordCircle(world, childId)) {
    for (const event of world.eventsOf(id)) {
      if (event.at > before || seen.has(event.key)) continue;
      seen.add(event.key);
      if (event.type === 'concern.recorded' && CHILDHOOD.has(event.data.kind)) history.parentsChildhood.push(item(event, id));
      else if (event.type === 'concern.recorded' && event.data.kind === 'previous-child-removed')
        history.childrenRemoved.push(item(event, id));
      else if (event.type === 'plan.started' && REMOVAL_PLANS.has(event.data.kind) && id !== childId)
        history.childrenRemoved.push(item(event, id));
      else if (event.type === 'referral.made' || event.type === 'referral.decision') history.referralsAndDecisions.push(item(event, id));
    }
    for (const plan of world.person(id)?.openPlans.values() ?? []) history.openPlans.push(item(plan, id));
  }
  for (const list of Object.values(history)) (list as HistoryItem[]).sort((a, b) => a.at - b.at);
  return history;
}

export function historyCount(history: FamilyHistory): number {
  return history.parentsChildhood.length + history.childrenRemoved.length + history.referralsAndDecisions.length + history.openPlans.length;
}
