import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerLink } from './link.ts';
import { UserError } from '../report-failure.ts';

const dir = mkdtempSync(join(tmpdir(), 'threadline-link-'));

async function runLink(args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerLink(program);
  const printed: string[] = [];
  const log = console.log;
  console.log = (...parts: unknown[]) => void printed.push(parts.join(' '));
  try {
    await program.parseAsync(['node', 'threadline', 'link', ...args]);
  } finally {
    console.log = log;
  }
  return printed.join('\n');
}

function csv(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const SMALL = `unique_id,first_name,surname,dob,postcode,city,email,person
a1,Noah,Watson,2008-03-23,BL1 4AB,Bolton,noah.watson@example.com,1
a2,Watson,Noah,2008-03-23,BL1 4AB,Bolton,,1
a3,Noah,Watsn,23/03/2008,,Bolton,noah.watson@example.com,1
b1,Isla,Watson,2011-09-02,BL1 4AB,Bolton,,2
c1,Amelia,Alexander,1983-05-19,G12 8QQ,Glasgow,icampbell@example.org,3
c2,Amelia,Alexander,1983-05-19,G12 8QQ,Glasgow,icampbell@example.org,3
`;

test('links a small CSV: one output row per input row, the same person in one cluster, a summary of counts', async () => {
  const input = csv('small.csv', SMALL);
  const out = join(dir, 'out.csv');
  const summary = await runLink([input, '--out', out, '--truth', 'person', '--review-out', join(dir, 'review.csv')]);
  const rows = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  assert.deepEqual(rows[0], ['unique_id', 'cluster']);
  const cluster = Object.fromEntries(rows.slice(1));
  assert.deepEqual(Object.keys(cluster), ['a1', 'a2', 'a3', 'b1', 'c1', 'c2']);
  assert.equal(cluster.a2, cluster.a1);
  assert.equal(cluster.a3, cluster.a1);
  assert.notEqual(cluster.b1, cluster.a1, 'a sister is not her brother');
  assert.equal(cluster.c2, cluster.c1);
  assert.match(summary, /records: 6/);
  assert.match(summary, /pairs compared: \d+/);
  assert.match(summary, /links \(match probability at or above the link threshold\): \d+/);
  assert.match(summary, /review band \(for a practitioner to decide\): \d+/);
  assert.match(summary, /against person: precision 1\.0000, recall 1\.0000, F1 1\.0000/);
  assert.doesNotMatch(summary, /Noah|Watson|2008/);
  assert.match(readFileSync(join(dir, 'review.csv'), 'utf8'), /^unique_id_l,unique_id_r,probability,match_weight/);
});

test('bad input is refused with a message naming the problem', async () => {
  const out = join(dir, 'never.csv');
  await assert.rejects(
    runLink([csv('noid.csv', 'first_name,surname\nNoah,Watson\n'), '--out', out]),
    (error: unknown) => error instanceof UserError && /no id column/.test(error.message),
  );
  await assert.rejects(
    runLink([join(dir, 'absent.csv'), '--out', out]),
    (error: unknown) => error instanceof UserError && /absent\.csv: no such file/.test(error.message),
  );
  await assert.rejects(
    runLink([csv('dup.csv', 'id,first_name\n1,Noah\n1,Isla\n'), '--out', out]),
    (error: unknown) => error instanceof UserError && /row 3 repeats an id/.test(error.message),
  );
  await assert.rejects(
    runLink([csv('empty.csv', ''), '--out', out]),
    (error: unknown) => error instanceof UserError && /empty/.test(error.message),
  );
  await assert.rejects(
    runLink([csv('ok.csv', SMALL), '--out', out, '--link-probability', '2']),
    (error: unknown) => error instanceof UserError && /--link-probability/.test(error.message),
  );
});

test('an NHS number failing the modulus 11 check is counted and never used as evidence', async () => {
  // Two different people sharing a mistyped NHS number (9434765918: the check digit should be 9).
  const input = csv(
    'nhs.csv',
    `unique_id,first_name,surname,dob,nhs_number,person
n1,Oliver,Connolly,1972-03-08,9434765918,1
n2,Ruby,Ahmed,2001-11-30,943 476 5918,2
v1,Ivy,Brown,1990-01-01,943 476 5919,3
v2,Ivy,Brown,1990-01-01,9434765919,3
`,
  );
  const out = join(dir, 'nhs-out.csv');
  const summary = await runLink([input, '--out', out]);
  const cluster = Object.fromEntries(
    readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')),
  );
  assert.notEqual(cluster.n1, cluster.n2);
  assert.equal(cluster.v1, cluster.v2);
  assert.match(summary, /NHS numbers failing the modulus 11 check, not used as evidence: 2/);
});
