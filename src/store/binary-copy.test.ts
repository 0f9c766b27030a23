import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstColumns } from './binary-copy.ts';

function stream(rows: Buffer[][]): Buffer {
  const parts: Buffer[] = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)];
  for (const row of rows) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(row.length);
    parts.push(count);
    for (const field of row) {
      const length = Buffer.alloc(4);
      length.writeInt32BE(field.length);
      parts.push(length, field);
    }
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

test('binary COPY: the first column of each row, bytes as they were', () => {
  const rows = firstColumns(stream([[Buffer.from([1, 2, 3]), Buffer.from('x')], [Buffer.alloc(0)], [Buffer.from([0, 255])]]));
  assert.deepEqual(
    rows.map((r) => [...r]),
    [[1, 2, 3], [], [0, 255]],
  );
  assert.throws(() => firstColumns(Buffer.from('COPY text\n')), /not a binary COPY stream/);
});
