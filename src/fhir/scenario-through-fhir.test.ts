import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Bundle } from '@medplum/fhirtypes';
import { PROTOCOLS } from '../protocols/registry.ts';
import { readScenario } from '../replay/scenario-file.ts';
import { replayScenario } from '../replay/replay-scenario.ts';
import { score } from '../replay/score.ts';
import { World } from '../engine/world.ts';
import { recordsAsBundle } from './export-bundle.ts';
import { BundleIndex, planEntry, type ImportEntry } from './plan-import.ts';
import { THREADLINE_SYSTEM } from './fhir-codes.ts';

/** The records a Bundle of Threadline's own resources makes, in the order they happened. */
function recordsOf(bundle: Bundle): Record<string, unknown>[] {
  const entries: ImportEntry[] = (bundle.entry ?? []).map((e, index) => ({ index, resource: e.resource, fullUrl: e.fullUrl }));
  const index = new BundleIndex(entries, THREADLINE_SYSTEM);
  const world = new World();
  const records: { at: number; order: number; event: Record<string, unknown> }[] = [];
  for (const entry of entries) {
    const planned = planEntry(entry, world, index, { system: THREADLINE_SYSTEM, now: Date.now, keepAgency: true }, new Map());
    assert.deepEqual(planned.problems, [], `entry ${entry.index} (${planned.resourceType})`);
    for (const event of planned.events) records.push({ at: Date.parse(String(event.at)), order: records.length, event });
  }
  return records.sort((a, b) => a.at - b.at || String(a.event.id).localeCompare(String(b.event.id))).map((r) => r.event);
}

const signature = (f: { code: string; subject: string; raisedAt: number }) =>
  `${f.code} ${f.subject} ${new Date(f.raisedAt).toISOString()}`;

// 000 (Child A): "a new birth visit took place at 21 days, in line with the stretched
// mandatory target" (KLE2). The scenario's records, sent out as FHIR R4 and read back in,
// must make the engine raise what it raises from the scenario file itself.
test("review 000's Child A replayed through FHIR raises the same findings as the scenario file", async () => {
  const scenario = await readScenario('scenarios/000-child-a.scenario.json');
  const direct = replayScenario(scenario, PROTOCOLS);
  const { bundle, notExported } = recordsAsBundle(direct.events, direct.world, scenario.timezone);
  assert.deepEqual(notExported, {}, 'every record of the scenario has a FHIR resource');
  const throughFhir = replayScenario({ ...scenario, events: recordsOf(JSON.parse(JSON.stringify(bundle)) as Bundle) }, PROTOCOLS);
  assert.equal(throughFhir.events.length, direct.events.length);
  assert.deepEqual(throughFhir.findings.map(signature).sort(), direct.findings.map(signature).sort());
  const expected = score(direct);
  assert.deepEqual(score(throughFhir), expected);
  assert.ok(direct.findings.length > 0);
});
