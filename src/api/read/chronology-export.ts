import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ChronologyItem } from './record-view.ts';
import { formatDateTime } from '../../web/format-time.ts';

// The chronology as a file for a case conference or a review: one row per record or
// finding, times in the partnership's zone, and the protective marking on the sheet.

export const EXPORT_COLUMNS = ['When', 'Agency', 'About', 'Kind', 'What happened', 'Note', 'Recorded by', 'Findings'] as const;
export const MARKING = 'OFFICIAL-SENSITIVE';

export function exportRows(items: readonly ChronologyItem[], names: (id: string) => string, zone: string): string[][] {
  return items.map((item) => [
    formatDateTime(item.at, zone),
    item.agencyName,
    item.about.map(names).join(', '),
    item.kind === 'finding' ? `Finding: ${item.code.replaceAll('-', ' ')} (${item.status})` : item.type,
    item.summary,
    item.kind === 'event' ? (item.note ?? '') : '',
    item.kind === 'event' ? item.recordedBy : 'Threadline',
    item.kind === 'event' ? item.findings.join(' ') : item.findingId,
  ]);
}

/** CSV with a header row; cells that a spreadsheet would run as formulas are quoted as text. */
export function chronologyCsv(rows: readonly string[][]): string {
  const safe = rows.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
  return stringify([[...EXPORT_COLUMNS], ...safe]);
}

export async function chronologyXlsx(rows: readonly string[][], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Threadline';
  const sheet = workbook.addWorksheet('Chronology', {
    headerFooter: { oddHeader: `&C${MARKING}`, oddFooter: `&L${MARKING}&RPage &P of &N` },
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.addRow([`${MARKING}: ${title}`]).font = { bold: true };
  const header = sheet.addRow([...EXPORT_COLUMNS]);
  header.font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    column.width = [18, 22, 22, 24, 60, 40, 28, 20][i];
    column.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
