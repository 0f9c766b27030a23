import type { ThreadEvent } from '../../domain/events.ts';
import { receivingAgency, type Agency } from '../../domain/vocabulary.ts';
import type { WorldView } from '../../engine/world-view.ts';
import { acknowledgementOf, requiresAcknowledgement } from '../../protocols/information-not-acknowledged.ts';
import {
  actionDue,
  actionOwner,
  actionState,
  describeAction,
  isCurrent,
  type ActionState,
  type AgreedActionEvent,
} from '../../protocols/support/agreed-actions.ts';
import { allocationHistory, type Allocation } from '../../protocols/support/allocations.ts';
import { agencyName } from '../../protocols/support/describe.ts';

// Read views of the loops a child's record holds open or closed: agreed actions with their
// state, information waiting for the receiver's acknowledgement, who is named for the
// child. The same support functions decide them as the protocols, so pages and findings agree.

export interface AgreedActionView {
  id: string;
  subject: string;
  action: string;
  agreedAt: number;
  agreedBy: string;
  due?: number;
  owner: Agency;
  ownerName: string;
  ownerPerson?: string;
  state: ActionState['state'];
  /** The record that met or closed it, and when. */
  closedBy?: { id: string; type: string; at: number; reason?: string };
  overdue: boolean;
}

export function agreedActionView(world: WorldView, action: AgreedActionEvent, now: number, zone: string): AgreedActionView {
  const owner = actionOwner(action);
  const state = actionState(world, action, now);
  const due = actionDue(action, zone);
  return {
    id: action.key,
    subject: action.subject,
    action: describeAction(action),
    agreedAt: action.at,
    agreedBy: agencyName(action.agency),
    due,
    owner: owner.agency,
    ownerName: agencyName(owner.agency),
    ownerPerson: owner.name,
    state: state.state,
    closedBy:
      state.state === 'open'
        ? undefined
        : {
            id: state.by.key,
            type: state.by.type,
            at: state.by.at,
            reason: state.by.type === 'action.cancelled' ? state.by.data.reason : undefined,
          },
    overdue: state.state === 'open' && due !== undefined && due < now,
  };
}

/** Every agreed action about the person that still stands, newest first. */
export function agreedActionsAbout(world: WorldView, personId: string, now: number, zone: string): AgreedActionView[] {
  return (world.eventsOf(personId, 'action.agreed') as AgreedActionEvent[])
    .filter((a) => isCurrent(world, a))
    .map((a) => agreedActionView(world, a, now, zone))
    .sort((a, b) => b.agreedAt - a.agreedAt);
}

export interface AwaitingAcknowledgement {
  id: string;
  subject: string;
  from: string;
  to: string;
  kind?: string;
  content: string[];
  sharedAt: number;
}

/** A share that waits for the receiver's acknowledgement, and whether it is for `agency` to give. */
export function awaitingAcknowledgement(
  world: WorldView,
  shared: ThreadEvent<'information.shared'>,
  now: number,
): AwaitingAcknowledgement | undefined {
  if (!requiresAcknowledgement(shared) || acknowledgementOf(world, shared, now)) return undefined;
  return {
    id: shared.key,
    subject: shared.subject,
    from: agencyName(shared.agency),
    to: `${agencyName(shared.data.to)}${shared.data.area ? ` in ${shared.data.area}` : ''}`,
    kind: shared.data.kind,
    content: shared.data.content ?? [],
    sharedAt: shared.at,
  };
}

export function isFor(shared: ThreadEvent<'information.shared'>, agency: Agency): boolean {
  return receivingAgency(shared.data.to) === agency;
}

export interface AllocationView extends Allocation {
  agencyName: string;
  current: boolean;
}

/** Who has been named for the child, newest first, current ones marked. */
export function allocationsOf(world: WorldView, childId: string, now: number): AllocationView[] {
  return allocationHistory(world, childId, now)
    .map((a) => ({ ...a, agencyName: agencyName(a.agency), current: !a.ended }))
    .reverse();
}

export interface EscalationView {
  id: string;
  stage: number;
  raisedBy: string;
  raisedWith: string;
  about: string;
  raisedAt: number;
  resolved?: { at: number; outcome: string };
  /** Taken further: the id of the next stage's escalation. */
  followedBy?: string;
}

/** The child's escalations, newest first, each with its resolution or its next stage. */
export function escalationsAbout(world: WorldView, personId: string, now: number): EscalationView[] {
  const raised = (world.eventsOf(personId, 'escalation.raised') as ThreadEvent<'escalation.raised'>[]).filter((e) => e.at <= now);
  const resolutions = (world.eventsOf(personId, 'escalation.resolved') as ThreadEvent<'escalation.resolved'>[]).filter((e) => e.at <= now);
  return raised
    .map((e) => {
      const resolution = resolutions.find((r) => r.data.of === e.key);
      const next = raised.find((later) => later.data.follows === e.key);
      return {
        id: e.key,
        stage: e.data.stage,
        raisedBy: agencyName(e.agency),
        raisedWith: agencyName(e.data.to),
        about: e.data.about,
        raisedAt: e.at,
        resolved: resolution ? { at: resolution.at, outcome: resolution.data.outcome } : undefined,
        followedBy: next?.key,
      };
    })
    .reverse();
}
