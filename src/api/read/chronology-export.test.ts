import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { startTestApp } from '../../server/test-app.ts';
import { apiCaller } from '../../server/test-caller.ts';

test('the chronology exports as CSV and as a spreadsheet, need-to-know checked and audited', async () => {
  const t = await startTestApp();
  const call = apiCaller(t);
  try {
    const csv = await call('gp', 'GET', '/api/persons/known-baby/chronology/csv');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-disposition']), /attachment; filename="chronology-known-baby\.csv"/);
    const rows: string[][] = parse(csv.body);
    assert.deepEqual(rows[0], ['When', 'Agency', 'About', 'Kind', 'What happened', 'Note', 'Recorded by', 'Findings']);
    assert.ok(rows.some((r) => r[3] === 'injury.observed' && /bruise/i.test(r[4])));
    assert.ok(rows.some((r) => /^Finding: injury in non mobile infant/.test(r[3])));

    const xlsx = await call('gp', 'GET', '/api/persons/known-baby/chronology/xlsx');
    assert.equal(xlsx.statusCode, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Chronology')!;
    assert.match(sheet.getCell('A1').text, /^OFFICIAL-SENSITIVE: chronology of /);
    assert.equal(sheet.getCell('E2').value, 'What happened');
    assert.equal(sheet.rowCount, rows.length + 1, 'the same rows as the CSV, under the marking');

    // Police know only the mother; the baby of the quiet family is nobody's business of theirs.
    const refused = await call('police', 'GET', '/api/persons/quiet-baby/chronology/csv');
    assert.equal(refused.statusCode, 403);
    const { rows: audit } = await t.services.db.query<{ route: string; outcome: string; detail: string | null }>(
      `SELECT route, outcome, detail FROM audit_log WHERE route LIKE '%chronology/:format%' ORDER BY seq`,
    );
    await t.services.audit.drain();
    const again = (
      await t.services.db.query<{ outcome: string; detail: string | null }>(
        `SELECT outcome, detail FROM audit_log WHERE route LIKE '%chronology/:format%' ORDER BY seq`,
      )
    ).rows;
    assert.ok(audit.length <= again.length);
    assert.deepEqual(
      again.map((r) => [r.outcome, r.detail]),
      [
        ['allowed', 'chronology exported as csv'],
        ['allowed', 'chronology exported as xlsx'],
        ['refused', again[2]?.detail ?? null],
      ],
    );
  } finally {
    await t.close();
  }
});
