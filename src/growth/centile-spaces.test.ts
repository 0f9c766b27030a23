import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHART_CENTILES, CHART_LINE_SDS, centileSpacesFallen } from './centile-spaces.ts';
import { centileOfSds } from './normal-distribution.ts';

test('each chart line is at the centile it is named for, to the rounding on the chart', () => {
  CHART_LINE_SDS.forEach((sds, i) => {
    const named = CHART_CENTILES[i];
    const tolerance = named < 1 || named > 99 ? 0.05 : 0.6;
    assert.ok(Math.abs(centileOfSds(sds) - named) < tolerance, `${sds} SDS`);
  });
});

test('a fall from the 50th to the 9th line is two centile spaces', () => {
  assert.ok(Math.abs(centileSpacesFallen(0, -4 / 3) - 2) < 1e-12);
  assert.ok(centileSpacesFallen(-1, 0) < 0, 'a rise is negative');
});
