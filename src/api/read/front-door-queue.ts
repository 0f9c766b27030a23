import type { Queryable } from '../../store/database.ts';
import type { World } from '../../engine/world.ts';
import { findingView, byUrgency, isOpen, type FindingView } from './finding-view.ts';
import { familyHistory, type FamilyHistory } from './family-history.ts';
import type { PersonLabel, PersonLabels } from './person-labels.ts';
import { agencyName } from '../../protocols/support/describe.ts';

export interface QueueItem {
  kind: 'referral' | 'finding';
  /** The child (or unborn baby) the item is about. */
  subject: string;
  subjectName: string;
  /** Name, age and NHS number (or a neutral label outside the reader's access). */
  subjectLabel: PersonLabel;
  at: number;
  title: string;
  from: string;
  detail: string;
  finding?: FindingView;
  referralKey?: string;
  history: FamilyHistory;
}

const QUEUE_LIMIT = 200;

/**
 * The front door's queue: referrals to children's social care still waiting for a
 * decision, and open findings that need the front door (owned by children's social
 * care, requiring a referral, or high severity), each with the family's history.
 */
export async function frontDoorQueue(db: Queryable, world: World, now: number, zone: string, labels: PersonLabels): Promise<QueueItem[]> {
  const referrals = await db.query<{ idempotency_key: string; subject: string }>(
    `SELECT e.idempotency_key, e.subject FROM events e
      WHERE e.type = 'referral.made' AND e.payload->>'to' = 'children-social-care'
        AND NOT EXISTS (SELECT 1 FROM events d WHERE d.type = 'referral.decision' AND d.subject = e.subject AND d.seq > e.seq)
      ORDER BY e.seq DESC LIMIT $1`,
    [QUEUE_LIMIT],
  );
  const findings = await db.query<{ id: string }>(
    `SELECT id FROM findings WHERE status IN ('open', 'acknowledged')
        AND (owner = 'children-social-care' OR requires_referral OR severity = 'high')
      ORDER BY deadline NULLS LAST LIMIT $1`,
    [QUEUE_LIMIT],
  );
  const items: QueueItem[] = [];
  const subjectInfo = (subject: string) => ({ subjectName: labels.name(subject), subjectLabel: labels.of(subject) });
  for (const row of referrals.rows) {
    const event = world.event(row.idempotency_key);
    if (!event || event.type !== 'referral.made') continue;
    items.push({
      kind: 'referral',
      subject: row.subject,
      ...subjectInfo(row.subject),
      at: event.at,
      title: 'Referral awaiting a decision',
      from: agencyName(event.agency),
      detail: event.data.reason ?? '',
      referralKey: event.key,
      history: familyHistory(world, row.subject, zone, labels, event.at),
    });
  }
  const views: FindingView[] = [];
  for (const row of findings.rows) {
    const finding = world.findingById(row.id);
    if (finding && isOpen(finding)) views.push(findingView(finding, now));
  }
  for (const view of views.sort(byUrgency)) {
    items.push({
      kind: 'finding',
      subject: view.subject,
      ...subjectInfo(view.subject),
      at: view.raisedAt,
      title: view.title,
      from: view.ownerName,
      detail: view.explanation,
      finding: view,
      history: familyHistory(world, view.subject, zone, labels),
    });
  }
  return items;
}
