import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLogPosition, parseLogPosition } from './log-position.ts';

test('log positions: PostgreSQL LSN text both ways, ordered as the log grows', () => {
  assert.equal(parseLogPosition('0/3000148'), 0x3000148n);
  assert.equal(parseLogPosition('16/B374D848'), (0x16n << 32n) | 0xb374d848n);
  assert.equal(formatLogPosition(parseLogPosition('16/B374D848')!), '16/B374D848');
  assert.equal(formatLogPosition(0n), '0/0');
  assert.ok(parseLogPosition('1/0')! > parseLogPosition('0/FFFFFFFF')!);
});

test('log positions: anything but an LSN is no position', () => {
  for (const text of [undefined, null, '', '0', '0/', '/1', '0/123456789', 'G/1', '0/1; x', ' 0/1', '-1/0'])
    assert.equal(parseLogPosition(text), undefined, String(text));
});
