import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { STORE_TARGETS } from '../../test/store-targets.ts';
import { openDatabase } from './open-database.ts';
import { RecordStore } from './record-store.ts';
import { injuryInNonMobileInfant } from '../protocols/injury-in-non-mobile-infant.ts';
import { unsafeSleepObserved } from '../protocols/unsafe-sleep-observed.ts';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import { VirtualClock } from '../engine/clock.ts';
import { parseLocal } from '../domain/time.ts';
import { notificationsFor } from '../access/notifications.ts';
import type { EscalationStep } from '../engine/engine.ts';

const PROTOCOLS = [injuryInNonMobileInfant, unsafeSleepObserved];
const config = loadPartnershipConfig({ name: 'Test partnership' }, PROTOCOLS);
const at = (iso: string) => parseLocal(iso, 'Europe/London')!;

const family = [
  { id: 'e1', at: '2023-01-09', type: 'person.recorded', person: 'mum', role: 'adult', sex: 'female', agency: 'midwifery' },
  {
    id: 'e2',
    at: '2023-01-09T10:00',
    type: 'birth',
    child: 'b',
    mother: 'mum',
    gestationWeeks: 39,
    birthWeightKg: 3.4,
    sex: 'male',
    agency: 'midwifery',
  },
  { id: 'e3', at: '2023-01-09T10:05', type: 'allocation.set', person: 'b', agency: 'gp', role: 'lead-professional', name: 'Dr Rowe' },
  // Thursday 2 March 2023: the injury finding is due by the end of the day.
  { id: 'e4', at: '2023-03-02T10:30', type: 'injury.observed', person: 'b', kind: 'bruise', agency: 'gp' },
  { id: 'e5', at: '2023-03-02T11:00', type: 'concern.recorded', person: 'b', kind: 'unsafe-sleep', agency: 'health-visiting' },
];

for (const target of STORE_TARGETS) {
  describe(`finding escalation on ${target.name}`, () => {
    test('an overdue finding goes to its organisation’s then the partnership’s safeguarding lead, once, and again identically after a restart', async () => {
      const { location, cleanup } = await target.create();
      try {
        const clock = new VirtualClock(at('2023-03-02T11:30'));
        const db = await openDatabase(location);
        const store = await RecordStore.open(db, PROTOCOLS, config, clock);
        const announced: EscalationStep[] = [];
        store.onEscalation = (steps) => announced.push(...steps);
        for (const event of family) await store.submit(event, 'unused');
        const injury = store.engine.world.openFinding('injury-in-non-mobile-infant', 'b')!;
        const sleep = store.engine.world.openFinding('unsafe-sleep-observed', 'b')!;
        // The owning agency's allocated lead is named as the finding's owner.
        assert.equal(injury.ownerName, 'Dr Rowe');
        assert.equal(sleep.ownerName, undefined);

        // The unsafe-sleep finding is actioned in time; the injury finding is not.
        clock.advanceTo(at('2023-03-02T15:00'));
        await store.actOnFinding(sleep.id, 'actioned', { userId: 'hv1', agency: 'health-visiting' }, 'Safer-sleep advice to both parents');
        clock.advanceTo(at('2023-03-03T09:00'));
        await store.tick();
        assert.deepEqual(injury.escalations, [{ level: 'organisation', at: at('2023-03-02T23:59:59.999'), to: 'gp' }]);
        assert.equal(sleep.escalations, undefined);
        const gpLeads = await notificationsFor(db, 'safeguarding-lead', 'gp');
        assert.equal(gpLeads.filter((n) => n.kind === 'finding-escalated').length, 1);
        assert.match(
          gpLeads[0].message,
          /owned by Dr Rowe \(the GP\), is still open past its deadline: it is escalated to the GP's safeguarding lead/,
        );
        assert.equal(
          (await notificationsFor(db, 'safeguarding-lead', 'health-visiting')).filter((n) => n.kind === 'finding-escalated').length,
          0,
        );

        // Two working days later (Friday 3 and Monday 6 March) it goes to the partnership's lead.
        clock.advanceTo(at('2023-03-07T09:00'));
        await store.tick();
        assert.deepEqual(
          injury.escalations?.map((s) => [s.level, s.at, s.to]),
          [
            ['organisation', at('2023-03-02T23:59:59.999'), 'gp'],
            ['partnership', at('2023-03-06T23:59:59.999'), 'Test partnership'],
          ],
        );
        assert.deepEqual(
          announced.map((s) => s.step.level),
          ['organisation', 'partnership'],
        );
        await assert.rejects(db.query('DELETE FROM finding_escalations'), /append-only/);
        const rows = (await db.query('SELECT finding_id, level, at, to_organisation FROM finding_escalations ORDER BY seq')).rows;
        assert.equal(rows.length, 2);
        await db.close();

        // A restart re-derives the same steps (the action on the sleep finding replayed at its moment) and writes nothing twice.
        const db2 = await openDatabase(location);
        const restarted = await RecordStore.open(db2, PROTOCOLS, config, clock);
        const again = restarted.engine.world.findingById(injury.id)!;
        assert.deepEqual(again.escalations, injury.escalations);
        assert.equal(restarted.engine.world.findingById(sleep.id)?.escalations, undefined);
        assert.deepEqual(
          (await db2.query('SELECT finding_id, level, at, to_organisation FROM finding_escalations ORDER BY seq')).rows,
          rows,
        );
        assert.deepEqual(await restarted.escalationsOf(injury.id), rows);
        await db2.close();
      } finally {
        await cleanup();
      }
    });

    test('a partnership may switch escalation off', async () => {
      const { location, cleanup } = await target.create();
      try {
        const clock = new VirtualClock(at('2023-03-02T11:30'));
        const db = await openDatabase(location);
        const off = loadPartnershipConfig({ findingEscalation: { enabled: false } }, PROTOCOLS);
        const store = await RecordStore.open(db, PROTOCOLS, off, clock);
        for (const event of family) await store.submit(event, 'unused');
        clock.advanceTo(at('2023-03-10'));
        await store.tick();
        assert.equal((await db.query('SELECT * FROM finding_escalations')).rows.length, 0);
        await db.close();
      } finally {
        await cleanup();
      }
    });
  });
}
