// Agreed actions and how they close: explicitly (action.completed / action.cancelled) or by
// the record the action's kind implies, made by the owner after it was agreed
// (shared/spec/scenarios.md, "Version 2 additions"). Used by agreed-action-overdue, the
// child's record and the owner's work list, so that all three say the same.
import type { ThreadEvent } from '../../domain/events.ts';
import { endOfLocalDay } from '../../domain/time.ts';
import type { Agency, AgreedAction, ContactKind } from '../../domain/vocabulary.ts';
import type { WorldView } from '../../engine/world-view.ts';
import { agencyName } from './describe.ts';

export type AgreedActionEvent = ThreadEvent<'action.agreed'>;

export interface ActionOwner {
  agency: Agency;
  name?: string;
}

export type ActionState =
  | { state: 'open' }
  | { state: 'completed' | 'cancelled'; by: ThreadEvent<'action.completed' | 'action.cancelled'> }
  | { state: 'met'; by: ThreadEvent };

/** Who owns the action: the named owner, or the agency that agreed it. */
export function actionOwner(action: AgreedActionEvent): ActionOwner {
  return action.data.owner ?? { agency: action.agency! };
}

export function ownerText(owner: ActionOwner): string {
  return owner.name ? `${owner.name} (${agencyName(owner.agency)})` : agencyName(owner.agency);
}

/** When the action is due: a bare date means the end of that day. */
export function actionDue(action: AgreedActionEvent, zone: string): number | undefined {
  if (action.dueMs === undefined) return undefined;
  return action.data.due!.length === 10 ? endOfLocalDay(action.dueMs, zone) : action.dueMs;
}

/** The action in words: "home visit", "referral to the feeding clinic", or what was agreed. */
export function describeAction(action: AgreedActionEvent): string {
  switch (action.data.action) {
    case 'referral':
      return `referral to ${agencyName(action.data.to)}`;
    case 'other':
      return action.data.detail ?? 'other action';
    default:
      return action.data.action.replaceAll('-', ' ');
  }
}

const VISITS: readonly ContactKind[] = ['home-visit', 'new-birth-visit', 'six-to-eight-week-review', 'one-year-review', 'two-year-review'];

/** Whether a record is the one the action's kind implies (the contract's list, exactly). */
export function impliedBy(action: AgreedAction, to: string | undefined, record: ThreadEvent): boolean {
  switch (action) {
    case 'home-visit':
      return record.type === 'contact' && VISITS.includes(record.data.kind);
    case 'weigh':
    case 'review-growth':
      return record.type === 'measurement' && record.data.kind === 'weight';
    case 'refer-to-children-social-care':
      return record.type === 'referral.made' && record.data.to === 'children-social-care';
    case 'referral':
      return record.type === 'referral.made' && record.data.to === to;
    case 'share-information':
      return record.type === 'information.shared';
    case 'follow-up-contact':
      return record.type === 'contact';
    case 'assessment':
      // The structured assessment record of the neglect additions.
      return (record.type as string) === 'assessment.recorded';
    case 'safety-plan':
    case 'other':
      // Nothing else shows these done: only an explicit completion closes them.
      return false;
  }
}

function isAfter(record: ThreadEvent, action: ThreadEvent): boolean {
  return record.at > action.at || (record.at === action.at && record.seq > action.seq);
}

/** Whether the action still stands in the record (a correction retracts the one it supersedes). */
export function isCurrent(world: WorldView, action: AgreedActionEvent): boolean {
  return world.eventsOf(action.data.person, 'action.agreed').some((e) => e.key === action.key);
}

/** The action's state at `at`: closed explicitly, met by an implied record, or open. */
export function actionState(world: WorldView, action: AgreedActionEvent, at: number): ActionState {
  const owner = actionOwner(action);
  for (const type of ['action.completed', 'action.cancelled'] as const) {
    const closure = world
      .eventsOf(action.data.person, type)
      .find((e) => e.type === type && e.data.action === action.key && e.at <= at && isAfter(e, action));
    if (closure) return { state: type === 'action.completed' ? 'completed' : 'cancelled', by: closure as ThreadEvent<typeof type> };
  }
  for (const record of world.eventsOf(action.data.person)) {
    if (record.at > at || record.agency !== owner.agency || !isAfter(record, action)) continue;
    if (impliedBy(action.data.action, action.data.to, record)) return { state: 'met', by: record };
  }
  return { state: 'open' };
}

/** Every agreed action about a child that still stands, with its state at `at`. */
export function agreedActionsOf(world: WorldView, personId: string, at: number): { action: AgreedActionEvent; state: ActionState }[] {
  return world
    .eventsOf(personId, 'action.agreed')
    .filter((e): e is AgreedActionEvent => e.type === 'action.agreed' && e.at <= at)
    .map((action) => ({ action, state: actionState(world, action, at) }));
}
