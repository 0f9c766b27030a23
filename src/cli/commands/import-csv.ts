import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { mappedColumns, readCsvMapping, rowToEvent } from '../../import/csv-mapping.ts';
import { nhsNumberIndex } from '../../import/nhs-number-index.ts';
import { checkRows } from '../../import/check-rows.ts';
import { auditCommand, openAsUser } from '../open-as-user.ts';
import { UserError } from '../report-failure.ts';
import type { RegisterCommand } from './index.ts';

interface ImportCsvOptions {
  mapping: string;
  as: string;
  dryRun?: boolean;
  dataDir: string;
}

const PROGRESS_FROM = 2_000;
const STORE_SLICE = 1_000;

export const registerImportCsv: RegisterCommand = (program: Command) => {
  program
    .command('import-csv')
    .description(
      'import a spreadsheet export (CSV) as records, one row a record, by a mapping file; every row is checked before anything is stored',
    )
    .argument('<file>', 'CSV with a header row')
    .requiredOption('--mapping <file>', 'JSON mapping from columns to event fields (see README, "Bulk CSV import")')
    .requiredOption('--as <username>', 'the account the records are recorded by')
    .option('--dry-run', "check every row and report each row's problems; store nothing")
    .option('--data-dir <dir>', 'embedded store folder (ignored when DATABASE_URL is set); stop the server first', '.threadline-data')
    .action(async (file: string, options: ImportCsvOptions) => {
      const mapping = await readCsvMapping(options.mapping);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        throw new UserError(`${file}: cannot be read`);
      }
      let records: Record<string, string>[];
      try {
        records = parse<Record<string, string>>(text, {
          columns: true,
          skip_empty_lines: true,
          trim: true,
          bom: true,
          delimiter: mapping.delimiter,
        });
      } catch (error) {
        throw new UserError(`${file}: not readable as CSV (${error instanceof Error ? error.message : String(error)})`);
      }
      const header = records.length > 0 ? Object.keys(records[0]) : [];
      const missing = mappedColumns(mapping).filter((c) => records.length > 0 && !header.includes(c));
      if (missing.length > 0)
        throw new UserError(
          `${file}: the mapping reads columns the file does not have: ${missing.join(', ')} (the header has: ${header.join(', ')})`,
        );
      const session = await openAsUser(options.dataDir, options.as);
      const { services, principal } = session;
      const bar =
        records.length >= PROGRESS_FROM
          ? new cliProgress.SingleBar({ stream: process.stderr }, cliProgress.Presets.shades_classic)
          : undefined;
      try {
        const context = { zone: services.zone, personWithNhsNumber: nhsNumberIndex(services.store.engine.world) };
        const rows = records.map((row, i) => ({ line: i + 2, ...rowToEvent(row, mapping, context) }));
        bar?.start(rows.length * (options.dryRun ? 1 : 2), 0);
        const checked = await checkRows(services, principal, rows, (done) => bar?.update(done));
        if (checked.problems.length > 0 || options.dryRun) {
          bar?.stop();
          for (const row of checked.problems)
            console.log(`line ${row.line}: ${row.problems.map((p) => (p.field ? `${p.field}: ${p.reason}` : p.reason)).join('; ')}`);
          const verdict =
            checked.problems.length > 0
              ? `${checked.problems.length} of ${rows.length} rows have problems`
              : `all ${rows.length} rows are good`;
          console.log(`${verdict}; nothing was stored${options.dryRun ? ' (dry run)' : ': correct the rows and import again'}.`);
          if (checked.problems.length > 0) process.exitCode = 1;
          return;
        }
        let stored = 0;
        let duplicates = 0;
        let findings = 0;
        for (let i = 0; i < checked.events.length; i += STORE_SLICE) {
          const result = await services.store.submitBatch(checked.events.slice(i, i + STORE_SLICE), `csv-${Date.now()}`, {
            userId: principal.userId,
          });
          stored += result.accepted;
          duplicates += result.duplicates;
          findings += result.findings.length;
          bar?.update(rows.length + Math.min(i + STORE_SLICE, rows.length));
        }
        bar?.stop();
        const summary = `${rows.length} rows from ${file}: ${stored} stored, ${duplicates} already held; ${findings} findings raised`;
        await auditCommand(services, principal, 'CLI import-csv', `CSV import: ${summary}`);
        console.log(summary);
      } finally {
        bar?.stop();
        await session.close();
      }
    });
};
