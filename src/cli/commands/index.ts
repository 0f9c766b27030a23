import type { Command } from 'commander';
import { registerReplay } from './replay.ts';
import { registerChronology } from './chronology.ts';
import { registerProtocols } from './protocols.ts';
import { registerGrowth } from './growth.ts';
import { registerAudit } from './audit.ts';
import { registerServe } from './serve.ts';
import { registerLink } from './link.ts';
import { registerImport } from './import.ts';
import { registerImportCsv } from './import-csv.ts';
import { registerDigest } from './digest.ts';

/** Each command lives in its own file and registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  registerReplay,
  registerChronology,
  registerProtocols,
  registerGrowth,
  registerAudit,
  registerServe,
  registerLink,
  registerImport,
  registerImportCsv,
  registerDigest,
];
