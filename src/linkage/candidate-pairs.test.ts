import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachCandidatePair } from './candidate-pairs.ts';
import type { BlockingRule } from './blocking-rule.ts';
import { prepareRecord } from './prepared-record.ts';

const records = [
  { id: '0', name: { given: 'Noah', family: 'Watson' }, born: '2008-03-23' },
  { id: '1', name: { given: 'Noah', family: 'Watson' }, born: '2008-03-23' },
  { id: '2', name: { given: 'Noah', family: 'Watson' }, born: '2009-01-01' },
  { id: '3', name: { given: 'Isla', family: 'Brown' }, born: '2008-03-23' },
  { id: '4', name: { given: 'Ivy' } },
].map(prepareRecord);

const byName: BlockingRule = { name: 'name', key: (r) => (r.given && r.family ? `${r.given}|${r.family}` : null) };
const byBirth: BlockingRule = { name: 'born', key: (r) => r.born?.iso ?? null };

test('each candidate pair is visited once, by the first rule that finds it', () => {
  const visited: string[] = [];
  const summary = forEachCandidatePair(records, [byName, byBirth], (i, j) => visited.push(`${i}-${j}`));
  assert.deepEqual(visited.sort(), ['0-1', '0-2', '0-3', '1-2', '1-3']);
  assert.deepEqual(
    summary.pairsByRule.map((rule) => rule.pairs),
    [3, 2],
  );
});

test('a key shared by too many records is skipped, and its pairs stay open to later rules', () => {
  const byNameAndBirth: BlockingRule = { name: 'name and born', key: (r) => `${byName.key(r)}|${byBirth.key(r)}` };
  const visited: string[] = [];
  const summary = forEachCandidatePair(records, [byName, byBirth, byNameAndBirth], (i, j) => visited.push(`${i}-${j}`), {
    maxBlockSize: 2,
  });
  assert.equal(summary.oversizedBlocks, 2);
  assert.deepEqual(visited, ['0-1']);
  const lenient: string[] = [];
  forEachCandidatePair(records, [byName, byBirth], (i, j) => lenient.push(`${i}-${j}`), { maxBlockSize: 3 });
  assert.deepEqual(lenient.sort(), ['0-1', '0-2', '0-3', '1-2', '1-3']);
});

test('shards split the blocks between workers without losing or repeating a pair', () => {
  const all: string[] = [];
  for (let shard = 0; shard < 2; shard++)
    forEachCandidatePair(records, [byName, byBirth], (i, j) => all.push(`${i}-${j}`), { shard, shards: 2 });
  assert.deepEqual(all.sort(), ['0-1', '0-2', '0-3', '1-2', '1-3']);
});
