import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldProblem } from '../domain/validation-error.ts';
import { can, ROLE_LABELS, type Capability } from '../access/roles.ts';
import { agencyName } from '../protocols/support/describe.ts';
import { csrfToken } from '../api/csrf.ts';
import type { Principal } from '../access/principal.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** How many items wait behind each navigation link for this user (e.g. '/work': due today or overdue). */
    navCounts?: (request: FastifyRequest) => Promise<Record<string, number>>;
    /** Whether the user works in an unscheduled care setting (who sees the CP-IS check). */
    inUnscheduledCare?: (principal: Principal) => boolean;
  }
}

/** The words read after a navigation count by a screen reader. */
const COUNT_WORDS: Record<string, string> = {
  '/work': 'due today or overdue',
  '/notifications': 'not yet acknowledged',
  '/identity-reviews': 'waiting for a decision',
};

interface NavItem {
  text: string;
  href: string;
  capability: Capability | 'signed-in';
  /** Shown only in an unscheduled care setting (the capability alone is every GP's and hospital clinician's). */
  unscheduledCareOnly?: boolean;
}

const NAV: NavItem[] = [
  { text: 'My work', href: '/work', capability: 'record.read' },
  { text: 'Find a person', href: '/search', capability: 'record.read' },
  { text: 'CP-IS check', href: '/cp-is', capability: 'cp-is.check', unscheduledCareOnly: true },
  { text: 'Front door', href: '/front-door', capability: 'front-door' },
  { text: 'Identity reviews', href: '/identity-reviews', capability: 'front-door' },
  { text: 'Notifications', href: '/notifications', capability: 'record.read' },
  { text: 'Audit', href: '/audit', capability: 'audit.read' },
  { text: 'Figures', href: '/figures', capability: 'figures.read' },
  { text: 'Configuration', href: '/configuration', capability: 'configuration.read' },
  { text: 'Accounts', href: '/admin/users', capability: 'users.manage' },
  { text: 'Operations', href: '/admin/operations', capability: 'users.manage' },
];

function navLabel(item: NavItem, count: number | undefined): string {
  if (!count) return item.text;
  const words = COUNT_WORDS[item.href] ? `<span class="govuk-visually-hidden"> ${COUNT_WORDS[item.href]}</span>` : '';
  return `${item.text} <span class="tl-nav-count">${count}${words}</span>`;
}

/**
 * A problem as GOV.UK words it. An instruction ("Select the kind of injury") or a whole
 * sentence from the record ("A weight of 80 kg is not plausible for ...") stands alone;
 * only a predicate ("must be one of ...", "is required") is put after the field's name.
 */
export function problemText(problem: FieldProblem, label?: string): string {
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  if (!problem.field || !/^(must|is|are|fails|cannot|can only|should|needs?|has|have)\b/i.test(problem.reason))
    return capital(problem.reason);
  const name =
    label ??
    problem.field
      .replace(/([A-Z])/g, ' $1')
      .replaceAll('.', ' ')
      .replaceAll('-', ' ')
      .toLowerCase()
      .trim();
  return `${capital(name.replace(/ \(optional\)$/, '').replace(/\?$/, ''))} ${problem.reason}`;
}

/** The GOV.UK error summary's list: each problem linked to its field. */
export function errorList(
  problems: readonly FieldProblem[],
  fieldIds: Record<string, string> = {},
  labels: Record<string, string> = {},
): { text: string; href: string }[] {
  return problems.map((p) => ({
    text: problemText(p, labels[p.field.split('.')[0]]),
    href: `#${fieldIds[p.field] ?? (p.field.split('.')[0] || 'main-content')}`,
  }));
}

/** Renders a page in the layout, with what every page needs: the user, navigation (with counts), CSRF token and CSP nonce. */
export async function page(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  data: Record<string, unknown>,
  status = 200,
): Promise<unknown> {
  const principal = request.principal;
  const path = request.url.split('?')[0];
  const counts = principal ? ((await request.server.navCounts?.(request)) ?? {}) : {};
  const nav = principal
    ? NAV.filter((n) => n.capability === 'signed-in' || can(principal.role, n.capability))
        .filter((n) => !n.unscheduledCareOnly || request.server.inUnscheduledCare?.(principal))
        .map((n) => ({
          html: navLabel(n, counts[n.href]),
          href: n.href,
          active: path === n.href || path.startsWith(`${n.href}/`),
        }))
    : [];
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .viewAsync(template, {
      principal,
      roleLabel: principal
        ? ROLE_LABELS[principal.role] +
          (principal.role === 'front-door-worker' ? (principal.qualified ? ', qualified social worker' : ', information officer') : '')
        : undefined,
      agencyLabel: principal ? agencyName(principal.agency) : undefined,
      nav,
      csrfToken: csrfToken(request, reply),
      cspNonce: request.cspNonce,
      ...data,
    });
}
