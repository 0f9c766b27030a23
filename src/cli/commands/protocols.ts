import type { Command } from 'commander';
import { loadPartnershipConfig } from '../../config/partnership-config.ts';
import { PROTOCOLS } from '../../protocols/registry.ts';
import { readConfigFile } from '../read-config-file.ts';

/** Lists every protocol with its version, source and the thresholds in force. */
export function registerProtocols(program: Command): void {
  program
    .command('protocols')
    .description('List the protocols with their sources and the thresholds in force (defaults, or a partnership configuration)')
    .option('--config <file>', 'partnership configuration (JSON) to validate and show')
    .option('--format <format>', 'text or json', 'text')
    .action(async (options: { config?: string; format: string }) => {
      const config = loadPartnershipConfig(await readConfigFile(options.config), PROTOCOLS);
      const rows = PROTOCOLS.map((p) => ({
        id: p.id,
        version: p.version,
        title: p.title,
        codes: p.codes,
        source: p.source,
        enabled: !config.disabled.includes(p.id),
        config: config.protocols[p.id],
      }));
      if (options.format === 'json') {
        process.stdout.write(JSON.stringify({ partnership: config.name, timezone: config.timezone, protocols: rows }, null, 2) + '\n');
        return;
      }
      console.log(`${config.name} (${config.timezone}): ${rows.length} protocols`);
      for (const row of rows) {
        console.log(`\n${row.id}@${row.version}${row.enabled ? '' : ' (disabled)'}: ${row.title}`);
        console.log(`  raises: ${row.codes.join(', ')}`);
        console.log(`  source: ${row.source}`);
        console.log(`  settings: ${JSON.stringify(row.config)}`);
      }
    });
}
