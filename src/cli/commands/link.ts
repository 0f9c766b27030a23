import { readFile, writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { linkRecords, type LinkResult } from '../../linkage/link-records.ts';
import { DEFAULT_THRESHOLDS, weightToProbability } from '../../linkage/model-parameters.ts';
import { isValidNhsNumber } from '../../linkage/nhs-number.ts';
import { pairwiseAccuracy } from '../../linkage/pairwise-accuracy.ts';
import type { PersonRecord } from '../../linkage/person-record.ts';
import { UserError } from '../report-failure.ts';
import { describeColumns, recogniseColumns, rowToRecord } from './link-columns.ts';
import type { RegisterCommand } from './index.ts';

interface LinkCommandOptions {
  readonly out: string;
  readonly reviewOut?: string;
  readonly truth?: string;
  readonly linkProbability: string;
  readonly reviewProbability: string;
}

export const registerLink: RegisterCommand = (program: Command) => {
  program
    .command('link')
    .description('find the records that are the same person, with no shared identifier needed')
    .argument(
      '<file>',
      'CSV with a header: unique_id (or id) and any of first_name, surname, dob, sex, nhs_number, postcode, city, email, phone',
    )
    .requiredOption('--out <file>', 'where to write unique_id,cluster (one row per input row)')
    .option('--review-out <file>', 'where to write the pairs a practitioner should decide (unique_id_l,unique_id_r,probability)')
    .option('--truth <column>', 'a column holding the true person, to report pairwise precision, recall and F1')
    .option('--link-probability <p>', 'link at or above this match probability', String(DEFAULT_THRESHOLDS.link))
    .option(
      '--review-probability <p>',
      'send pairs at or above this (and below the link probability) for review',
      String(DEFAULT_THRESHOLDS.review),
    )
    .addHelpText(
      'after',
      `
The model is trained on the file itself without labels (EM, as Splink does), then
candidate pairs from the blocking rules are scored and linked pairs clustered.
Nothing from the records is printed: only counts and figures.`,
    )
    .action(async (file: string, options: LinkCommandOptions) => {
      const thresholds = {
        link: probability(options.linkProbability, '--link-probability'),
        review: probability(options.reviewProbability, '--review-probability'),
      };
      if (thresholds.review > thresholds.link) throw new UserError('--review-probability must not be above --link-probability');
      const { header, rows } = await readCsv(file);
      const columns = recogniseColumns(header, file);
      const records = rows.map((row) => rowToRecord(row, columns));
      checkIds(records, file);
      const truthColumn = options.truth === undefined ? undefined : truthIndex(header, options.truth, file);

      const progress = progressBar();
      const result = linkRecords(records, { thresholds, onProgress: progress.update });
      progress.stop();

      await writeOutput(
        options.out,
        stringify([['unique_id', 'cluster'], ...records.map((record, i) => [record.id, records[result.clusterOf[i]].id])]),
      );
      if (options.reviewOut) await writeOutput(options.reviewOut, reviewCsv(result, records));
      const invalidNhsNumbers = records.filter((record) => record.nhsNumber !== undefined && !isValidNhsNumber(record.nhsNumber)).length;
      console.log(summary(result, records.length, describeColumns(columns), invalidNhsNumbers));
      if (truthColumn !== undefined) {
        const accuracy = pairwiseAccuracy(
          result.clusterOf,
          rows.map((row) => row[truthColumn] ?? ''),
        );
        console.log(
          `against ${options.truth}: precision ${accuracy.precision.toFixed(4)}, recall ${accuracy.recall.toFixed(4)}, F1 ${accuracy.f1.toFixed(4)} (${accuracy.truePositives} of ${accuracy.truePairs} true pairs found, ${accuracy.predictedPairs} pairs linked)`,
        );
      }
    });
};

async function readCsv(file: string): Promise<{ header: string[]; rows: string[][] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : 'cannot be read'}`,
    );
  }
  let table: string[][];
  try {
    table = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    throw new UserError(`${file}: not a readable CSV (${(error as Error).message.split('\n')[0]})`);
  }
  if (table.length === 0) throw new UserError(`${file}: empty: expected a header row and records`);
  return { header: table[0], rows: table.slice(1) };
}

function checkIds(records: readonly PersonRecord[], file: string): void {
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const row = index + 2;
    if (record.id === '') throw new UserError(`${file}: row ${row} has no id`);
    if (seen.has(record.id)) throw new UserError(`${file}: row ${row} repeats an id used above; ids must be unique`);
    seen.add(record.id);
  });
}

function truthIndex(header: readonly string[], column: string, file: string): number {
  const index = header.findIndex((name) => name.trim() === column);
  if (index < 0) throw new UserError(`${file}: no column called ${column} for --truth`);
  return index;
}

function probability(text: string, option: string): number {
  const value = Number(text);
  if (!(value > 0 && value < 1)) throw new UserError(`${option} must be a probability between 0 and 1 (exclusive), not ${text}`);
  return value;
}

async function writeOutput(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (error) {
    throw new UserError(`${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function reviewCsv(result: LinkResult, records: readonly PersonRecord[]): string {
  const rows: (string | number)[][] = [['unique_id_l', 'unique_id_r', 'probability', 'match_weight']];
  for (let e = 0; e < result.review.length; e++) {
    const weight = result.review.weight(e);
    rows.push([records[result.review.i(e)].id, records[result.review.j(e)].id, weightToProbability(weight).toFixed(4), weight.toFixed(2)]);
  }
  return stringify(rows);
}

function summary(result: LinkResult, records: number, fields: string, invalidNhsNumbers: number): string {
  const lines = [
    `records: ${records} (compared on ${fields || 'no recognised fields'})`,
    `pairs compared: ${result.blocking.pairs}${result.blocking.oversizedBlocks > 0 ? ` (${result.blocking.oversizedBlocks} blocking keys shared by too many records were skipped)` : ''}`,
    `links (match probability at or above the link threshold): ${result.links}`,
    `review band (for a practitioner to decide): ${result.review.length}`,
    `people (clusters): ${result.clustering.clusters}`,
  ];
  if (invalidNhsNumbers > 0) lines.push(`NHS numbers failing the modulus 11 check, not used as evidence: ${invalidNhsNumbers}`);
  if (result.contestedLinks > 0)
    lines.push(`links sent for review instead because the record matched a relative as well: ${result.contestedLinks}`);
  if (result.clustering.mergesRefusedAsChaining > 0)
    lines.push(
      `links not followed because the groups they would join look like different people: ${result.clustering.mergesRefusedAsChaining}`,
    );
  return lines.join('\n');
}

/** A progress bar on stderr, only when a person is watching a terminal. */
function progressBar(): { update: (stage: string, done: number, total: number) => void; stop: () => void } {
  if (!process.stderr.isTTY || !process.stdout.isTTY) return { update: () => {}, stop: () => {} };
  const stages = ['preparing', 'training', 'comparing', 'clustering'];
  const bar = new cliProgress.SingleBar(
    { format: 'linking |{bar}| {percentage}% {stage}', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(stages.length * 100, 0, { stage: stages[0] });
  return {
    update: (stage, done, total) => {
      const fraction = total > 0 ? Math.min(done / total, 1) : 0;
      bar.update(stages.indexOf(stage) * 100 + Math.round(fraction * 100), { stage });
    },
    stop: () => {
      bar.update(stages.length * 100, { stage: 'done' });
      bar.stop();
    },
  };
}
