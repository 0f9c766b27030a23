import type { UserDirectory } from '../access/user-directory.ts';
import { ROLES, ROLE_LABELS, USUAL_AGENCY, type Role } from '../access/roles.ts';

/** Demo accounts only: one well-known password, printed on start. Never for real data. */
export const DEMO_PASSWORD = 'threadline-demo';

export interface DemoAccount {
  username: string;
  role: Role;
  qualified: boolean;
}

/** One account per role; the front door has a qualified social worker and an unqualified information officer. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  ...ROLES.map((role) => ({
    username: role,
    role,
    qualified: role === 'front-door-worker' || role === 'social-worker' || role === 'safeguarding-lead',
  })),
  { username: 'information-officer', role: 'front-door-worker', qualified: false },
];

export async function ensureDemoUsers(users: UserDirectory): Promise<DemoAccount[]> {
  for (const account of DEMO_ACCOUNTS) {
    if (await users.byUsername(account.username)) continue;
    await users.create({
      username: account.username,
      displayName: `Demo ${account.username === 'information-officer' ? 'Information officer' : ROLE_LABELS[account.role]}`,
      role: account.role,
      agency: USUAL_AGENCY[account.role],
      qualified: account.qualified,
      password: DEMO_PASSWORD,
    });
  }
  return DEMO_ACCOUNTS;
}
