import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocal } from '../../domain/time.ts';
import { ProtocolHarness, newborn } from '../../protocols/testing.ts';
import { identityReviewQueue } from './identity-reviews.ts';

const ZONE = 'Europe/London';
const adult = (person: string, sex: 'male' | 'female', given: string, family: string, at = '2023-01-02') => ({
  at,
  type: 'person.recorded',
  person,
  role: 'adult',
  sex,
  agency: 'police',
  name: { given, family },
});
const review = (at: string, person: string, candidate: string, probability: number) => ({
  at,
  type: 'identity.review',
  person,
  candidate,
  matchWeight: Math.log2(probability / (1 - probability)),
  probability,
  recordedBy: { role: 'threadline-linkage' },
});

function queue() {
  const h = new ProtocolHarness([]).add(
    // A baby born this January, her father recorded by midwifery.
    ...newborn({ born: '2023-01-09T10:00' }),
    adult('mw-father', 'male', 'Daniel', 'Okonkwo-Reyes', '2023-01-10'),
    { at: '2023-01-10T10:05', type: 'relationship.recorded', person: 'mw-father', of: 'baby', kind: 'father', agency: 'midwifery' },
    // A mother of a three-year-old.
    adult('mum2', 'female', 'Grace', 'Whitfield'),
    { at: '2023-01-02', type: 'person.recorded', person: 'kid', role: 'child', born: '2020-05-01', sex: 'male', agency: 'gp' },
    { at: '2023-01-02', type: 'relationship.recorded', person: 'mum2', of: 'kid', kind: 'mother', agency: 'gp' },
    // Two women with no children recorded.
    adult('gp-1', 'female', 'Ann', 'Pemberton'),
    adult('hosp-2', 'female', 'Ann', 'Pemberton'),
    adult('la-9', 'female', 'Grace', 'Whitfield'),
    adult('police-4', 'male', 'Daniel', 'Okonkwo-Reyes', '2023-02-01'),
    // Raised oldest first; the match about the baby's father is the newest and the least likely.
    review('2023-02-01', 'hosp-2', 'gp-1', 0.9),
    review('2023-02-02', 'la-9', 'mum2', 0.8),
    review('2023-02-03', 'police-4', 'mw-father', 0.3),
  );
  return identityReviewQueue(h.record.engine.world, parseLocal('2023-03-01', ZONE)!, ZONE);
}

test('a possible match between a man and a household with a baby comes first, however unlikely or recent', () => {
  const reviews = queue();
  assert.deepEqual(
    reviews.map((r) => [r.person, r.candidate, r.priority]),
    [
      ['police-4', 'mw-father', 1],
      ['la-9', 'mum2', 2],
      ['hosp-2', 'gp-1', 3],
    ],
  );
  assert.equal(reviews[0].priorityReason, 'a man and a household with a baby or an unborn child');
  assert.equal(reviews[1].priorityReason, 'a household with a child under 5');
});

test('the queue keeps the fields the review page reads', () => {
  const [first] = queue();
  assert.deepEqual(Object.keys(first).sort(), [
    'candidate',
    'explanation',
    'matchWeight',
    'person',
    'priority',
    'priorityReason',
    'probability',
    'raisedAt',
  ]);
  assert.equal(first.raisedAt, new Date(parseLocal('2023-02-03', ZONE)!).toISOString());
  assert.equal(first.probability, 0.3);
});

test('an unborn baby counts as a baby; a man alone with no children does not', () => {
  const h = new ProtocolHarness([]).add(
    adult('mum', 'female', 'Isla', 'Marsh'),
    {
      at: '2023-01-05',
      type: 'pregnancy.booked',
      person: 'mum',
      unborn: 'unborn-1',
      gestationWeeks: 12,
      due: '2023-07-20',
      agency: 'midwifery',
    },
    adult('mw-partner', 'male', 'Tom', 'Marsh'),
    {
      at: '2023-01-05',
      type: 'relationship.recorded',
      person: 'mw-partner',
      of: 'unborn-1',
      kind: 'partner-of-parent',
      agency: 'midwifery',
    },
    adult('prob-1', 'male', 'Tom', 'Marsh'),
    adult('lone-1', 'male', 'Sam', 'Green'),
    adult('lone-2', 'male', 'Sam', 'Green'),
    review('2023-02-01', 'lone-2', 'lone-1', 0.9),
    review('2023-02-02', 'prob-1', 'mw-partner', 0.5),
  );
  const reviews = identityReviewQueue(h.record.engine.world, parseLocal('2023-03-01', ZONE)!, ZONE);
  assert.deepEqual(
    reviews.map((r) => [r.person, r.priority]),
    [
      ['prob-1', 1],
      ['lone-2', 3],
    ],
  );
});
