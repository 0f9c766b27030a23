import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IdsByTime } from './ids-by-time.ts';

test('ids come out earliest first, whatever order they went in', () => {
  const heap = new IdsByTime();
  const times = Array.from({ length: 500 }, (_, i) => (i * 7919) % 211);
  times.forEach((time, i) => heap.add(time, `id${i}`));
  const out: number[] = [];
  while (heap.size > 0) {
    out.push(heap.peekTime());
    heap.take();
  }
  assert.deepEqual(
    out,
    [...times].sort((a, b) => a - b),
  );
  assert.equal(heap.peekTime(), Number.POSITIVE_INFINITY);
});

test('fill replaces the contents', () => {
  const heap = new IdsByTime();
  heap.add(1, 'old');
  heap.fill(
    new Map([
      ['b', 20],
      ['a', 10],
    ]),
  );
  assert.equal(heap.size, 2);
  assert.equal(heap.take(), 'a');
  assert.equal(heap.take(), 'b');
});
