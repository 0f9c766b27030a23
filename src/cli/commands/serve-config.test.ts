import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startTestApp } from '../../server/test-app.ts';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

function serve(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const environment = { ...process.env, ...env };
    delete environment.DATABASE_URL;
    execFile(
      process.execPath,
      ['--import', 'tsx', MAIN, 'serve', '--port', '0', ...args],
      { env: environment, timeout: 60_000 },
      (error, _o, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr }),
    );
  });
}

test('threadline serve refuses a bad configuration (--config or THREADLINE_CONFIG) before opening anything, naming each field', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-config-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(
    bad,
    JSON.stringify({ timezone: 'Europe/Londres', protocols: { 'was-not-brought': { followUpDays: 99 }, 'no-such-protocol': {} } }),
  );
  const dataDir = join(dir, 'data');
  const keysDir = join(dir, 'keys');
  for (const [args, env, how] of [
    [['--config', bad], {}, '--config'],
    [[], { THREADLINE_CONFIG: bad }, 'THREADLINE_CONFIG'],
  ] as const) {
    const { code, stderr } = await serve([...args, '--data-dir', dataDir, '--keys-dir', keysDir], env);
    assert.equal(code, 2, how);
    assert.match(stderr, /partnership configuration/);
    assert.match(stderr, /timezone/);
    assert.match(stderr, /protocols\.was-not-brought\.followUpDays/);
    assert.match(stderr, /field 'protocols\.no-such-protocol': unknown protocol/);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  }
  assert.equal(existsSync(dataDir), false, 'no store was opened');
  const missing = await serve(['--config', join(dir, 'missing.json'), '--data-dir', dataDir, '--keys-dir', keysDir]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--config .*missing\.json: ENOENT/);
});

test('the configuration in force is shown to safeguarding leads: source, zone and each protocol’s thresholds', async () => {
  const t = await startTestApp({
    config: { name: 'Fenland Partnership', protocols: { 'was-not-brought': { followUpDays: 3 } }, disabled: ['unsafe-sleep-observed'] },
    services: { configSource: '--config fenland.json' },
  });
  try {
    const lead = await t.app.inject({
      method: 'GET',
      url: '/configuration',
      headers: { cookie: await t.sessionCookie('safeguarding-lead') },
    });
    assert.equal(lead.statusCode, 200);
    const text = lead.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    assert.match(text, /Fenland Partnership/);
    assert.match(text, /--config fenland\.json/);
    assert.match(text, /Europe\/London/);
    assert.match(text, /was-not-brought, version [^)]+\) In force Yes .*Follow up days 3/);
    assert.match(text, /unsafe-sleep-observed, version [^)]+\) In force No: disabled by the partnership/);
    const gp = await t.app.inject({ method: 'GET', url: '/configuration', headers: { cookie: await t.sessionCookie('gp') } });
    assert.equal(gp.statusCode, 403);
  } finally {
    await t.close();
  }
});
