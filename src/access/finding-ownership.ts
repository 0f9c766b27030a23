import type { Organisation } from '../config/organisations.ts';
import type { Finding } from '../domain/findings.ts';
import type { World } from '../engine/world.ts';
import { accessCircle } from './need-to-know.ts';
import type { Principal } from './principal.ts';

/** What a finding's owner records: the steps that change its status. */
export const OWNER_STEPS = ['acknowledged', 'actioned', 'closed', 'reopened'] as const;
/** What anyone who may see the child adds: a note, or a challenge (the finding is wrong, or the owner is not acting). */
export const COMMENTS = ['noted', 'challenged'] as const;
export const FINDING_ACTION_KINDS = [...OWNER_STEPS, ...COMMENTS] as const;
export type FindingActionKind = (typeof FINDING_ACTION_KINDS)[number];

/**
 * The organisation that owns a finding. A protocol names the owner's agency type (the
 * GP, health visiting); the owner is the organisation of that type most recently
 * involved with the child's family (the need-to-know family: relationships and
 * confirmed identity links), because that is the practice, team or force working with
 * the family now. When no organisation of that type is involved, the partnership's
 * default organisation of that type owns it (a referral the front door has not yet
 * seen is the local authority's).
 */
export function owningOrganisation(world: World, finding: Finding): Organisation | undefined {
  let owner: { code: string; lastAt: number } | undefined;
  for (const id of accessCircle(world, finding.subject)) {
    for (const [code, involvement] of world.involvementWith(id)) {
      if (world.organisations.get(code)?.agency !== finding.owner) continue;
      if (!owner || involvement.lastAt > owner.lastAt || (involvement.lastAt === owner.lastAt && code < owner.code))
        owner = { code, lastAt: involvement.lastAt };
    }
  }
  return owner ? world.organisations.get(owner.code) : world.organisations.defaultFor(finding.owner);
}

/**
 * Whether the user may record this step on the finding (the caller has already opened
 * the child's record for them). The owning organisation's practitioners and any
 * safeguarding lead acknowledge, action, close and reopen; everyone else who may see
 * the child adds a note or challenges it. Returns the reason for a refusal.
 */
export function findingActionRefusal(world: World, principal: Principal, finding: Finding, kind: FindingActionKind): string | undefined {
  if ((COMMENTS as readonly string[]).includes(kind) || principal.role === 'safeguarding-lead') return undefined;
  const owner = owningOrganisation(world, finding);
  if (owner?.code === principal.organisation) return undefined;
  return `this finding belongs to ${owner?.name ?? finding.owner}: only its practitioners or a safeguarding lead can record that it is ${kind}; you can add a note or challenge it`;
}
