// Records that arrive together (an import of another system's history) are evaluated as
// known together: a deadline already past when the batch arrives is judged once the whole
// batch is applied, so a visit imported beside the birth it answers is in time. Sent one
// at a time, the same records do raise the finding: the birth arrived first, alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from './open-database.ts';
import { RecordStore } from './record-store.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import { SystemClock } from '../engine/clock.ts';
import { newborn, type EventInput } from '../protocols/testing.ts';

const DAY_MS = 86_400_000;
const localDate = (msAgo: number) => new Date(Date.now() - msAgo).toISOString().slice(0, 10);

function history(): EventInput[] {
  const born = `${localDate(30 * DAY_MS)}T09:00`;
  const family = newborn({ born }).map((e, i) => ({ ...e, id: `arrival-${i}` }));
  const visit: EventInput = {
    id: 'arrival-visit',
    at: `${localDate(22 * DAY_MS)}T11:00`,
    type: 'contact',
    person: 'baby',
    agency: 'health-visiting',
    kind: 'new-birth-visit',
  };
  return [...family, visit];
}

async function openStore() {
  const db = await openDatabase({});
  const config = loadPartnershipConfig({}, PROTOCOLS);
  return { db, config, store: await RecordStore.open(db, PROTOCOLS, config, new SystemClock()) };
}

const newBirthVisitMissing = (store: RecordStore) =>
  store.engine.world.findingsAbout('baby').filter((f) => f.code === 'mandated-contact-missing' && f.dedupeKey === 'new-birth-visit');

test('a birth and its new birth visit imported together: no missing-visit finding, live or after reopening', async () => {
  const { db, config, store } = await openStore();
  await store.submitBatch(history(), 'import');
  await store.tick();
  assert.deepEqual(newBirthVisitMissing(store), []);
  const reopened = await RecordStore.open(db, PROTOCOLS, config, new SystemClock(), { useSnapshots: false });
  assert.deepEqual(newBirthVisitMissing(reopened), []);
  await db.close();
});

test('the same records sent one at a time: the birth arrived alone and past its deadline, so the finding is raised', async () => {
  const { db, store } = await openStore();
  for (const [index, event] of history().entries()) await store.submit(event, `single#${index}`);
  await store.tick();
  assert.equal(newBirthVisitMissing(store).length, 1);
  await db.close();
});
