import type { Queryable } from '../../store/database.ts';
import type { World } from '../../engine/world.ts';
import type { Principal } from '../../access/principal.ts';
import type { RecordAccess } from '../../access/record-access.ts';
import { owningOrganisation } from '../../access/finding-ownership.ts';
import { byUrgency, findingView, isOpen, type FindingView } from './finding-view.ts';
import { PersonLabels, type PersonLabel } from './person-labels.ts';
import { agreedActionView, awaitingAcknowledgement, type AgreedActionView, type AwaitingAcknowledgement } from './loop-views.ts';
import { isCurrent, type AgreedActionEvent } from '../../protocols/support/agreed-actions.ts';
import { SERVICE_AGENCIES, type Agency } from '../../domain/vocabulary.ts';
import type { ThreadEvent } from '../../domain/events.ts';

export interface CaseloadEntry {
  id: string;
  name: string;
  age: string;
  nhsNumber?: string;
  openFindings: number;
  lastRecordedAt: number;
}

type Named<T> = T & { subjectName: string; subjectLabel: PersonLabel; ownedByMe: boolean };

export interface MyWork {
  /** Open findings owned by my organisation, mine by name marked `ownedByMe`. */
  findings: Named<FindingView>[];
  /** Open agreed actions owned by my organisation (or by me), most overdue first. */
  agreedActions: Named<AgreedActionView>[];
  /** Information sent to my organisation that waits for our acknowledgement, oldest first. */
  awaitingAcknowledgement: (AwaitingAcknowledgement & { subjectName: string; subjectLabel: PersonLabel })[];
  caseload: CaseloadEntry[];
}

/** Whether a named owner is this user (names as recorded by practitioners: case and spacing aside). */
export function isMe(principal: Principal, name: string | undefined): boolean {
  return name !== undefined && name.trim().toLowerCase() === principal.displayName.trim().toLowerCase();
}

/** Names as the work lists show them: every item on them is about someone the user has need-to-know of. */
function needToKnowLabels(world: World, access: RecordAccess, principal: Principal, now: number, zone: string): PersonLabels {
  return new PersonLabels(world, (id) => access.knows(principal, id), now, zone);
}

/** The destinations whose information my organisation receives: itself, and the services it runs. */
function destinationsOf(agency: Agency): string[] {
  return [
    agency,
    ...Object.entries(SERVICE_AGENCIES)
      .filter(([, a]) => a === agency)
      .map(([service]) => service),
  ];
}

/** Open findings owned by my organisation about children I may see, mine by name marked, most urgent first. */
export async function openFindingsFor(
  db: Queryable,
  world: World,
  access: RecordAccess,
  principal: Principal,
  now: number,
  zone: string,
): Promise<MyWork['findings']> {
  const labels = needToKnowLabels(world, access, principal, now, zone);
  const owned = await db.query<{ id: string }>(
    `SELECT id FROM findings WHERE owner = $1 AND status IN ('open', 'acknowledged') ORDER BY deadline NULLS LAST LIMIT 500`,
    [principal.agency],
  );
  return owned.rows
    .map((r) => world.findingById(r.id))
    .filter(
      (f) =>
        f !== undefined && isOpen(f) && owningOrganisation(world, f)?.code === principal.organisation && access.knows(principal, f.subject),
    )
    .map((f) => ({
      ...findingView(f!, now),
      subjectName: labels.name(f!.subject),
      subjectLabel: labels.of(f!.subject),
      ownedByMe: isMe(principal, f!.ownerName),
    }))
    .sort(byUrgency);
}

/** Open agreed actions owned by my organisation (or by me) about children I may see, most overdue first. */
export async function openActionsFor(
  db: Queryable,
  world: World,
  access: RecordAccess,
  principal: Principal,
  now: number,
  zone: string,
): Promise<MyWork['agreedActions']> {
  const labels = needToKnowLabels(world, access, principal, now, zone);
  const actions = await db.query<{ idempotency_key: string }>(
    `SELECT idempotency_key FROM events WHERE type = 'action.agreed' AND coalesce(payload->'owner'->>'agency', agency) = $1 ORDER BY seq DESC LIMIT 500`,
    [principal.agency],
  );
  return actions.rows
    .map((r) => world.event(r.idempotency_key))
    .filter((e): e is AgreedActionEvent => e?.type === 'action.agreed' && isCurrent(world, e) && access.knows(principal, e.subject))
    .map((e) => agreedActionView(world, e, now, zone))
    .filter((a) => a.state === 'open')
    .map((a) => ({
      ...a,
      subjectName: labels.name(a.subject),
      subjectLabel: labels.of(a.subject),
      ownedByMe: isMe(principal, a.ownerPerson),
    }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? Infinity) - (b.due ?? Infinity));
}

/**
 * What needs this user, most urgent first: open findings and agreed actions owned by their
 * organisation or by them by name, about children they may see; information sent to their
 * organisation waiting for its acknowledgement; and their caseload, the children they
 * have recorded about.
 */
export async function myWork(
  db: Queryable,
  world: World,
  access: RecordAccess,
  principal: Principal,
  now: number,
  zone: string,
): Promise<MyWork> {
  const labels = needToKnowLabels(world, access, principal, now, zone);
  const findings = await openFindingsFor(db, world, access, principal, now, zone);
  const agreedActions = await openActionsFor(db, world, access, principal, now, zone);
  const shared = await db.query<{ idempotency_key: string }>(
    `SELECT idempotency_key FROM events WHERE type = 'information.shared' AND payload->>'to' = ANY($1) ORDER BY seq DESC LIMIT 500`,
    [destinationsOf(principal.agency)],
  );
  const awaiting = shared.rows
    .map((r) => world.event(r.idempotency_key))
    .filter((e) => e?.type === 'information.shared' && access.knows(principal, e.subject))
    .map((e) => awaitingAcknowledgement(world, e as ThreadEvent<'information.shared'>, now))
    .filter((a) => a !== undefined)
    .map((a) => ({ ...a, subjectName: labels.name(a.subject), subjectLabel: labels.of(a.subject) }))
    .sort((a, b) => a.sharedAt - b.sharedAt);
  const recorded = await db.query<{ subject: string; last: Date | string }>(
    `SELECT subject, max(recorded_at) AS last FROM events WHERE recorded_by_user = $1 GROUP BY subject ORDER BY last DESC LIMIT 100`,
    [principal.userId],
  );
  const caseload: CaseloadEntry[] = [];
  const seen = new Set<string>();
  for (const row of recorded.rows) {
    const label = labels.of(row.subject);
    if (!world.hasPerson(row.subject) || seen.has(row.subject)) continue;
    seen.add(row.subject);
    caseload.push({
      id: row.subject,
      name: label.name,
      age: label.known ? label.age : '',
      nhsNumber: label.known ? label.nhsNumber : undefined,
      openFindings: world.findingsAbout(row.subject).filter(isOpen).length,
      lastRecordedAt: new Date(row.last).getTime(),
    });
  }
  return { findings, agreedActions, awaitingAcknowledgement: awaiting, caseload };
}
