import type { Principal } from '../access/principal.ts';
import { DateTime } from 'luxon';
import { namedLeadFor } from '../protocols/support/allocations.ts';
import type { Services } from '../server/services.ts';

export interface CheckNotice {
  child: string;
  at: number;
  asker: Principal;
  /** The asking organisation and its setting, in words. */
  from: string;
  plans: readonly { label: string; localAuthority: string }[];
}

/**
 * Tells the social workers of each local authority that owns one of the child's plans that
 * unscheduled care asked about the child (CP-IS's notification), naming the allocated social
 * worker when there is one. A notification addressed to the organisation reaches only its
 * own social workers (src/access/notifications.ts).
 */
export async function notifyLocalAuthority(services: Services, notice: CheckNotice): Promise<void> {
  const allocated = namedLeadFor(services.store.engine.world, notice.child, 'children-social-care', notice.at);
  const when = DateTime.fromMillis(notice.at, { zone: services.zone }).toFormat("HH:mm 'on' d MMM yyyy");
  for (const authority of new Set(notice.plans.map((p) => p.localAuthority))) {
    const plans = notice.plans.filter((p) => p.localAuthority === authority).map((p) => p.label.toLowerCase());
    await services.db.query(
      'INSERT INTO notifications (for_role, for_organisation, kind, at, subject, actor, message) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [
        'social-worker',
        authority,
        'cp-is-check',
        new Date(notice.at).toISOString(),
        notice.child,
        notice.asker.userId,
        `${notice.from} checked CP-IS for ${notice.child} (${plans.join(', ')}) at ${when}: the child is attending unscheduled care.${
          allocated
            ? ` For the allocated social worker, ${allocated.name}.`
            : ' No social worker is allocated: the duty team should follow it up.'
        }`,
      ],
    );
  }
}
