import type { Queryable } from '../../store/database.ts';
import type { World } from '../../engine/world.ts';
import type { Principal } from '../../access/principal.ts';
import type { RecordAccess } from '../../access/record-access.ts';
import { owningOrganisation } from '../../access/finding-ownership.ts';
import { byUrgency, findingView, isOpen, type FindingView } from './finding-view.ts';
import { describeAge, nameOf } from './people.ts';

export interface CaseloadEntry {
  id: string;
  name: string;
  age: string;
  openFindings: number;
  lastRecordedAt: number;
}

export interface MyWork {
  findings: (FindingView & { subjectName: string })[];
  caseload: CaseloadEntry[];
}

/**
 * What needs this user, most urgent first: open findings owned by their organisation about
 * children they may see; and their caseload, the children they have recorded about.
 */
export async function myWork(
  db: Queryable,
  world: World,
  access: RecordAccess,
  principal: Principal,
  now: number,
  zone: string,
): Promise<MyWork> {
  const owned = await db.query<{ id: string }>(
    `SELECT id FROM findings WHERE owner = $1 AND status IN ('open', 'acknowledged') ORDER BY deadline NULLS LAST LIMIT 500`,
    [principal.agency],
  );
  const findings = owned.rows
    .map((r) => world.findingById(r.id))
    .filter(
      (f) =>
        f !== undefined && isOpen(f) && owningOrganisation(world, f)?.code === principal.organisation && access.knows(principal, f.subject),
    )
    .map((f) => ({ ...findingView(f!, now), subjectName: nameOf(world, f!.subject) }))
    .sort(byUrgency);
  const recorded = await db.query<{ subject: string; last: Date | string }>(
    `SELECT subject, max(recorded_at) AS last FROM events WHERE recorded_by_user = $1 GROUP BY subject ORDER BY last DESC LIMIT 100`,
    [principal.userId],
  );
  const caseload: CaseloadEntry[] = [];
  const seen = new Set<string>();
  for (const row of recorded.rows) {
    const person = world.person(row.subject);
    if (!person || seen.has(row.subject)) continue;
    seen.add(row.subject);
    caseload.push({
      id: row.subject,
      name: nameOf(world, row.subject),
      age: describeAge(person, now, zone),
      openFindings: world.findingsAbout(row.subject).filter(isOpen).length,
      lastRecordedAt: new Date(row.last).getTime(),
    });
  }
  return { findings, caseload };
}
