import { readFile } from 'node:fs/promises';
import { UserError } from './report-failure.ts';

/** A partnership configuration file's JSON (validated by loadPartnershipConfig); `how` names where the path came from. */
export async function readConfigFile(path: string | undefined, how = '--config'): Promise<unknown> {
  if (!path) return undefined;
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UserError(`${how} ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
