import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, recentDate, type TestApp } from '../server/test-app.ts';
import { csvMappingSchema, rowToEvent, type RowContext } from './csv-mapping.ts';
import { checkRows } from './check-rows.ts';
import { nhsNumberIndex } from './nhs-number-index.ts';

const mapping = csvMappingSchema.parse({
  type: { value: 'measurement' },
  fields: {
    person: 'Child',
    at: { column: 'Date', as: 'date', format: 'dd/MM/yyyy' },
    kind: { value: 'weight' },
    value: { column: 'Weight (kg)', as: 'number' },
  },
});

let t: TestApp;
let context: RowContext;
before(async () => {
  t = await startTestApp();
  context = { zone: t.services.zone, personWithNhsNumber: nhsNumberIndex(t.services.store.engine.world) };
});
after(() => t.close());

const day = (iso: string) => iso.split('-').reverse().join('/');

test('a dry run reports the problems of every row, by line and column, and stores nothing', async () => {
  const rows = [
    { Child: 'known-baby', Date: day(recentDate(2)), 'Weight (kg)': '4.9' },
    { Child: 'known-baby', Date: '31/02/2026', 'Weight (kg)': '5.0' },
    { Child: 'nobody-here', Date: day(recentDate(1)), 'Weight (kg)': '5.0' },
    { Child: 'known-baby', Date: day(recentDate(1)), 'Weight (kg)': 'five' },
  ].map((row, i) => ({ line: i + 2, ...rowToEvent(row, mapping, context) }));
  const before = t.services.store.engine.world.eventsOf('known-baby').length;
  const checked = await checkRows(t.services, t.users['health-visitor'], rows);
  assert.deepEqual(
    checked.problems.map((p) => [p.line, p.problems.map((q) => q.field)]),
    [
      [3, ['at (column "Date")']],
      [4, ['person']],
      [5, ['value (column "Weight (kg)")']],
    ],
  );
  assert.equal(checked.events.length, 1);
  assert.equal(t.services.store.engine.world.eventsOf('known-baby').length, before);
});

test('rows about a child the user may not see are refused by the same authorisation as every write', async () => {
  // The quiet family is known only to midwifery.
  const rows = [{ line: 2, ...rowToEvent({ Child: 'quiet-baby', Date: day(recentDate(1)), 'Weight (kg)': '5.1' }, mapping, context) }];
  const checked = await checkRows(t.services, t.users['health-visitor'], rows);
  assert.match(checked.problems[0]?.problems[0]?.reason ?? '', /You cannot record about quiet-baby/);
});

test('an NHS number column names the person who has it; a row made twice gets the same id', async () => {
  await t.services.store.submit(
    {
      id: 'csv-nhs',
      type: 'person.recorded',
      at: recentDate(3),
      person: 'csv-child',
      role: 'child',
      born: recentDate(40),
      nhsNumber: '9991200037',
      agency: 'health-visiting',
    },
    'csv-nhs',
  );
  context = { ...context, personWithNhsNumber: nhsNumberIndex(t.services.store.engine.world) };
  const nhsMapping = csvMappingSchema.parse({ ...mapping, fields: { ...mapping.fields, person: { column: 'NHS', as: 'nhs-number' } } });
  const person = t.services.store.engine.world.person('csv-child')!;
  const row = { NHS: person.nhsNumber!, Date: day(recentDate(1)), 'Weight (kg)': '5.2' };
  const first = rowToEvent(row, nhsMapping, context);
  assert.equal(first.event.person, person.id);
  assert.equal(rowToEvent(row, nhsMapping, context).event.id, first.event.id);
  assert.deepEqual(rowToEvent({ ...row, NHS: '9991200029' }, nhsMapping, context).problems[0].field, 'person (column "NHS")');
});
