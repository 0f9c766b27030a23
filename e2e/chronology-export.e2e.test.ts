import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { startTestServer, type RunningTestServer } from './support/server.ts';
import { signIn, type Session } from './support/pages.ts';

// A GP downloads the chronology of a baby from the baby's record, as CSV and as a
// spreadsheet, with JavaScript on and off: the file holds the baby's records and the
// download is written to the audit under the GP's name.
describe('exporting a chronology from the child record', { timeout: 240_000 }, () => {
  let server: RunningTestServer;
  let browser: Browser;
  const sessions: Session[] = [];

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    for (const s of sessions) await s.context.close();
    await browser?.close();
    await server?.close();
  });

  async function download(page: Page, linkName: string): Promise<Buffer> {
    await page.goto('/people/known-baby');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
    const path = await file.path();
    return readFile(path);
  }

  async function exportsAudited(format: string): Promise<{ actor: string; subject: string; outcome: string }[]> {
    await server.services.audit.drain();
    const { rows } = await server.services.db.query<{ actor: string; subject: string; outcome: string }>(
      `SELECT actor, subject, outcome FROM audit_log WHERE detail = $1 ORDER BY seq`,
      [`chronology exported as ${format}`],
    );
    return rows;
  }

  for (const javaScript of [true, false]) {
    const mode = `JavaScript ${javaScript ? 'on' : 'off'}`;

    test(`CSV: the baby's records, and an audit row (${mode})`, async () => {
      const session = await signIn(browser, server.url, 'gp', { javaScript });
      sessions.push(session);
      const before = (await exportsAudited('csv')).length;
      const rows: string[][] = parse(await download(session.page, 'CSV'));
      assert.deepEqual(rows[0], ['When', 'Agency', 'About', 'Kind', 'What happened', 'Note', 'Recorded by', 'Findings']);
      assert.ok(
        rows.some((r) => r[3] === 'injury.observed' && /bruise/i.test(r[4])),
        'the GP’s bruise record',
      );
      assert.ok(
        rows.some((r) => r[3] === 'contact' && /new birth visit/i.test(r[4])),
        'the health visitor’s new birth visit',
      );
      assert.ok(!rows.some((r) => r.join(' ').includes('quiet')), 'nothing of another family');
      const audited = await exportsAudited('csv');
      assert.equal(audited.length, before + 1);
      assert.deepEqual(audited.at(-1), { actor: server.users.gp.userId, subject: 'known-baby', outcome: 'allowed' });
      assert.deepEqual(session.problems, []);
    });

    test(`spreadsheet: marked OFFICIAL-SENSITIVE, the same records, and an audit row (${mode})`, async () => {
      const session = await signIn(browser, server.url, 'gp', { javaScript });
      sessions.push(session);
      const before = (await exportsAudited('xlsx')).length;
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await download(session.page, 'spreadsheet (xlsx)')) as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('Chronology')!;
      assert.match(sheet.getCell('A1').text, /^OFFICIAL-SENSITIVE: chronology of /);
      const texts: string[] = [];
      sheet.eachRow((row) => texts.push(JSON.stringify(row.values)));
      assert.ok(
        texts.some((t) => /injury\.observed/.test(t) && /bruise/i.test(t)),
        'the GP’s bruise record',
      );
      const audited = await exportsAudited('xlsx');
      assert.equal(audited.length, before + 1);
      assert.deepEqual(audited.at(-1), { actor: server.users.gp.userId, subject: 'known-baby', outcome: 'allowed' });
    });
  }
});
