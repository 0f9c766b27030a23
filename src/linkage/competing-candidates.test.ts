import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chanceOfFirst, demoteContestedLinks } from './competing-candidates.ts';
import { EdgeList } from './edge-list.ts';

function edges(list: [number, number, number][]): EdgeList {
  const result = new EdgeList();
  for (const [i, j, w] of list) result.push(i, j, w);
  return result;
}

test('three records weighed together: a rival who is clearly someone else halves the chance', () => {
  // X matches A and B equally; A and B are known to be two people.
  assert.ok(Math.abs(chanceOfFirst(6, 6, null) - 64 / 129) < 1e-9);
  // A and B are probably one person: X joining them is no contest.
  assert.ok(chanceOfFirst(6, 6, 10) > 0.99);
  // A weak rival leaves a strong match nearly whole.
  assert.ok(chanceOfFirst(10, -3, null) > 0.99);
});

test('a record linked to a father and to his son at one address goes to review; other links stand', () => {
  // 0: the record without a date of birth; 1: the father; 2: the son; 3 and 4: another person's two records.
  const weights: Record<string, number> = { '0-1': 6, '0-2': 6, '1-2': -4, '3-4': 12 };
  const weightBetween = (i: number, j: number) => weights[`${Math.min(i, j)}-${Math.max(i, j)}`] ?? -20;
  const result = demoteContestedLinks({
    records: 5,
    links: edges([
      [0, 1, 6],
      [0, 2, 6],
      [3, 4, 12],
    ]),
    review: edges([]),
    weightBetween,
    mayBeRelatives: (i, j) => i < 3 && j < 3,
    linkProbability: 0.95,
  });
  assert.equal(result.demoted, 2);
  assert.deepEqual([result.links.length, result.links.i(0), result.links.j(0)], [1, 3, 4]);
  assert.equal(result.review.length, 2);
});

test('records who are not relatives do not compete, and a fourth record vouching for A and B settles it', () => {
  const base = {
    records: 4,
    links: edges([
      [0, 1, 6],
      [0, 2, 6],
      [1, 3, 9],
      [2, 3, 9],
    ]),
    review: edges([]),
    weightBetween: (i: number, j: number) => (i + j === 3 && i * j === 2 ? -6 : 0),
    linkProbability: 0.95,
  };
  assert.equal(demoteContestedLinks({ ...base, mayBeRelatives: () => false }).demoted, 0);
  // 1 and 2 look different (−6), but both are strongly linked to 3: one person's records.
  assert.equal(demoteContestedLinks({ ...base, mayBeRelatives: () => true }).demoted, 0);
  // Known to be different people (a practitioner said so): the links from 0 are contested.
  const known = demoteContestedLinks({ ...base, mayBeRelatives: () => true, knownDistinct: (i, j) => i + j === 3 && i * j === 2 });
  assert.ok(known.demoted >= 2);
});
