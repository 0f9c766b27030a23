import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { importResources, TransactionRefused, type EntryResult } from '../../fhir/import-resources.ts';
import { readFhirFile } from '../../fhir/read-fhir-file.ts';
import { auditCommand, openAsUser } from '../open-as-user.ts';
import { UserError } from '../report-failure.ts';
import type { RegisterCommand } from './index.ts';

interface ImportOptions {
  as: string;
  source?: string;
  dataDir: string;
  groupSize: string;
}

/** Files this long get a progress bar. */
const PROGRESS_FROM = 2_000;

function describeRefusals(results: readonly EntryResult[], label: (index: number) => string): string[] {
  return results
    .filter((r) => r.status === 'invalid' || r.status === 'forbidden')
    .flatMap((r) => r.problems.map((p) => `  ${label(r.index)} (${r.resourceType}): ${p.path ? `${p.path}: ` : ''}${p.reason}`));
}

export const registerImport: RegisterCommand = (program: Command) => {
  program
    .command('import')
    .description(
      'import FHIR R4 resources (a Bundle, a resource, or NDJSON) as one account: checked, mapped, authorised and stored like POST /fhir/R4',
    )
    .argument('<file>', 'a JSON Bundle (batch or transaction), a single resource, or NDJSON (one resource a line)')
    .requiredOption('--as <username>', 'the account the records are recorded by (its organisation and need-to-know apply)')
    .option(
      '--source <system>',
      "the sending system, for resources whose meta.source names none (default: the Bundle's, else the account's organisation)",
    )
    .option('--data-dir <dir>', 'embedded store folder (ignored when DATABASE_URL is set); stop the server first', '.threadline-data')
    .option('--group-size <n>', 'resources stored together in one batch', '500')
    .action(async (file: string, options: ImportOptions) => {
      const groupSize = Number(options.groupSize);
      if (!Number.isInteger(groupSize) || groupSize < 1)
        throw new UserError(`--group-size ${options.groupSize}: must be a whole number of at least 1`);
      const read = await readFhirFile(file);
      const session = await openAsUser(options.dataDir, options.as);
      const { services, principal } = session;
      const system = options.source ?? read.system ?? `urn:threadline:organisation:${principal.organisation}`;
      const bar =
        read.entries.length >= PROGRESS_FROM
          ? new cliProgress.SingleBar({ stream: process.stderr }, cliProgress.Presets.shades_classic)
          : undefined;
      bar?.start(read.entries.length, 0);
      const started = performance.now();
      try {
        let results: EntryResult[];
        let findings = 0;
        try {
          const outcome = await importResources(services, principal, read.entries, {
            mode: read.mode,
            system,
            groupSize,
            onProgress: (done) => bar?.update(done),
          });
          results = outcome.entries;
          findings = outcome.findings.length;
        } catch (error) {
          if (!(error instanceof TransactionRefused)) throw error;
          bar?.stop();
          throw new UserError(
            `${file}: the transaction was refused and nothing was stored:\n${describeRefusals(error.entries, read.label).join('\n')}`,
          );
        }
        bar?.stop();
        const count = (status: EntryResult['status']) => results.filter((r) => r.status === status).length;
        const refused = count('invalid') + count('forbidden');
        const seconds = (performance.now() - started) / 1000;
        const summary = `${read.entries.length} resources from ${file}: ${count('created')} stored, ${count('unchanged')} unchanged, ${refused} refused; ${findings} findings raised (${seconds.toFixed(1)} s)`;
        await auditCommand(services, principal, 'CLI import', `FHIR import: ${summary}`);
        console.log(summary);
        if (refused > 0) {
          console.log(`Refused:\n${describeRefusals(results, read.label).join('\n')}`);
          process.exitCode = 1;
        }
      } finally {
        await session.close();
      }
    });
};
