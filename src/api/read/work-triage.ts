import type { PersonLabel } from './person-labels.ts';
import { endOfLocalDay } from '../../domain/time.ts';
import type { MyWork } from './my-work.ts';

// The work list as a practitioner triages it: what is due today, what is already late,
// what comes later; high severity first within each. Findings and the agreed actions
// the organisation owns sit side by side, because both are promises to a child.

export type WorkGroup = 'due-today' | 'overdue' | 'upcoming';
export const WORK_GROUPS: readonly { id: WorkGroup; title: string }[] = [
  { id: 'due-today', title: 'Due today' },
  { id: 'overdue', title: 'Overdue' },
  { id: 'upcoming', title: 'Upcoming' },
];

export type Severity = 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];
/** What the finding filter offers besides finding codes. */
export const AGREED_ACTION = 'agreed-action';

export interface WorkItem {
  kind: 'finding' | 'agreed-action';
  id: string;
  subject: string;
  subjectName: string;
  /** The child's age and NHS number, as the list shows them under the name. */
  subjectDetail?: string;
  /** The finding's code, or AGREED_ACTION. */
  code: string;
  title: string;
  /** Agreed actions carry no severity of their own. */
  severity?: Severity;
  due?: number;
  overdue: boolean;
  status: string;
  ownerPerson?: string;
  ownedByMe: boolean;
  href: string;
}

export interface WorkFilter {
  child?: string;
  finding?: string;
  severity?: Severity;
  /** 'me', 'unnamed', or a named owner as recorded. */
  owner?: string;
}

export interface TriagedWork {
  groups: { id: WorkGroup; title: string; items: WorkItem[] }[];
  /** Items after filtering, and before. */
  shown: number;
  total: number;
  /** What the filters can choose from (from the whole list, so a filter never hides its own options). */
  options: {
    children: { id: string; name: string }[];
    findings: { code: string; title: string }[];
    owners: string[];
  };
}

function labelDetail(label: PersonLabel): string | undefined {
  return label.known ? [label.age, label.nhsNumber && `NHS number ${label.nhsNumber}`].filter(Boolean).join(' · ') : undefined;
}

/** Findings and agreed actions as one list of items. */
export function workItems(work: Pick<MyWork, 'findings' | 'agreedActions'>): WorkItem[] {
  return [
    ...work.findings.map((f): WorkItem => ({
      kind: 'finding',
      id: f.id,
      subject: f.subject,
      subjectName: f.subjectName,
      subjectDetail: labelDetail(f.subjectLabel),
      code: f.code,
      title: f.title,
      severity: f.severity,
      due: f.deadline,
      overdue: f.overdue,
      status: f.status,
      ownerPerson: f.ownerPerson,
      ownedByMe: f.ownedByMe,
      href: `/findings/${encodeURIComponent(f.id)}`,
    })),
    ...work.agreedActions.map((a): WorkItem => ({
      kind: 'agreed-action',
      id: a.id,
      subject: a.subject,
      subjectName: a.subjectName,
      subjectDetail: labelDetail(a.subjectLabel),
      code: AGREED_ACTION,
      title: `Agreed action: ${a.action}`,
      due: a.due,
      overdue: a.overdue,
      status: a.state,
      ownerPerson: a.ownerPerson,
      ownedByMe: a.ownedByMe,
      href: `/people/${encodeURIComponent(a.subject)}#actions`,
    })),
  ];
}

/** Overdue once the deadline has passed; due today until the end of today's local date; upcoming after it, or with no deadline. */
export function groupOf(item: Pick<WorkItem, 'due'>, now: number, zone: string): WorkGroup {
  if (item.due === undefined) return 'upcoming';
  if (item.due < now) return 'overdue';
  // A deadline at the next midnight is the end of today too.
  return item.due <= endOfLocalDay(now, zone) + 1 ? 'due-today' : 'upcoming';
}

// An agreed action ranks with medium findings: below what a protocol calls high, above low.
const RANK: Record<Severity | 'none', number> = { high: 0, medium: 1, none: 1, low: 2 };

/** High severity first, then the earliest deadline, then findings before actions, then by child. */
export function byTriage(a: WorkItem, b: WorkItem): number {
  return (
    RANK[a.severity ?? 'none'] - RANK[b.severity ?? 'none'] ||
    (a.due ?? Infinity) - (b.due ?? Infinity) ||
    Number(a.kind !== 'finding') - Number(b.kind !== 'finding') ||
    a.subjectName.localeCompare(b.subjectName)
  );
}

export function matches(item: WorkItem, filter: WorkFilter): boolean {
  if (filter.child && item.subject !== filter.child) return false;
  if (filter.finding && item.code !== filter.finding) return false;
  if (filter.severity && item.severity !== filter.severity) return false;
  if (filter.owner === 'me') return item.ownedByMe;
  if (filter.owner === 'unnamed') return item.ownerPerson === undefined;
  if (filter.owner) return item.ownerPerson?.trim().toLowerCase() === filter.owner.trim().toLowerCase();
  return true;
}

export function triage(items: readonly WorkItem[], filter: WorkFilter, now: number, zone: string): TriagedWork {
  const shown = items.filter((i) => matches(i, filter));
  const children = new Map(items.map((i) => [i.subject, i.subjectName]));
  const findings = new Map(items.map((i) => [i.code, i.kind === 'finding' ? i.title : 'Agreed action']));
  const owners = new Set(items.flatMap((i) => (i.ownerPerson ? [i.ownerPerson.trim()] : [])));
  return {
    groups: WORK_GROUPS.map((g) => ({
      ...g,
      items: shown.filter((i) => groupOf(i, now, zone) === g.id).sort(byTriage),
    })),
    shown: shown.length,
    total: items.length,
    options: {
      children: [...children].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
      findings: [...findings].map(([code, title]) => ({ code, title })).sort((a, b) => a.title.localeCompare(b.title)),
      owners: [...owners].sort((a, b) => a.localeCompare(b)),
    },
  };
}

/** How many items need the user today: due today and overdue (the count in the navigation). */
export function needingAttention(items: readonly WorkItem[], now: number, zone: string): number {
  return items.filter((i) => groupOf(i, now, zone) !== 'upcoming').length;
}
