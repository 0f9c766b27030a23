import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

function run(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', MAIN, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin ?? '');
  });
}

const child = { sex: 'female', birthDate: '2023-03-01', gestationWeeks: 40, gestationDays: 0, measurement: 'weight' };
const lines = [
  JSON.stringify({ ...child, observationDate: '2023-03-01', value: 3.36 }),
  '{"sex": "female", oops',
  JSON.stringify({ ...child, observationDate: '2023-03-22', value: 3.05 }),
  JSON.stringify({ ...child, observationDate: '2023-02-01', value: 3.05 }),
  '',
  JSON.stringify({ ...child, observationDate: '2043-03-22', value: 60 }),
];

test('growth reads JSON lines from a file and answers each, bad lines with an error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-growth-'));
  const file = join(dir, 'weights.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  const { code, stdout } = await run(['growth', file]);
  const out = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(out.length, 5, 'one output line per non-blank input line');

  assert.equal(out[0].value, 3.36, 'the input is echoed');
  assert.ok(out[0].centile > 45 && out[0].centile < 65, `birth weight centile ${out[0].centile}`);
  assert.equal(out[0].error, undefined);

  assert.equal(out[1].line, 2);
  assert.match(out[1].error, /line 2 is not valid JSON/);

  assert.ok(out[2].correctedSds < out[0].correctedSds - 1, 'a 3-week-old still at 3.05 kg has fallen');
  assert.equal(out[2].correctedSds, out[2].chronologicalSds);

  assert.match(out[3].error, /^observationDate: is before the birth date/);
  assert.equal(out[3].centile, null);
  assert.match(out[4].error, /beyond 20 years/);
  assert.equal(out[4].correctedSds, null);

  assert.equal(code, 1, 'exit 1 when some lines could not be computed');
});

test('growth reads stdin and exits 0 when every line computes', async () => {
  const { code, stdout } = await run(['growth'], lines[0] + '\n');
  assert.equal(code, 0);
  assert.equal(JSON.parse(stdout).centileAge, 'chronological', 'a term baby is not corrected');
});
