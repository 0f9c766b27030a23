import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isoTime } from './iso-time.ts';

test('isoTime writes exactly what toISOString writes, in any order of instants', () => {
  const samples = [
    0,
    1,
    999,
    86_399_999,
    86_400_000,
    -1,
    -86_400_001,
    Date.UTC(2024, 1, 29, 23, 59, 59, 999),
    Date.UTC(2023, 2, 26, 1, 0),
    253_402_300_799_999,
    253_402_300_800_000,
    -62_167_219_200_001,
  ];
  let seed = 7;
  for (let i = 0; i < 2000; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    samples.push(Date.UTC(2020, 0, 1) + (seed % (5 * 365)) * 86_400_000 + (seed % 86_400_000));
  }
  for (const ms of [...samples, ...samples.reverse()]) assert.equal(isoTime(ms), new Date(ms).toISOString(), String(ms));
});
