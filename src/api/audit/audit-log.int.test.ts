import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { STORE_TARGETS } from '../../../test/store-targets.ts';
import { sampleAuditEntry as entry } from '../../../test/sample-audit-entry.ts';
import { openDatabase } from '../../store/open-database.ts';
import { AuditLog } from './audit-log.ts';
import { verifyAuditChain } from './verify-chain.ts';

for (const target of STORE_TARGETS) {
  describe(`audit log on ${target.name}`, () => {
    test('entries are chained, append-only, and tampering by a superuser is detected and located', async () => {
      const { location, cleanup } = await target.create();
      const db = await openDatabase(location);
      try {
        const log = new AuditLog(db);
        // Concurrent writers: every entry is stored exactly once, in one unbroken chain.
        await Promise.all(Array.from({ length: 50 }, (_, i) => log.record(entry(i))));
        await log.record({ ...entry(50), detail: 'break-glass: "urgent" \u00e9' });
        const verdict = await verifyAuditChain(db);
        assert.deepEqual({ intact: verdict.intact, entries: verdict.entries }, { intact: true, entries: 51 });

        await assert.rejects(db.query("UPDATE audit_log SET outcome = 'refused' WHERE seq = 3"), /append-only/);
        await assert.rejects(db.query('DELETE FROM audit_log WHERE seq = 3'), /append-only/);
        await assert.rejects(db.query('TRUNCATE audit_log'), /append-only/);

        // A superuser switches the trigger off and rewrites who read entry 17.
        const original = (await db.query<{ actor: string }>('SELECT actor FROM audit_log WHERE seq = 17')).rows[0].actor;
        await db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
        await db.query("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 17");
        const edited = await verifyAuditChain(db);
        assert.equal(edited.intact, false);
        assert.equal(!edited.intact && edited.firstBroken, 17);

        // Putting it back restores the chain; deleting an entry is found as a gap.
        await db.query('UPDATE audit_log SET actor = $1 WHERE seq = 17', [original]);
        assert.equal((await verifyAuditChain(db)).intact, true);
        await db.query('DELETE FROM audit_log WHERE seq = 30');
        const gap = await verifyAuditChain(db);
        assert.equal(!gap.intact && gap.firstBroken, 30);
        await db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
      } finally {
        await db.close();
        await cleanup();
      }
    });
  });
}
