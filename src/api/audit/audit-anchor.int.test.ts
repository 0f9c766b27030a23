import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { STORE_TARGETS } from '../../../test/store-targets.ts';
import { sampleAuditEntry as entry } from '../../../test/sample-audit-entry.ts';
import { openDatabase, type StoreLocation } from '../../store/open-database.ts';
import type { Database } from '../../store/database.ts';
import { loadServerKeys } from '../../server/server-keys.ts';
import { AuditLog } from './audit-log.ts';
import { AuditCheckpoints, CHECKPOINT_FILE, keyIdOf, readCheckpointFile, signedText } from './audit-checkpoints.ts';
import { chainHash, entryFromRow, type AuditRow } from './audit-entry.ts';
import { verifyAuditChain } from './verify-chain.ts';
import { verifyAnchoredAudit } from './verify-anchored.ts';

const run = promisify(execFile);

/** What a superuser can do: switch the triggers off and change the log. */
async function asSuperuser(db: Database, sql: string, params: unknown[] = []): Promise<void> {
  await db.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
  await db.query('ALTER TABLE audit_checkpoints DISABLE TRIGGER USER');
  try {
    await db.query(sql, params);
  } finally {
    await db.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    await db.query('ALTER TABLE audit_checkpoints ENABLE TRIGGER USER');
  }
}

/** Rewrites one entry and recomputes every later hash, so that the chain alone still verifies. */
async function rewriteAndRehash(db: Database, seq: number, actor: string): Promise<void> {
  await asSuperuser(db, 'UPDATE audit_log SET actor = $2 WHERE seq = $1', [seq, actor]);
  const { rows } = await db.query<AuditRow>('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq', [seq - 1]);
  let prev = rows[0].hash;
  for (const row of rows.slice(1)) {
    const hash = chainHash(prev, Number(row.seq), entryFromRow(row));
    await asSuperuser(db, 'UPDATE audit_log SET prev_hash = $2, hash = $3 WHERE seq = $1', [row.seq, prev, hash]);
    prev = hash;
  }
}

async function cli(location: StoreLocation, keysDir: string): Promise<{ code: number; out: string }> {
  const env = { ...process.env, DATABASE_URL: location.databaseUrl ?? '' };
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'audit', 'verify', '--keys-dir', keysDir, '--data-dir', location.dataDir ?? ''];
  try {
    const { stdout } = await run(process.execPath, args, { env });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, out: failed.stdout };
  }
}

