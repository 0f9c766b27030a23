// The demo gives a new user an identity review to open: Child RS's father, recorded a
// second time by the police, is put to the front door by the linker itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../store/open-database.ts';
import { RecordStore } from '../store/record-store.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { loadPartnershipConfig } from '../config/partnership-config.ts';
import { SystemClock } from '../engine/clock.ts';
import { identityReviewQueue } from '../api/read/identity-reviews.ts';
import { loadDemoScenarios } from './load-scenarios.ts';
import { recordDemoSecondRecords } from './demo-second-records.ts';

test('the demo leaves an identity review waiting: the father of young children, with the urgent ones, with its waterfall', async () => {
  const db = await openDatabase({});
  try {
    await loadDemoScenarios(db, 'scenarios');
    const store = await RecordStore.open(db, PROTOCOLS, loadPartnershipConfig({}, PROTOCOLS), new SystemClock());
    assert.equal(store.engine.world.pendingReviews().length, 0, 'the scenarios alone raise none');
    assert.equal(await recordDemoSecondRecords(store, 'Europe/London'), 1);
    const queue = identityReviewQueue(store.engine.world, Date.now(), 'Europe/London');
    assert.equal(queue.length, 1);
    const [review] = queue;
    assert.deepEqual(
      [review.person, review.candidate],
      ['sandwell-lcspr-2020-child-rs-rs-father-police', 'sandwell-lcspr-2020-child-rs-rs-father'],
    );
    assert.ok(review.priority <= 2, `a father of young children comes before other matches (priority ${review.priority})`);
    assert.ok(review.probability > 0.05 && review.probability < 0.95, `${review.probability} is for a practitioner to decide`);
    assert.ok(store.engine.world.pendingReviews()[0].data.waterfall?.steps.length);
  } finally {
    await db.close();
  }
});
