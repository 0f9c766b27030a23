import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyIdOf } from '../api/audit/audit-checkpoints.ts';
import { loadAuditPublicKey, loadServerKeys } from './server-keys.ts';

test('the keys are made on first start in a folder only the owner can open, kept, and refused once others can read them', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'threadline-keys-test-')), 'keys');
  try {
    const first = loadServerKeys(dir, {});
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.equal(statSync(join(dir, 'audit-signing-key.pem')).mode & 0o777, 0o600);
    assert.equal(statSync(join(dir, 'csrf-key')).mode & 0o777, 0o600);
    const again = loadServerKeys(dir, {});
    assert.equal(keyIdOf(again.auditPublicKey), keyIdOf(first.auditPublicKey), 'the same key on the next start');
    assert.deepEqual(again.csrfKey, first.csrfKey);
    assert.equal(
      keyIdOf(loadAuditPublicKey({ keysDir: dir, env: {} })),
      keyIdOf(first.auditPublicKey),
      'auditors verify with the public key',
    );
    chmodSync(join(dir, 'audit-signing-key.pem'), 0o644);
    assert.throws(() => loadServerKeys(dir, {}), /can be read by other users .*chmod 600/);
  } finally {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
});

test('keys may come from the environment instead, and then no folder is written', () => {
  const parent = mkdtempSync(join(tmpdir(), 'threadline-keys-env-'));
  const made = loadServerKeys(join(parent, 'k'), {});
  rmSync(parent, { recursive: true, force: true });
  const env = {
    THREADLINE_AUDIT_KEY: made.auditSigningKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    THREADLINE_CSRF_KEY: made.csrfKey.toString('base64'),
  };
  const fromEnv = loadServerKeys('/nonexistent/threadline-keys', env);
  assert.equal(keyIdOf(fromEnv.auditPublicKey), keyIdOf(made.auditPublicKey));
  assert.equal(fromEnv.source, 'environment');
  assert.throws(
    () => loadServerKeys('/nonexistent/threadline-keys', { ...env, THREADLINE_AUDIT_KEY: 'not a key' }),
    /not an Ed25519 private key/,
  );
});