for (const target of STORE_TARGETS) {
  describe(`anchored audit on ${target.name}`, () => {
    test(`probe: audit: deleting the newest entries, or rewriting one and rehashing the rest, is found up to the latest signed checkpoint (${target.name})`, async () => {
      const { location, cleanup } = await target.create();
      const keysDir = await mkdtemp(join(tmpdir(), 'threadline-keys-'));
      const keys = loadServerKeys(keysDir, {});
      let db = await openDatabase(location);
      try {
        const log = new AuditLog(db);
        const checkpoints = new AuditCheckpoints(db, keys.auditSigningKey, Date.now, join(keysDir, CHECKPOINT_FILE));
        await Promise.all(Array.from({ length: 40 }, (_, i) => log.record(entry(i))));
        assert.equal((await checkpoints.write()).written, true);
        await Promise.all(Array.from({ length: 10 }, (_, i) => log.record(entry(40 + i))));
        const second = await checkpoints.write();
        assert.ok(second.written && second.checkpoint.number === 2 && second.checkpoint.seq === 50);
        assert.equal((await checkpoints.write()).written, false, 'nothing new to sign');
        await Promise.all(Array.from({ length: 7 }, (_, i) => log.record(entry(50 + i))));

        const clean = await verifyAnchoredAudit(db, keys.auditPublicKey);
        assert.deepEqual(
          { intact: clean.intact, entries: clean.entries, checkpoints: clean.checkpoints, unanchored: clean.unanchored },
          { intact: true, entries: 57, checkpoints: 2, unanchored: 7 },
        );

        // 1. Truncation: the newest 12 entries deleted. The chain alone cannot tell.
        const saved = (await db.query<AuditRow>('SELECT * FROM audit_log WHERE seq > 45 ORDER BY seq')).rows;
        await asSuperuser(db, 'DELETE FROM audit_log WHERE seq > 45');
        assert.equal((await verifyAuditChain(db)).intact, true, 'a truncated chain is still a valid chain');
        const truncated = await verifyAnchoredAudit(db, keys.auditPublicKey);
        assert.equal(truncated.intact, false);
        assert.match(truncated.problems.join('\n'), /truncated: checkpoint 2 signed 50 entries but only 45 remain/);

        // ...and deleting the checkpoints too is found from the copy kept outside the database.
        await asSuperuser(db, 'DELETE FROM audit_checkpoints WHERE number = 2');
        const bothGone = await verifyAnchoredAudit(db, keys.auditPublicKey, readCheckpointFile(join(keysDir, CHECKPOINT_FILE)));
        assert.match(bothGone.problems.join('\n'), /checkpoint 2 \(entry 50\) is in the copy outside the database but missing from it/);
        assert.match(bothGone.problems.join('\n'), /truncated/);

        // Put everything back: intact again.
        for (const row of saved)
          await asSuperuser(db, 'INSERT INTO audit_log SELECT * FROM json_populate_record(NULL::audit_log, $1::json)', [
            JSON.stringify({ ...row, at: new Date(row.at).toISOString() }),
          ]);
        await asSuperuser(
          db,
          'INSERT INTO audit_checkpoints (number, at, seq, head_hash, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6)',
          [
            2,
            new Date(second.checkpoint.at).toISOString(),
            second.checkpoint.seq,
            second.checkpoint.headHash,
            second.checkpoint.keyId,
            second.checkpoint.signature,
          ],
        );
        assert.equal((await verifyAnchoredAudit(db, keys.auditPublicKey)).intact, true);

        // 2. Rewrite and rehash: who read entry 17 changed, every later hash recomputed.
        await rewriteAndRehash(db, 17, 'someone-else');
        assert.equal((await verifyAuditChain(db)).intact, true, 'a rehashed chain is still a valid chain');
        const rewritten = await verifyAnchoredAudit(db, keys.auditPublicKey);
        assert.equal(rewritten.intact, false);
        assert.match(
          rewritten.problems.join('\n'),
          /rewritten and rehashed: entry 40 no longer has the hash checkpoint 1 signed \(the change is between entries 1 and 40\)/,
        );

        const refused = await checkpoints.write();
        assert.ok(!refused.written && refused.reason === 'broken', 'a tampered chain is never signed');

        // 3. A checkpoint forged by someone without the key is refused.
        const intruder = generateKeyPairSync('ed25519').privateKey;
        const forged = { number: 3, at: Date.now(), seq: 57, headHash: 'f'.repeat(64), keyId: keyIdOf(keys.auditPublicKey) };
        const signature = sign(null, Buffer.from(signedText(forged)), intruder).toString('base64');
        await db.query('INSERT INTO audit_checkpoints (number, at, seq, head_hash, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6)', [
          3,
          new Date(forged.at).toISOString(),
          57,
          forged.headHash,
          forged.keyId,
          signature,
        ]);
        assert.match(
          (await verifyAnchoredAudit(db, keys.auditPublicKey)).problems.join('\n'),
          /checkpoint 3: its signature does not verify/,
        );

        // 4. The command says the same, and fails.
        await db.close();
        const verdict = await cli(location, keysDir);
        db = await openDatabase(location);
        assert.equal(verdict.code, 1, verdict.out);
        assert.match(verdict.out, /audit log BROKEN/);
        assert.match(verdict.out, /rewritten and rehashed/);
        assert.match(verdict.out, /entries after the latest checkpoint are not yet anchored/);
      } finally {
        await db.close();
        await cleanup();
        await rm(keysDir, { recursive: true, force: true });
      }
    });
  });
}
