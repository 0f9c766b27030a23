import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { STORE_TARGETS } from '../../test/store-targets.ts';
import { openDatabase } from './open-database.ts';
import { migrate } from './migrate.ts';
import { findingId } from '../domain/findings.ts';

// Stores made before finding ids were short hold "code:subject:dedupeKey" ids (some over
// 100 characters). Migration 004 rewrites them, and the actions naming them, to the ids
// the engine now derives, so a rebuild from the log finds them again. (A store made by main
// before the migrations were numbered in one sequence had 005's finding escalations first.)
for (const target of STORE_TARGETS) {
  describe(`short finding ids on ${target.name}`, () => {
    test('migration 004 rewrites old ids to the ids the engine derives, keeping their actions and escalation steps', async () => {
      const { location, cleanup } = await target.create();
      try {
        const db = await openDatabase(location);
        await db.query("DELETE FROM schema_migrations WHERE name = '004_short_finding_ids.sql'");
        const old = [
          {
            code: 'growth-not-monitored',
            subject: 'cpscp-2024-child-a-child-a',
            key: 'cpscp-2024-child-a-child-a:first-weight:2023-01-30',
          },
          { code: 'was-not-brought', subject: 'bébé:ünïcode 👶', key: 'appointment:with:colons' },
        ];
        for (const f of old) {
          const id = `${f.code}:${f.subject}:${f.key}`;
          await db.query(
            `INSERT INTO findings (id, code, subject, protocol, protocol_version, severity, raised_at, explanation, action, owner, evidence)
             VALUES ($1, $2, $3, 'p', '1', 'low', now(), 'x', 'y', 'health-visiting', '{}')`,
            [id, f.code, f.subject],
          );
          await db.query("INSERT INTO finding_actions (finding_id, kind, at, by_user) VALUES ($1, 'acknowledged', now(), 'u')", [id]);
          await db.query(
            "INSERT INTO finding_escalations (finding_id, level, at, to_organisation) VALUES ($1, 'organisation', now(), 'X')",
            [id],
          );
        }
        assert.deepEqual(await migrate(db), ['004_short_finding_ids.sql']);
        const { rows } = await db.query<{ id: string; subject: string; actions: number; escalations: number }>(
          `SELECT f.id, f.subject,
                  (SELECT count(*)::int FROM finding_actions a WHERE a.finding_id = f.id) AS actions,
                  (SELECT count(*)::int FROM finding_escalations e WHERE e.finding_id = f.id) AS escalations
             FROM findings f ORDER BY f.subject`,
        );
        assert.deepEqual(
          rows,
          old
            .map((f) => ({ id: findingId(f.code, f.subject, f.key), subject: f.subject, actions: 1, escalations: 1 }))
            .sort((a, b) => (a.subject < b.subject ? -1 : 1)),
        );
        assert.ok(rows.every((r) => r.id.length === 20));
        await assert.rejects(db.query("UPDATE finding_actions SET note = 'x'"), /append-only/, 'the actions are append-only again');
        await assert.rejects(db.query("UPDATE finding_escalations SET to_organisation = 'Y'"), /append-only/, 'so are the escalations');
        await db.close();
      } finally {
        await cleanup();
      }
    });
  });
}
