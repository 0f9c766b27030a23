import { Command } from 'commander';
import { commands } from './commands/index.ts';
import { reportFailure } from './report-failure.ts';

const program = new Command().name('threadline').description('Threadline: a multi-agency child safeguarding record').showHelpAfterError();

for (const register of commands) register(program);

program.parseAsync(process.argv).catch(reportFailure);
