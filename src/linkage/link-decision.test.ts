import { test } from 'node:test';
import assert from 'node:assert/strict';
import { constraintsFrom, type LinkDecision } from './link-decision.ts';

const by = { name: 'A. Practitioner', role: 'MASH social worker' };

test('the latest decision on a pair stands, whatever order they arrive in', () => {
  const decisions: LinkDecision[] = [
    { kind: 'reject', records: ['r2', 'r1'], by, reason: 'different mothers', at: '2024-05-02T10:00:00Z' },
    { kind: 'accept', records: ['r1', 'r2'], by, reason: 'same NHS number on the referral', at: '2024-05-01T10:00:00Z' },
  ];
  assert.deepEqual(constraintsFrom(decisions), { mustLink: [], cannotLink: [['r2', 'r1']] });
});

test('a split rejects the record against every record it was clustered with', () => {
  const split: LinkDecision = {
    kind: 'split',
    record: 'r3',
    from: ['r1', 'r2', 'r3'],
    by,
    reason: 'twin, not the same child',
    at: '2024-05-03T09:00:00Z',
  };
  assert.deepEqual(constraintsFrom([split]).cannotLink, [
    ['r3', 'r1'],
    ['r3', 'r2'],
  ]);
});
