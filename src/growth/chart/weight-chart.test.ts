import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ukWhoValue } from '../uk-who.ts';
import { EXAMPLE_CHARTS } from './example-charts.ts';
import { renderWeightChart } from './weight-chart.ts';

const DAY_MS = 86_400_000;
const born = Date.UTC(2023, 1, 15);

function circles(svg: string): { cx: number; cy: number }[] {
  return [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => ({ cx: Number(m[1]), cy: Number(m[2]) }));
}

test('the chart is an accessible image with a title and a description of every weight', () => {
  const svg = renderWeightChart(EXAMPLE_CHARTS['child-d-two-centile-spaces-by-day-21']);
  assert.match(svg, /^<svg [^>]*role="img" aria-labelledby="child-d-title child-d-desc"/);
  assert.match(svg, /<title id="child-d-title">Weight: girl, UK-WHO growth chart<\/title>/);
  assert.match(svg, /<desc id="child-d-desc">[^<]*birth weight 3\.41 kg \(50th centile\); day 21 3\.10 kg \(7th centile\)/);
  for (const name of ['0.4th', '2nd', '9th', '25th', '50th', '75th', '91st', '98th', '99.6th'])
    assert.match(svg, new RegExp(`>${name}</text>`));
  assert.match(svg, />Weight \(kg\)</);
  assert.match(svg, />Age in weeks</);
  assert.match(svg, /weights plotted at age from birth, without correction/);
});

test('one marker per weight, the birth weight drawn as a diamond, and the points joined', () => {
  const input = EXAMPLE_CHARTS['child-two-25th-to-0.4th'];
  const svg = renderWeightChart(input);
  assert.equal(circles(svg).length, input.measurements.length);
  assert.match(svg, /<path d="M[\d.]+ [\d.]+L[\d.]+ [\d.]+L[\d.]+ [\d.]+L[\d.]+ [\d.]+Z" fill="#1d70b8"/);
  assert.match(svg, /stroke="#1d70b8" stroke-width="2.5"/);
  assert.match(svg, /15 weeks: 4\.40 kg, 0\.4th/);
});

test('weights are placed by age and value: later is further right, heavier is higher', () => {
  const at = (day: number) => born + day * DAY_MS;
  const svg = renderWeightChart({
    sex: 'male',
    bornMs: born,
    gestationWeeks: 40,
    gestationDays: 0,
    measurements: [
      { at: at(20), kg: 3.6 },
      { at: at(40), kg: 4.8 },
      { at: at(41), kg: 4.2 },
    ],
  });
  const [a, b, c] = circles(svg);
  assert.ok(a.cx < b.cx && b.cx < c.cx);
  assert.ok(b.cy < c.cy, 'the heavier weight is drawn higher');
});

test('a weight on the median is described as the 50th centile at corrected age', () => {
  const at = born + 98 * DAY_MS; // 14 weeks old, born at 30 weeks: 4 weeks after term
  const median = ukWhoValue('weight', 'female', 28 / 365.25, 0);
  const svg = renderWeightChart({ sex: 'female', bornMs: born, gestationWeeks: 30, gestationDays: 0, measurements: [{ at, kg: median }] });
  assert.match(svg, /14 weeks \(4 weeks corrected\): [\d.]+ kg, 50th/);
  assert.match(svg, /before term, weeks of gestation/);
});

test('text is escaped', () => {
  const svg = renderWeightChart({ ...EXAMPLE_CHARTS['child-d-two-centile-spaces-by-day-21'], title: 'A & B <script>' });
  assert.match(svg, /<title id="child-d-title">A &amp; B &lt;script&gt;<\/title>/);
  assert.doesNotMatch(svg, /<script>/);
});
