import type { UserDirectory } from '../access/user-directory.ts';
import type { OrganisationDirectory } from '../config/organisations.ts';
import { ROLES, ROLE_LABELS, USUAL_AGENCY, type Role } from '../access/roles.ts';

/** Demo accounts only: one well-known password, printed on start. Never for real data. */
export const DEMO_PASSWORD = 'threadline-demo';

export interface DemoAccount {
  username: string;
  role: Role;
  qualified: boolean;
  /** The organisation's code; absent: the default organisation of the role's usual agency type. */
  organisation?: string;
  displayName?: string;
}

/**
 * One account per role in the default organisation of its agency type; the front door
 * has a qualified social worker and an unqualified information officer. A second GP
 * practice and a second police force have their own accounts, as does the ambulance
 * service (which owns a finding of the demo), so that need-to-know by organisation can
 * be tried: `gp` (Riverside Medical Practice) cannot open Jack's
 * family, which only `gp-fenland` (Fenland Surgery) has seen, and `police-northshire`
 * cannot open Jack's family, which `police` (Riverside Constabulary) can (src/demo/demo-organisations.ts).
 */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  ...ROLES.map((role) => ({
    username: role,
    role,
    qualified: role === 'front-door-worker' || role === 'social-worker' || role === 'safeguarding-lead',
  })),
  { username: 'information-officer', role: 'front-door-worker', qualified: false, displayName: 'Demo Information officer' },
  { username: 'gp-fenland', role: 'gp', qualified: false, organisation: 'Y10002', displayName: 'Demo GP (Fenland Surgery)' },
  {
    username: 'police-northshire',
    role: 'police',
    qualified: false,
    organisation: 'ZPF002',
    displayName: 'Demo Police officer (Northshire)',
  },
  { username: 'paramedic', role: 'hospital-clinician', qualified: false, organisation: 'ZAM001', displayName: 'Demo Paramedic' },
  // The emergency department makes the CP-IS check (as the paramedic can).
  { username: 'ed-clinician', role: 'hospital-clinician', qualified: false, organisation: 'ZED001', displayName: 'Demo ED clinician' },
];

export async function ensureDemoUsers(users: UserDirectory): Promise<DemoAccount[]> {
  for (const account of DEMO_ACCOUNTS) {
    if (await users.byUsername(account.username)) continue;
    await users.create({
      username: account.username,
      displayName: account.displayName ?? `Demo ${ROLE_LABELS[account.role]}`,
      role: account.role,
      ...(account.organisation ? { organisation: account.organisation } : { agency: USUAL_AGENCY[account.role] }),
      qualified: account.qualified,
      password: DEMO_PASSWORD,
    });
  }
  return DEMO_ACCOUNTS;
}

/** A demo account as the console and the sign-in page list it: username, role in words, organisation. */
export function describeDemoAccount(
  account: DemoAccount,
  organisations: OrganisationDirectory,
): { username: string; role: string; organisation: string } {
  const organisation = organisations.get(account.organisation ?? '') ?? organisations.defaultFor(USUAL_AGENCY[account.role]);
  const kind = account.role === 'front-door-worker' ? (account.qualified ? ', qualified social worker' : ', information officer') : '';
  return { username: account.username, role: `${ROLE_LABELS[account.role]}${kind}`, organisation: organisation.name };
}
