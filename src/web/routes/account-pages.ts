import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../server/services.ts';
import type { AccountState } from '../../access/account-administration.ts';
import type { OrganisationDirectory } from '../../config/organisations.ts';
import { ROLE_LABELS } from '../../access/roles.ts';
import { notFound } from '../../api/errors.ts';
import { agencyName } from '../../protocols/support/describe.ts';
import { page } from '../render.ts';

const accountParams = z.object({ userId: z.string().min(1).max(100) });
const formBody = z.object({ _csrf: z.string().optional() });

const DONE_MESSAGES = {
  unlocked: 'The account is unlocked: its failed attempts are forgotten.',
  disabled: 'The account is disabled and every session it had has ended.',
  enabled: 'The account is enabled again.',
} as const;

function statusOf(account: AccountState): { text: string; colour: string } {
  if (account.disabled) return { text: 'Disabled', colour: 'govuk-tag--grey' };
  if (account.lockedUntil !== undefined) return { text: 'Locked', colour: 'govuk-tag--red' };
  return { text: 'Active', colour: 'govuk-tag--green' };
}

/** An account as the administrators' pages show it: role, organisation (with its agency type) and status in words. */
export const describeAccount = (account: AccountState, organisations: OrganisationDirectory) => ({
  ...account,
  roleLabel: ROLE_LABELS[account.role],
  organisationLabel: `${organisations.get(account.organisation)?.name ?? account.organisation} (${agencyName(account.agency)})`,
  status: statusOf(account),
});

/**
 * Administrators' account pages: who is locked (accounts and client addresses), and
 * for each account unlock, disable (signed out everywhere at once), enable, and reset
 * the password. Every action is a form (no JavaScript needed) on an audited route.
 */
export function accountPages(app: FastifyInstance, services: Services): void {
  const web = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'users.manage', audit: 'account' } as const;

  async function accountState(userId: string): Promise<AccountState> {
    const { accounts } = await services.accounts.list();
    const account = accounts.find((a) => a.userId === userId);
    if (!account) throw notFound('That account');
    return account;
  }

  async function renderAccount(request: FastifyRequest, reply: FastifyReply, userId: string, extra: Record<string, unknown> = {}) {
    const account = describeAccount(await accountState(userId), services.users.organisations);
    return page(request, reply, 'account.njk', { title: `Account: ${account.displayName}`, account, backLink: '/admin/users', ...extra });
  }

  web.get('/admin/locks', { config: { access: 'users.manage' }, schema: { hide: true } }, async (request, reply) => {
    const { accounts, addresses } = await services.accounts.list();
    const locked = accounts.filter((a) => a.lockedUntil !== undefined).map((a) => describeAccount(a, services.users.organisations));
    return page(request, reply, 'locks.njk', { title: 'Locked sign-ins', locked, addresses });
  });

  web.get(
    '/admin/users/:userId',
    {
      config: { access: 'users.manage' },
      schema: { hide: true, params: accountParams, querystring: z.object({ done: z.string().max(20).optional() }) },
    },
    async (request, reply) => {
      const done = DONE_MESSAGES[request.query.done as keyof typeof DONE_MESSAGES] as string | undefined;
      return renderAccount(request, reply, request.params.userId, { done });
    },
  );

  const action = (path: string, act: (userId: string) => Promise<string>, done: keyof typeof DONE_MESSAGES) =>
    web.post(
      `/admin/users/:userId/${path}`,
      { config, schema: { hide: true, params: accountParams, body: formBody } },
      async (request, reply) => {
        request.auditNote.detail = await act(request.params.userId);
        return reply.redirect(`/admin/users/${encodeURIComponent(request.params.userId)}?done=${done}`, 303);
      },
    );

  action('unlock', async (userId) => `unlocked account ${(await services.accounts.unlock(userId)).username}`, 'unlocked');
  action(
    'disable',
    async (userId) => {
      const { user, sessionsEnded } = await services.accounts.disable(userId);
      return `disabled account ${user.username}; ${sessionsEnded} sessions ended`;
    },
    'disabled',
  );
  action('enable', async (userId) => `enabled account ${(await services.accounts.enable(userId)).username}`, 'enabled');

  web.post(
    '/admin/users/:userId/reset-password',
    { config, schema: { hide: true, params: accountParams, body: formBody } },
    async (request, reply) => {
      const { user, password, sessionsEnded } = await services.accounts.resetPassword(request.params.userId);
      request.auditNote.detail = `reset the password of account ${user.username}; ${sessionsEnded} sessions ended`;
      return renderAccount(request, reply, user.userId, { newPassword: password });
    },
  );

  web.post(
    '/admin/locks/address',
    { config, schema: { hide: true, body: formBody.extend({ address: z.string().min(1).max(100) }) } },
    async (request, reply) => {
      await services.accounts.unlockAddress(request.body.address);
      request.auditNote.detail = `unlocked sign-in from address ${request.body.address}`;
      return reply.redirect('/admin/locks', 303);
    },
  );
}
