import { readFile } from 'node:fs/promises';
import type { Bundle } from '@medplum/fhirtypes';
import type { ImportEntry } from './plan-import.ts';
import { UserError } from '../cli/report-failure.ts';

export interface FhirFile {
  mode: 'batch' | 'transaction';
  entries: ImportEntry[];
  /** The Bundle's meta.source, when it names one. */
  system?: string;
  /** How an entry is named in messages: its line (NDJSON) or its place in the Bundle. */
  label: (index: number) => string;
}

/**
 * Reads a file of FHIR resources: NDJSON (one resource a line, as bulk data export
 * writes it), or JSON holding a Bundle (a transaction stays all or nothing; any other
 * Bundle is read as a batch) or a single resource.
 */
export async function readFhirFile(file: string): Promise<FhirFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError(`${file}: cannot be read`);
  }
  const trimmed = text.trimStart();
  const lines = text.split('\n');
  const isNdjson =
    file.endsWith('.ndjson') || (trimmed.startsWith('{') && lines.filter((l) => l.trim()).length > 1 && safeParse(lines[0]) !== undefined);
  if (isNdjson) {
    const entries: ImportEntry[] = [];
    const lineOf: number[] = [];
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const resource = safeParse(line);
      if (resource === undefined) throw new UserError(`${file}: line ${i + 1} is not valid JSON`);
      lineOf.push(i + 1);
      entries.push({ index: entries.length, resource });
    });
    return { mode: 'batch', entries, label: (index) => `line ${lineOf[index]}` };
  }
  const json = safeParse(text);
  if (json === undefined || typeof json !== 'object' || json === null) throw new UserError(`${file}: not valid JSON (nor NDJSON)`);
  const resource = json as { resourceType?: unknown };
  if (resource.resourceType !== 'Bundle') return { mode: 'batch', entries: [{ index: 0, resource: json }], label: () => 'the resource' };
  const bundle = json as Bundle;
  return {
    mode: bundle.type === 'transaction' ? 'transaction' : 'batch',
    entries: (bundle.entry ?? []).map((entry, index) => ({ index, resource: entry.resource, fullUrl: entry.fullUrl })),
    system: bundle.meta?.source,
    label: (index) => `Bundle.entry[${index}]`,
  };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
