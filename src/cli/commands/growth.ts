import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { UserError } from '../report-failure.ts';
import { growthLine } from './growth-line.ts';
import type { RegisterCommand } from './index.ts';

async function openInput(file: string | undefined): Promise<NodeJS.ReadableStream> {
  if (!file || file === '-') return process.stdin;
  const stream = createReadStream(file, 'utf8');
  try {
    await once(stream, 'open');
  } catch (error) {
    throw new UserError(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  return stream;
}

async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

export const registerGrowth: RegisterCommand = (program: Command) => {
  program
    .command('growth')
    .description('UK-WHO SDS and centile for each measurement, one JSON line in and one out')
    .argument(
      '[file]',
      'JSON lines of {sex, birthDate, observationDate, gestationWeeks, gestationDays, measurement, value}; stdin when absent or "-"',
    )
    .addHelpText(
      'after',
      `
Each output line is the input plus correctedSds, chronologicalSds, centile (at the age
the UK-WHO instructions prescribe, named in centileAge) and, where something could not
be computed, error naming the field. A bad line gets an error line and the rest go on;
the exit code is 1 if any line could not be computed at all.`,
    )
    .action(async (file: string | undefined) => {
      const lines = createInterface({ input: await openInput(file), crlfDelay: Infinity });
      let failed = 0;
      let lineNumber = 0;
      for await (const line of lines) {
        lineNumber += 1;
        if (line.trim() === '') continue;
        const { output, ok } = growthLine(line, lineNumber);
        if (!ok) failed += 1;
        await write(output + '\n');
      }
      if (failed > 0) process.exitCode = 1;
    });
};
