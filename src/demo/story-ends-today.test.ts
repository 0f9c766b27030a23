import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { DateTime } from 'luxon';
import { readScenario } from '../replay/scenario-file.ts';
import { demoEvents, storyShiftDays } from './load-scenarios.ts';

test("every demo family's story ends today, each record moved by the same whole number of days", async () => {
  // Across a clock change and on a day the stories did not end on.
  for (const today of ['2026-12-02T09:00', '2027-03-28T23:30', '2027-07-01T00:10']) {
    const now = DateTime.fromISO(today, { zone: 'Europe/London' });
    for (const file of (await readdir('scenarios')).filter((f) => f.endsWith('.scenario.json'))) {
      const scenario = await readScenario(`scenarios/${file}`);
      const zone = scenario.timezone;
      const moved = demoEvents(scenario, now);
      assert.equal(String(moved.at(-1)!.at).slice(0, 10), now.setZone(zone).toISODate(), `${file} on ${today}`);
      const shift = storyShiftDays(scenario, now);
      const original = scenario.events as { id: string; at: string }[];
      // The first record keeps its time of day and moves by the same days as the last.
      const first = moved.find((e) => e.id === `${scenario.scenario}-${original[0].id}`)!;
      assert.equal(first.at, DateTime.fromISO(original[0].at, { zone }).plus({ days: shift }).toFormat("yyyy-MM-dd'T'HH:mm"));
      assert.equal(String(first.at).slice(11), original[0].at.slice(11), `${file}: time of day kept`);
    }
  }
});
