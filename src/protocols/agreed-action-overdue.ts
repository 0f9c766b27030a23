import { z } from 'zod';
import { formatDay } from '../domain/time.ts';
import { AGREED_ACTIONS } from '../domain/vocabulary.ts';
import { defineProtocol } from './protocol.ts';
import {
  actionDue,
  actionOwner,
  actionState,
  describeAction,
  isCurrent,
  ownerText,
  type AgreedActionEvent,
} from './support/agreed-actions.ts';
import { cite } from './support/describe.ts';
import { childrenAround } from './support/family.ts';

const CODE = 'agreed-action-overdue';

/**
 * Follows every agreed action to its due date: unless it was met by the record its kind
 * implies (made by its owner after it was agreed), completed, or cancelled with a reason,
 * the owner is told it is overdue.
 *
 * An agreed referral to children's social care is already chased, sooner and as a high
 * severity finding, by safeguarding-referral-overdue; by default this protocol leaves it
 * there so that one missed referral raises one finding. A partnership that switches that
 * protocol off sets `chaseReferralsToChildrenSocialCare`.
 */
export const agreedActionOverdue = defineProtocol({
  id: CODE,
  version: '1.0.0',
  title: 'Agreed action not done by its date',
  source:
    'Working Together to Safeguard Children 2023, ch. 2 (plans set out actions, who is responsible and timescales; practitioners follow up what they agreed); ' +
    'SCR Jack (001) §4.8 and §5.6 (TARP decisions not entered on the case record, no tracking of agreed actions; now "actions agreed are tracked to ensure they are completed in a timely way"), Rec 7 (medical reports provided in a timely way); ' +
    'CSPR 000 KPE Four (Child D: the planned home visit did not happen); LCSPR 002 §7.5.5 ("It was agreed further information would be sought ... This was not actioned"), §8.1.8 (no agreed action plan)',
  codes: [CODE],
  triggers: ['action.agreed'],
  configSchema: z.strictObject({
    /** An action agreed with no date is chased after this many working days. */
    withoutDueWorkingDays: z.number().int().min(1).max(60).default(10),
    /** Working days the owner has to act on the finding. */
    responseWorkingDays: z.number().int().min(0).max(20).default(1),
    chaseReferralsToChildrenSocialCare: z.boolean().default(false),
    /** Actions whose omission endangers a child at once: raised as high severity. */
    highSeverityActions: z.array(z.enum(AGREED_ACTIONS)).default(['safety-plan', 'refer-to-children-social-care']),
  }),
  evaluate({ event, wake, world, config, partnership }) {
    const zone = partnership.timezone;
    const calendar = partnership.calendar;
    if (event?.type === 'action.agreed') {
      if (event.data.action === 'refer-to-children-social-care' && !config.chaseReferralsToChildrenSocialCare) return undefined;
      const due = actionDue(event, zone) ?? calendar.endOfWorkingDaysAfter(event.at, config.withoutDueWorkingDays);
      return { wakes: [{ at: due, subject: event.subject, key: `action:${event.key}`, cause: event.key }] };
    }
    if (!wake?.cause) return undefined;
    const action = world.event(wake.cause) as AgreedActionEvent | undefined;
    if (action?.type !== 'action.agreed' || !isCurrent(world, action)) return undefined;
    if (actionState(world, action, wake.at).state !== 'open') return undefined;
    const owner = actionOwner(action);
    const dueText =
      action.dueMs === undefined
        ? `no date was set; chased after ${config.withoutDueWorkingDays} working days`
        : `due ${formatDay(wake.at, zone)}`;
    return {
      findings: childrenAround(world, action.data.person).map((child) => ({
        code: CODE,
        subject: child.id,
        dedupeKey: action.key,
        severity: config.highSeverityActions.includes(action.data.action) ? ('high' as const) : ('medium' as const),
        explanation:
          `The action "${describeAction(action)}" agreed by ${cite(action, zone)} (${dueText}), owned by ${ownerText(owner)}, ` +
          `has not been recorded as done, met by a record of it, or cancelled with a reason.`,
        evidence: [action.key],
        action: `Do it now, or record why not: complete it, or cancel it with the reason and agree what happens instead with the family's other practitioners.`,
        owner: owner.agency,
        ownerName: owner.name,
        deadline: calendar.endOfWorkingDaysAfter(wake.at, config.responseWorkingDays),
      })),
    };
  },
});
