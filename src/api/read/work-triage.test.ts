import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endOfLocalDay } from '../../domain/time.ts';
import { AGREED_ACTION, groupOf, needingAttention, triage, type WorkItem } from './work-triage.ts';

const ZONE = 'Europe/London';
const NOW = Date.parse('2026-06-10T09:00:00Z'); // 10:00 local
const HOUR = 3_600_000;

function item(id: string, overrides: Partial<WorkItem>): WorkItem {
  return {
    kind: 'finding',
    id,
    subject: 'child-a',
    subjectName: 'Amy Adams',
    code: 'was-not-brought',
    title: 'Was not brought',
    severity: 'medium',
    overdue: (overrides.due ?? Infinity) < NOW,
    status: 'open',
    ownedByMe: false,
    href: `/findings/${id}`,
    ...overrides,
  };
}

test('grouped into due today, overdue and upcoming, with the end of today (either form) due today', () => {
  assert.equal(groupOf({ due: NOW - 1 }, NOW, ZONE), 'overdue');
  assert.equal(groupOf({ due: NOW + HOUR }, NOW, ZONE), 'due-today');
  assert.equal(groupOf({ due: endOfLocalDay(NOW, ZONE) }, NOW, ZONE), 'due-today');
  assert.equal(groupOf({ due: Date.parse('2026-06-10T23:00:00Z') }, NOW, ZONE), 'due-today', 'midnight local at the end of today');
  assert.equal(groupOf({ due: Date.parse('2026-06-10T23:00:01Z') }, NOW, ZONE), 'upcoming');
  assert.equal(groupOf({ due: undefined }, NOW, ZONE), 'upcoming');
});

test('a new high-severity finding goes to the top of due today, above older medium ones with earlier deadlines', () => {
  const items = [
    item('old-medium', { due: NOW + HOUR }),
    item('action', { kind: 'agreed-action', code: AGREED_ACTION, severity: undefined, due: NOW + 2 * HOUR }),
    item('low', { severity: 'low', due: NOW + HOUR / 2 }),
    item('new-high', { severity: 'high', due: NOW + 5 * HOUR }),
    item('late', { severity: 'high', due: NOW - 5 * HOUR }),
    item('later', { severity: 'high', due: NOW + 48 * HOUR }),
  ];
  const { groups } = triage(items, {}, NOW, ZONE);
  assert.deepEqual(
    groups.map((g) => [g.id, g.items.map((i) => i.id)]),
    [
      ['due-today', ['new-high', 'old-medium', 'action', 'low']],
      ['overdue', ['late']],
      ['upcoming', ['later']],
    ],
  );
  assert.equal(needingAttention(items, NOW, ZONE), 5);
});

test('filters by child, finding, severity and owner; the options come from the whole list', () => {
  const items = [
    item('a', { severity: 'high', due: NOW + HOUR, ownerPerson: 'Test health-visitor', ownedByMe: true }),
    item('b', { subject: 'child-b', subjectName: 'Ben Brown', code: 'faltering-growth', title: 'Faltering growth', due: NOW + HOUR }),
    item('c', { kind: 'agreed-action', code: AGREED_ACTION, severity: undefined, ownerPerson: 'Sam Smith', due: NOW + 30 * HOUR }),
  ];
  const ids = (filter: Parameters<typeof triage>[1]) =>
    triage(items, filter, NOW, ZONE)
      .groups.flatMap((g) => g.items)
      .map((i) => i.id)
      .sort();
  assert.deepEqual(ids({}), ['a', 'b', 'c']);
  assert.deepEqual(ids({ child: 'child-b' }), ['b']);
  assert.deepEqual(ids({ finding: AGREED_ACTION }), ['c']);
  assert.deepEqual(ids({ severity: 'high' }), ['a']);
  assert.deepEqual(ids({ owner: 'me' }), ['a']);
  assert.deepEqual(ids({ owner: 'unnamed' }), ['b']);
  assert.deepEqual(ids({ owner: 'sam smith' }), ['c']);
  assert.deepEqual(ids({ child: 'child-a', severity: 'low' }), []);
  const filtered = triage(items, { child: 'child-b' }, NOW, ZONE);
  assert.equal(filtered.shown, 1);
  assert.equal(filtered.total, 3);
  assert.deepEqual(
    filtered.options.children.map((c) => c.name),
    ['Amy Adams', 'Ben Brown'],
  );
  assert.deepEqual(filtered.options.owners, ['Sam Smith', 'Test health-visitor']);
});
