import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DAY_MS, addMonths } from '../../domain/time.ts';
import type { PersonState } from '../../engine/world-view.ts';
import { isUnderMonths } from './age.ts';

const child = (bornMs: number): PersonState => ({
  id: 'c',
  role: 'child',
  bornMs,
  firstRecordedAt: bornMs,
  gpRegistrations: [],
  openPlans: new Map(),
  agencies: new Set(),
  events: [],
});

test('isUnderMonths agrees with calendar months in local time, near the boundary and far from it', () => {
  const zone = 'Europe/London';
  let seed = 11;
  for (let i = 0; i < 3000; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const born = Date.UTC(2019, 0, 1) + (seed % 2000) * DAY_MS + (seed % 1440) * 60_000;
    const months = 1 + (seed % 60);
    const boundary = addMonths(born, months, zone);
    for (const at of [
      boundary - 1,
      boundary,
      born + (seed % (months * 32)) * DAY_MS,
      born + months * 27 * DAY_MS,
      born + months * 32 * DAY_MS,
    ]) {
      assert.equal(isUnderMonths(child(born), at, months, zone), at < boundary, `born ${born}, ${months} months, at ${at}`);
    }
  }
});
