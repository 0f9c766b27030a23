import { Option, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { PROTOCOLS } from '../../protocols/registry.ts';
import { readScenario, type Scenario } from '../../replay/scenario-file.ts';
import { checkScenario, replayScenario } from '../../replay/replay-scenario.ts';
import { score } from '../../replay/score.ts';
import { scenarioJson, scenarioText } from '../../replay/format.ts';
import { readConfigFile } from '../read-config-file.ts';

const PROGRESS_FROM_EVENTS = 5_000;

export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description('Replay scenario files on a virtual clock and print the findings raised')
    .argument('<files...>', 'scenario files (*.scenario.json)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--config <file>', 'partnership configuration (JSON) instead of the defaults')
    .action(async (files: string[], options: { format: 'text' | 'json'; config?: string }) => {
      const baseConfig = await readConfigFile(options.config);
      // Every file is read and checked before any is replayed: a malformed one stops all.
      const scenarios: Scenario[] = [];
      for (const file of files) {
        const scenario = await readScenario(file);
        checkScenario(scenario, PROTOCOLS);
        scenarios.push(scenario);
      }
      let met = 0;
      let total = 0;
      let unexpected = 0;
      let anyExpectations = false;
      const totalEvents = scenarios.reduce((n, s) => n + s.events.length, 0);
      const bar =
        process.stderr.isTTY && totalEvents >= PROGRESS_FROM_EVENTS
          ? new cliProgress.SingleBar(
              { stream: process.stderr, format: 'replaying {bar} {value}/{total} events' },
              cliProgress.Presets.shades_classic,
            )
          : undefined;
      bar?.start(totalEvents, 0);
      let done = 0;
      const outputs: string[] = [];
      for (const scenario of scenarios) {
        const result = replayScenario(scenario, PROTOCOLS, (n) => bar?.update(done + n), baseConfig);
        done += scenario.events.length;
        bar?.update(done);
        const scored = score(result);
        if (scenario.expect) {
          anyExpectations = true;
          met += scored.met;
          total += scored.total;
        }
        unexpected += scored.unexpected.length;
        outputs.push(options.format === 'json' ? JSON.stringify(scenarioJson(result, scored)) : scenarioText(result, scored));
      }
      bar?.stop();
      if (options.format === 'json') {
        process.stdout.write(outputs.join('\n') + '\n');
      } else {
        process.stdout.write(outputs.join('\n\n') + '\n');
        if (scenarios.length > 1 && anyExpectations) {
          process.stdout.write(`\noverall: expected findings raised: ${met} of ${total}; unexpected findings: ${unexpected}\n`);
        }
      }
      if (met < total) process.exitCode = 1;
    });
}
