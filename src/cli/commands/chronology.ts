import type { Command } from 'commander';
import { formatLocal } from '../../domain/time.ts';
import { PROTOCOLS } from '../../protocols/registry.ts';
import { buildChronology } from '../../chronology/build-chronology.ts';
import { readScenario } from '../../replay/scenario-file.ts';
import { replayScenario } from '../../replay/replay-scenario.ts';
import { agencyName } from '../../protocols/support/describe.ts';
import { UserError } from '../report-failure.ts';

export function registerChronology(program: Command): void {
  program
    .command('chronology')
    .description('Print the multi-agency chronology of a person and their household, oldest first')
    .argument('<file>', 'a scenario file (*.scenario.json)')
    .requiredOption('--person <id>', 'the person (child, unborn baby or adult)')
    .option('--no-findings', 'leave out the findings raised along the way')
    .option('--by-agency', 'group the records agency by agency, each group oldest first')
    .action(async (file: string, options: { person: string; findings: boolean; byAgency?: boolean }) => {
      const scenario = await readScenario(file);
      const result = replayScenario(scenario, PROTOCOLS);
      const zone = scenario.timezone;
      const world = result.world;
      if (!world.hasPerson(options.person)) throw new UserError(`${file}: no person ${JSON.stringify(options.person)} in this scenario`);
      const entries = buildChronology(world, options.person, zone).filter((e) => options.findings || e.kind === 'event');
      const width = Math.max(...entries.map((e) => agencyName(e.agency).length), 6);
      const print = (list: typeof entries) => {
        for (const entry of list) {
          const when = formatLocal(entry.at, zone).slice(0, 16).replace('T', ' ');
          console.log(`${when}  ${agencyName(entry.agency).padEnd(width)}  ${entry.summary}`);
          if (entry.kind === 'event' && entry.note) console.log(`${' '.repeat(18 + width)}note: ${entry.note}`);
        }
      };
      console.log(`Chronology of ${options.person} and household (${scenario.scenario}), oldest first`);
      if (!options.byAgency) return print(entries);
      const agencies = [...new Set(entries.map((e) => e.agency ?? ''))];
      for (const agency of agencies) {
        console.log(`\n${agencyName(agency || undefined)}`);
        print(entries.filter((e) => (e.agency ?? '') === agency));
      }
    });
}
