import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterRecords } from './clustering.ts';
import { EdgeList } from './edge-list.ts';

function edges(list: [number, number, number][]): EdgeList {
  const result = new EdgeList();
  for (const [i, j, w] of list) result.push(i, j, w);
  return result;
}

const table =
  (weights: Record<string, number>, otherwise = -20) =>
  (i: number, j: number) =>
    weights[`${Math.min(i, j)}-${Math.max(i, j)}`] ?? otherwise;

test('links become connected components, named by their first record', () => {
  const links = edges([
    [0, 1, 10],
    [1, 2, 9],
    [3, 4, 12],
  ]);
  const result = clusterRecords({ records: 6, links, weightBetween: table({ '0-1': 10, '1-2': 9, '0-2': 8, '3-4': 12 }) });
  assert.deepEqual([...result.clusterOf], [0, 0, 0, 3, 3, 5]);
  assert.equal(result.clusters, 3);
});

test('a rejected pair is never clustered, not even through a third record', () => {
  const links = edges([
    [0, 1, 10],
    [1, 2, 10],
    [0, 2, 10],
  ]);
  const weights = table({ '0-1': 10, '1-2': 10, '0-2': 10 });
  const result = clusterRecords({ records: 3, links, cannotLink: [[0, 2]], weightBetween: weights });
  assert.notEqual(result.clusterOf[0], result.clusterOf[2]);
  assert.ok(result.mergesRefusedByDecision >= 1);
  // Without the rejection the three are one person.
  assert.equal(clusterRecords({ records: 3, links, weightBetween: weights }).clusters, 1);
});

test('a rejection holds however the clusters grew', () => {
  // 0-1 and 2-3 join first; then 1-2 would bring 0 and 3 together, which was rejected.
  const links = edges([
    [0, 1, 20],
    [2, 3, 19],
    [1, 2, 18],
  ]);
  const result = clusterRecords({ records: 4, links, cannotLink: [[3, 0]], weightBetween: () => 15 });
  assert.equal(result.clusterOf[0], result.clusterOf[1]);
  assert.equal(result.clusterOf[2], result.clusterOf[3]);
  assert.notEqual(result.clusterOf[0], result.clusterOf[3]);
});

test('an accepted pair is joined even with no link, but never over a rejection', () => {
  const result = clusterRecords({ records: 3, links: edges([]), mustLink: [[0, 2]], weightBetween: () => -30 });
  assert.equal(result.clusterOf[2], 0);
  const conflict = clusterRecords({ records: 2, links: edges([]), mustLink: [[0, 1]], cannotLink: [[0, 1]], weightBetween: () => 0 });
  assert.notEqual(conflict.clusterOf[0], conflict.clusterOf[1]);
  assert.equal(conflict.conflictingAccepts, 1);
});

test('a strong link does not chain together groups that are, on balance, different people', () => {
  // 0-1 and 2-3 are strong pairs; 1-2 is a link, but 0 and 3 and the rest say otherwise.
  const weights = table({ '0-1': 15, '2-3': 15, '1-2': 6, '0-2': -12, '0-3': -14, '1-3': -10 });
  const result = clusterRecords({
    records: 4,
    links: edges([
      [0, 1, 15],
      [2, 3, 15],
      [1, 2, 6],
    ]),
    weightBetween: weights,
  });
  assert.equal(result.clusters, 2);
  assert.equal(result.mergesRefusedAsChaining, 1);
  // When the other pairs agree, the same link joins them.
  const agreeing = table({ '0-1': 15, '2-3': 15, '1-2': 6, '0-2': 3, '0-3': 2, '1-3': 4 });
  assert.equal(
    clusterRecords({
      records: 4,
      links: edges([
        [0, 1, 15],
        [2, 3, 15],
        [1, 2, 6],
      ]),
      weightBetween: agreeing,
    }).clusters,
    1,
  );
});
