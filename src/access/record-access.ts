import type { WorldView } from '../engine/world-view.ts';
import type { World } from '../engine/world.ts';
import type { AccessGrants } from './access-grants.ts';
import { accessCircle, organisationInvolved } from './need-to-know.ts';
import type { Principal } from './principal.ts';
import { can } from './roles.ts';

export type AccessDecision =
  | {
      allowed: true;
      via: 'all-records' | 'need-to-know' | 'break-glass';
      /** The record as this user may see it: through confirmed identity links only under need-to-know. */
      view: WorldView;
    }
  | { allowed: false; reason: string; mayBreakGlass: boolean };

export const NOT_INVOLVED = 'your organisation is not involved with this child or their household';

/**
 * Whether a user may see (and so write about) a person's record: every record for the
 * front door and safeguarding leads; otherwise when the user's organisation has a
 * recorded involvement with the person's family (need-to-know), or through a current
 * break-glass grant. Under need-to-know the record is shown through practitioner-confirmed
 * identity links only, so an automatic link shows no more than it grants.
 */
export class RecordAccess {
  constructor(
    private readonly world: World,
    private readonly grants: AccessGrants,
  ) {}

  async decide(principal: Principal, personId: string): Promise<AccessDecision> {
    if (!can(principal.role, 'record.read')) {
      return { allowed: false, reason: 'your role does not give access to individual records', mayBreakGlass: false };
    }
    if (can(principal.role, 'record.read-all')) return { allowed: true, via: 'all-records', view: this.world };
    if (organisationInvolved(this.world, principal.organisation, personId))
      return { allowed: true, via: 'need-to-know', view: this.world.confirmedLinksOnly() };
    if (await this.grants.holds(principal.userId, accessCircle(this.world, personId)))
      return { allowed: true, via: 'break-glass', view: this.world };
    return { allowed: false, reason: NOT_INVOLVED, mayBreakGlass: can(principal.role, 'break-glass') };
  }

  /**
   * Who this user may see named, decided as \`decide\` decides (need-to-know, or a current
   * break-glass grant on the person's family), with the grants read once, so that a page
   * naming many people asks the database once.
   */
  async mayKnowFor(principal: Principal): Promise<(personId: string) => boolean> {
    if (!can(principal.role, 'record.read')) return () => false;
    if (can(principal.role, 'record.read-all')) return () => true;
    const granted = await this.grants.subjectsHeldBy(principal.userId);
    return (personId) =>
      organisationInvolved(this.world, principal.organisation, personId) ||
      (granted.size > 0 && accessCircle(this.world, personId).some((id) => granted.has(id)));
  }

  /** Synchronous need-to-know only (lists and search results): no grants consulted. */
  knows(principal: Principal, personId: string): boolean {
    if (can(principal.role, 'record.read-all')) return true;
    return can(principal.role, 'record.read') && organisationInvolved(this.world, principal.organisation, personId);
  }
}
