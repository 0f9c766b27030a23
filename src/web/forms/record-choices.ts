import type { ThreadEvent } from '../../domain/events.ts';
import { formatDay } from '../../domain/time.ts';
import type { Agency } from '../../domain/vocabulary.ts';
import type { WorldView } from '../../engine/world-view.ts';
import { agreedActionsAbout, awaitingAcknowledgement, isFor } from '../../api/read/loop-views.ts';
import { agencyName } from '../../protocols/support/describe.ts';
import type { Option, RecordChoice } from './event-forms.ts';

/** The child's earlier records a form may answer: open actions, unacknowledged shares, referrals, open escalations. */
export function recordChoices(
  world: WorldView,
  personId: string,
  choice: RecordChoice,
  agency: Agency,
  now: number,
  zone: string,
): Option[] {
  switch (choice) {
    case 'open-action':
      return agreedActionsAbout(world, personId, now, zone)
        .filter((a) => a.state === 'open')
        .map((a) => ({
          value: a.id,
          text: `${a.action}: ${a.ownerPerson ? `${a.ownerPerson}, ` : ''}${a.ownerName}${a.due ? `, due ${formatDay(a.due, zone)}` : ''}`,
        }));
    case 'awaiting-acknowledgement':
      return (world.eventsOf(personId, 'information.shared') as ThreadEvent<'information.shared'>[])
        .filter((e) => isFor(e, agency) && awaitingAcknowledgement(world, e, now))
        .map((e) => ({
          value: e.key,
          text: `${(e.data.kind ?? 'information').replaceAll('-', ' ')} from ${agencyName(e.agency)}, ${formatDay(e.at, zone)}`,
        }));
    case 'referral':
      return (world.eventsOf(personId, 'referral.made') as ThreadEvent<'referral.made'>[])
        .filter((e) => e.data.to !== 'children-social-care')
        .map((e) => ({ value: e.key, text: `Referral to ${agencyName(e.data.to)} by ${agencyName(e.agency)}, ${formatDay(e.at, zone)}` }));
    case 'open-escalation': {
      const resolved = new Set(
        world.eventsOf(personId, 'escalation.resolved').map((e) => (e as ThreadEvent<'escalation.resolved'>).data.of),
      );
      return (world.eventsOf(personId, 'escalation.raised') as ThreadEvent<'escalation.raised'>[])
        .filter((e) => !resolved.has(e.key))
        .map((e) => ({
          value: e.key,
          text: `Stage ${e.data.stage}, ${agencyName(e.agency)} with ${agencyName(e.data.to)}: ${e.data.about}`,
        }));
    }
  }
}
