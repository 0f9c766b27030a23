import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { storeLocationFromEnv } from '../../store/open-database.ts';
import { startServer, DEFAULT_CHECKPOINT_MS } from '../../server/start-server.ts';
import { DEMO_PASSWORD, describeDemoAccount } from '../../server/demo-users.ts';
import { DEFAULT_KEYS_DIR } from '../../server/server-keys.ts';
import { UserError } from '../report-failure.ts';
import { readConfigFile } from '../read-config-file.ts';

interface ServeOptions {
  port: string;
  host: string;
  dataDir: string;
  keysDir: string;
  demo?: boolean;
  scenarios: string;
  trustProxy?: string | boolean;
  tlsKey?: string;
  tlsCert?: string;
  checkpointMinutes: string;
  config?: string;
}

/** `--trust-proxy` alone trusts any proxy; with a value, only those addresses or CIDR ranges (comma-separated). */
export function trustProxyOption(value: string | boolean | undefined): boolean | string[] | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true || value === 'true') return true;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function readPem(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    throw new UserError(`${what} ${file} cannot be read`);
  }
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description("Serve the practitioners' web app and the API (embedded store in .threadline-data/, or DATABASE_URL)")
    .option('--port <port>', 'port to listen on', '3000')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--data-dir <dir>', 'embedded store folder (ignored when DATABASE_URL is set)', '.threadline-data')
    .option(
      '--keys-dir <dir>',
      "the server's keys (audit signing, CSRF) and its copy of the audit checkpoints, kept outside the database; created on first start (0700)",
      DEFAULT_KEYS_DIR,
    )
    .option('--config <file>', "the partnership's configuration (JSON), validated before the server starts (also THREADLINE_CONFIG)")
    .option('--demo', 'load the case-review scenarios and create a demo account per role (only into an empty store, or one made by --demo)')
    .option('--scenarios <dir>', 'scenario folder for --demo', 'scenarios')
    .option(
      '--trust-proxy [proxies]',
      'behind a TLS-terminating proxy: believe its X-Forwarded-For and X-Forwarded-Proto (cookies become Secure); optionally only from these comma-separated addresses or CIDR ranges (also THREADLINE_TRUST_PROXY)',
    )
    .option('--tls-key <file>', 'serve HTTPS directly with this PEM private key (with --tls-cert)')
    .option('--tls-cert <file>', 'the PEM certificate (chain) for --tls-key')
    .option(
      '--checkpoint-minutes <n>',
      "how often the audit log's head is signed (and always at shutdown)",
      String(DEFAULT_CHECKPOINT_MS / 60_000),
    )
    .action(async (options: ServeOptions) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port ${options.port}: must be a port number`);
      const checkpointMinutes = Number(options.checkpointMinutes);
      if (!(checkpointMinutes > 0)) throw new UserError(`--checkpoint-minutes ${options.checkpointMinutes}: must be a positive number`);
      if (Boolean(options.tlsKey) !== Boolean(options.tlsCert)) throw new UserError('--tls-key and --tls-cert go together');
      const https =
        options.tlsKey && options.tlsCert
          ? { key: readPem(options.tlsKey, '--tls-key'), cert: readPem(options.tlsCert, '--tls-cert') }
          : undefined;
      const configFile = options.config ?? (process.env.THREADLINE_CONFIG || undefined);
      const configHow = options.config ? '--config' : 'THREADLINE_CONFIG';
      const config = await readConfigFile(configFile, configHow);
      const server = await startServer({
        config,
        configSource: configFile ? `${configHow} ${configFile}` : undefined,
        location: storeLocationFromEnv(process.env, options.dataDir),
        port,
        host: options.host,
        keysDir: process.env.THREADLINE_KEYS_DIR || options.keysDir,
        demo: options.demo ? { scenariosDir: options.scenarios } : undefined,
        trustProxy: trustProxyOption(options.trustProxy ?? process.env.THREADLINE_TRUST_PROXY),
        https,
        checkpointMs: checkpointMinutes * 60_000,
      });
      const out = process.stderr;
      out.write(`\nThreadline is running: open ${server.url}/\n`);
      out.write(`Store: ${process.env.DATABASE_URL ? 'PostgreSQL server (DATABASE_URL)' : `embedded, in ${options.dataDir}/`}\n`);
      out.write(`Keys: ${server.services.keys.source} (never inside the database)\n`);
      out.write(`Partnership: ${server.services.store.config.name} (${server.services.configSource ?? 'the defaults'})\n`);
      if (server.demoLoaded)
        out.write(
          `Demo: loaded ${server.demoLoaded.events} records from ${server.demoLoaded.scenarios} scenarios` +
            (server.demoLoaded.actions
              ? `, and ${server.demoLoaded.actions} things practitioners did about findings, as the reviews record them.\n`
              : '.\n'),
        );
      if (server.demoAccounts) {
        out.write(`\nDemo accounts (DEMO ONLY: every password is "${DEMO_PASSWORD}"):\n`);
        for (const a of server.demoAccounts) {
          const { username, role, organisation } = describeDemoAccount(a, server.services.users.organisations);
          out.write(`  ${username.padEnd(22)} ${role}, ${organisation}\n`);
        }
        out.write('The sign-in page lists them too.\n');
      }
      if (server.firstAdmin)
        out.write(
          `\nNo accounts existed: created administrator "${server.firstAdmin.username}" with password "${server.firstAdmin.password}" (shown once).\n`,
        );
      out.write('\n');
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
