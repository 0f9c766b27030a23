import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Wake } from '../protocols/protocol.ts';
import { REMEMBER_FIRED_MS, WakeQueue } from './wake-queue.ts';

const DAY = 24 * 60 * 60 * 1000;

function wake(subject: string, key: string, at: number): Wake {
  return { protocol: 'p', subject, key, at };
}

/** Fires everything due by `time`; a protocol that asks again for each wake it is woken by, as most do. */
function fireUntil(queue: WakeQueue, time: number, askAgain: (fired: Wake) => Wake[] = (fired) => [fired]): Wake[] {
  const fired: Wake[] = [];
  while (queue.peekTime() <= time) {
    const next = queue.pop()!;
    fired.push(next);
    for (const again of askAgain(next)) queue.push(again);
    assert.ok(fired.length < 100_000, 'a wake re-scheduled itself without end');
  }
  return fired;
}

test('a wake asked for again once it has fired is not scheduled again, soon after or long after', () => {
  const queue = new WakeQueue();
  assert.equal(queue.push(wake('child', 'stage:8-weeks', 10 * DAY)), true);
  assert.equal(fireUntil(queue, 11 * DAY).length, 1);
  assert.equal(queue.push(wake('child', 'stage:8-weeks', 10 * DAY)), false, 'just after firing');
  // Time passes well beyond the remembering window: other wakes fire, and the old id is forgotten.
  queue.push(wake('other', 'k', 10 * DAY + 2 * REMEMBER_FIRED_MS));
  fireUntil(queue, 10 * DAY + 2 * REMEMBER_FIRED_MS);
  assert.equal(queue.push(wake('child', 'stage:8-weeks', 10 * DAY)), false, 'long after firing');
  assert.equal(queue.size, 0);
});

test('a wake that asks for itself again when it fires fires once (no loop)', () => {
  const queue = new WakeQueue();
  queue.push(wake('child', 'weigh-by', 5 * DAY));
  const fired = fireUntil(queue, 5 * REMEMBER_FIRED_MS, (w) => [w, { ...w, key: 'later', at: w.at }]);
  assert.deepEqual(
    fired.map((w) => w.key),
    ['weigh-by', 'later'],
  );
});

test('the ids the queue remembers stay bounded while wakes keep being scheduled and fired for years', () => {
  const queue = new WakeQueue();
  const subjects = 50;
  const years = 10;
  let remembered = 0;
  for (let day = 0; day < years * 365; day++) {
    for (let s = 0; s < subjects; s++) queue.push(wake(`child-${s}`, `day:${day}`, day * DAY + s));
    fireUntil(queue, day * DAY + subjects);
    remembered = Math.max(remembered, queue.remembered);
  }
  const windowDays = REMEMBER_FIRED_MS / DAY + 100;
  // At most the window's worth of fired ids (forgetting runs every 100 days) plus one forgotten time per subject: not every id ever scheduled.
  assert.ok(remembered <= subjects * (windowDays + 2), `remembered ${remembered}`);
  assert.ok(remembered < (subjects * years * 365) / 5);
  // Every day's wake fired once, and none can be scheduled again.
  assert.equal(queue.push(wake('child-3', 'day:12', 12 * DAY + 3)), false);
  assert.equal(queue.push(wake('child-3', `day:${years * 365 - 1}`, (years * 365 - 1) * DAY + 3)), false);
});

test('a new wake of the same protocol and subject still due after the forgotten ones is scheduled', () => {
  const queue = new WakeQueue();
  queue.push(wake('child', 'a', DAY));
  queue.push(wake('other', 'b', DAY + 2 * REMEMBER_FIRED_MS));
  fireUntil(queue, DAY + 2 * REMEMBER_FIRED_MS, () => []);
  assert.equal(queue.push(wake('child', 'c', 2 * DAY)), true);
});

test('the queue state survives export and import', () => {
  const queue = new WakeQueue();
  queue.push(wake('child', 'a', DAY));
  fireUntil(queue, DAY);
  const copy = new WakeQueue();
  copy.importState(structuredClone(queue.exportState()));
  assert.equal(copy.push(wake('child', 'a', DAY)), false);
  assert.equal(copy.remembered, queue.remembered);
});

test('ids imported, or extracted and scheduled again, are forgotten once fired long ago', () => {
  const queue = new WakeQueue();
  queue.push(wake('moved', 'a', 2 * DAY));
  queue.extract(new Set(['moved']));
  queue.push(wake('moved', 'a', 3 * DAY));
  queue.push(wake('child', 'b', DAY));
  fireUntil(queue, 3 * DAY, () => []);
  const copy = new WakeQueue();
  copy.importState(structuredClone(queue.exportState()));
  copy.push(wake('other', 'c', 3 * DAY + 2 * REMEMBER_FIRED_MS));
  fireUntil(copy, 3 * DAY + 2 * REMEMBER_FIRED_MS, () => []);
  // Both forgotten: only one time per protocol and subject is left for them.
  assert.equal(copy.remembered, 3);
  assert.equal(copy.push(wake('moved', 'a', 3 * DAY)), false);
  assert.equal(copy.push(wake('moved', 'd', 4 * DAY)), true);
});
