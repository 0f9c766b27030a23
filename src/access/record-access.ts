import type { WorldView } from '../engine/world-view.ts';
import type { AccessGrants } from './access-grants.ts';
import { agencyInvolved, recordCircle } from './need-to-know.ts';
import type { Principal } from './principal.ts';
import { can } from './roles.ts';

export type AccessDecision =
  { allowed: true; via: 'all-records' | 'need-to-know' | 'break-glass' } | { allowed: false; reason: string; mayBreakGlass: boolean };

/**
 * Whether a user may see a person's record: every record for the front door and
 * safeguarding leads; otherwise when the user's agency is involved with the person or
 * their household, or through a current break-glass grant.
 */
export class RecordAccess {
  constructor(
    private readonly world: WorldView,
    private readonly grants: AccessGrants,
  ) {}

  async decide(principal: Principal, personId: string): Promise<AccessDecision> {
    if (!can(principal.role, 'record.read')) {
      return { allowed: false, reason: 'your role does not give access to individual records', mayBreakGlass: false };
    }
    if (can(principal.role, 'record.read-all')) return { allowed: true, via: 'all-records' };
    if (agencyInvolved(this.world, principal.agency, personId)) return { allowed: true, via: 'need-to-know' };
    if (await this.grants.holds(principal.userId, recordCircle(this.world, personId))) return { allowed: true, via: 'break-glass' };
    return {
      allowed: false,
      reason: 'your agency is not involved with this child or their household',
      mayBreakGlass: can(principal.role, 'break-glass'),
    };
  }

  /** Synchronous need-to-know only (lists and search results): no grants consulted. */
  knows(principal: Principal, personId: string): boolean {
    if (can(principal.role, 'record.read-all')) return true;
    return can(principal.role, 'record.read') && agencyInvolved(this.world, principal.agency, personId);
  }
}
