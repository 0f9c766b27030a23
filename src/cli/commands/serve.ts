import type { Command } from 'commander';
import { storeLocationFromEnv } from '../../store/open-database.ts';
import { startServer } from '../../server/start-server.ts';
import { DEMO_PASSWORD } from '../../server/demo-users.ts';
import { ROLE_LABELS, USUAL_AGENCY } from '../../access/roles.ts';
import { UserError } from '../report-failure.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description("Serve the practitioners' web app and the API (embedded store in .threadline-data/, or DATABASE_URL)")
    .option('--port <port>', 'port to listen on', '3000')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--data-dir <dir>', 'embedded store folder (ignored when DATABASE_URL is set)', '.threadline-data')
    .option('--demo', 'load the case-review scenarios (into an empty store) and create a demo account per role')
    .option('--scenarios <dir>', 'scenario folder for --demo', 'scenarios')
    .option('--trust-proxy', 'behind a TLS-terminating proxy: trust X-Forwarded-Proto (cookies become Secure)')
    .action(async (options: { port: string; host: string; dataDir: string; demo?: boolean; scenarios: string; trustProxy?: boolean }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port ${options.port}: must be a port number`);
      const server = await startServer({
        location: storeLocationFromEnv(process.env, options.dataDir),
        port,
        host: options.host,
        demo: options.demo ? { scenariosDir: options.scenarios } : undefined,
        trustProxy: options.trustProxy,
      });
      const out = process.stderr;
      out.write(`\nThreadline is running: open ${server.url}/\n`);
      out.write(`Store: ${process.env.DATABASE_URL ? 'PostgreSQL server (DATABASE_URL)' : `embedded, in ${options.dataDir}/`}\n`);
      if (server.demoLoaded) out.write(`Demo: loaded ${server.demoLoaded.events} records from ${server.demoLoaded.scenarios} scenarios.\n`);
      if (server.demoAccounts) {
        out.write(`\nDemo accounts (DEMO ONLY: every password is "${DEMO_PASSWORD}"):\n`);
        const organisations = server.services.users.organisations;
        for (const a of server.demoAccounts) {
          const organisation = organisations.get(a.organisation ?? '') ?? organisations.defaultFor(USUAL_AGENCY[a.role]);
          out.write(
            `  ${a.username.padEnd(22)} ${ROLE_LABELS[a.role]}${a.role === 'front-door-worker' ? (a.qualified ? ' (qualified social worker)' : ' (unqualified)') : ''}, ${organisation.name}\n`,
          );
        }
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
