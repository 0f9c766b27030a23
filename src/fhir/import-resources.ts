import type { Principal } from '../access/principal.ts';
import { authoriseEvent } from '../api/write/record-event.ts';
import { Refusal } from '../api/errors.ts';
import type { Finding } from '../domain/findings.ts';
import { ValidationError } from '../domain/validation-error.ts';
import type { Services } from '../server/services.ts';
import type { FhirProblem } from './fhir-problem.ts';
import { BundleIndex, importOrder, planEntry, type ImportEntry, type PlannedEntry, type PlanOptions } from './plan-import.ts';

export type EntryStatus = 'created' | 'unchanged' | 'invalid' | 'forbidden';

export interface EntryResult {
  index: number;
  resourceType: string;
  status: EntryStatus;
  /** Where the stored version can be named: Type/id/_history/version. */
  location?: string;
  /** The ids of the records stored. */
  records: string[];
  problems: FhirProblem[];
}

export interface ImportResult {
  entries: EntryResult[];
  /** Findings the records raised, about people the importing user may see. */
  findings: Finding[];
}

export interface ImportOptions extends Omit<PlanOptions, 'now'> {
  mode: 'batch' | 'transaction';
  /** Resources planned and stored together in a batch (a failing group is retried one by one). */
  groupSize?: number;
  onProgress?: (done: number) => void;
}

/** A transaction refused as a whole: every problem of every entry, nothing stored. */
export class TransactionRefused extends Error {
  constructor(
    readonly entries: EntryResult[],
    readonly status: 400 | 403,
  ) {
    super('the transaction was refused: nothing was stored');
    this.name = 'TransactionRefused';
  }
}

/** An entry's problem path as seen from the Bundle: Observation.valueQuantity → Bundle.entry[2].resource.valueQuantity. */
export function entryPath(index: number, path: string, resourceType: string): string {
  const inResource = path.startsWith(`${resourceType}.`) ? path.slice(resourceType.length + 1) : path === resourceType ? '' : path;
  return `Bundle.entry[${index}].resource${inResource ? `.${inResource}` : ''}`;
}

function location(entry: PlannedEntry): string | undefined {
  return entry.identity ? `${entry.identity.resourceType}/${entry.identity.id}/_history/${entry.identity.version}` : undefined;
}

function resultOf(entry: PlannedEntry, status: EntryStatus, problems: FhirProblem[] = entry.problems): EntryResult {
  return {
    index: entry.index,
    resourceType: entry.resourceType,
    status,
    location: location(entry),
    records: status === 'created' ? entry.events.map((e) => String(e.id)) : [],
    problems,
  };
}

/** The problems of a refusal by the record's rules, named by element where the mapping said which. */
function problemsOfValidation(error: ValidationError, entry: PlannedEntry, eventIndex: number): FhirProblem[] {
  const paths = entry.paths[eventIndex] ?? {};
  const type = typeof entry.events[eventIndex]?.type === 'string' ? entry.events[eventIndex].type : 'record';
  return error.problems.map((p) => {
    const field = p.field.split('.')[0];
    return {
      path: paths[field] ?? entry.resourceType,
      reason: `${p.reason}${paths[field] ? '' : ` (in the ${type} record made from it: field ${p.field})`}`,
    };
  });
}

/**
 * Authorises every record of an entry as the user, through the one authorisation step
 * of every write. Returns the records as they are to be stored, or the refusal.
 */
async function authorise(services: Services, principal: Principal, entry: PlannedEntry): Promise<EntryResult | undefined> {
  // A resource already held is answered only to those who may see the people it names.
  for (const person of entry.touched) {
    const decision = await services.access.decide(principal, person);
    if (!decision.allowed)
      return resultOf(entry, 'forbidden', [
        { path: entry.resourceType, reason: `You cannot record about ${person}: ${decision.reason}.`, code: 'forbidden' },
      ]);
  }
  for (let i = 0; i < entry.events.length; i++) {
    try {
      entry.events[i] = await authoriseEvent(services, principal, entry.events[i]);
    } catch (error) {
      if (error instanceof Refusal)
        return resultOf(entry, 'forbidden', [{ path: entry.resourceType, reason: error.message, code: 'forbidden' }]);
      if (error instanceof ValidationError) return resultOf(entry, 'invalid', problemsOfValidation(error, entry, i));
      throw error;
    }
  }
  return undefined;
}

/** Stores the records of several entries in one batch; on a refusal, names the entry and the element. */
async function store(
  services: Services,
  principal: Principal,
  entries: PlannedEntry[],
  findings: Finding[],
): Promise<EntryResult | undefined> {
  const events = entries.flatMap((e) => e.events);
  if (events.length === 0) return undefined;
  try {
    const stored = await services.store.submitBatch(events, `fhir-${Date.now()}`, { userId: principal.userId });
    for (const finding of stored.findings) if ((await services.access.decide(principal, finding.subject)).allowed) findings.push(finding);
    return undefined;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    let at = Number(/event (\d+)/.exec(error.where ?? '')?.[1] ?? 0);
    for (const entry of entries) {
      if (at < entry.events.length) return resultOf(entry, 'invalid', problemsOfValidation(error, entry, at));
      at -= entry.events.length;
    }
    return resultOf(
      entries[0],
      'invalid',
      error.problems.map((p) => ({ path: entries[0].resourceType, reason: p.reason })),
    );
  }
}

/**
 * Imports FHIR resources as one user: checked, mapped, authorised and stored. A batch
 * stores each good entry and reports each bad one; a transaction stores everything or,
 * if any entry is bad, nothing (TransactionRefused).
 */
export async function importResources(
  services: Services,
  principal: Principal,
  input: readonly ImportEntry[],
  options: ImportOptions,
): Promise<ImportResult> {
  const world = services.store.engine.world;
  const planOptions: PlanOptions = { ...options, now: services.now };
  const index = new BundleIndex(input, options.system);
  const introduced = new Map<string, string>();
  const ordered = importOrder(input);
  const results: EntryResult[] = [];
  const findings: Finding[] = [];

  if (options.mode === 'transaction') {
    const planned = ordered.map((entry) => planEntry(entry, world, index, planOptions, introduced));
    const refused: EntryResult[] = [];
    for (const entry of planned) {
      if (entry.problems.length > 0) refused.push(resultOf(entry, 'invalid'));
      else {
        const refusal = await authorise(services, principal, entry);
        if (refusal) refused.push(refusal);
      }
    }
    if (refused.length === 0) {
      const failure = await store(services, principal, planned, findings);
      if (failure) refused.push(failure);
    }
    if (refused.length > 0) throw new TransactionRefused(refused, refused.some((r) => r.status === 'forbidden') ? 403 : 400);
    return {
      entries: planned.map((e) => resultOf(e, e.events.length > 0 ? 'created' : 'unchanged')).sort((a, b) => a.index - b.index),
      findings,
    };
  }

  const groupSize = options.groupSize ?? 1;
  for (let start = 0; start < ordered.length; start += groupSize) {
    const group: PlannedEntry[] = [];
    for (const entry of ordered.slice(start, start + groupSize)) {
      const planned = planEntry(entry, world, index, planOptions, introduced);
      const refusal = planned.problems.length > 0 ? resultOf(planned, 'invalid') : await authorise(services, principal, planned);
      if (refusal) results.push(refusal);
      else group.push(planned);
    }
    // The group together; if the record refuses it, each entry alone, so that only the bad ones are left out.
    const failure = group.length > 1 ? await store(services, principal, group, findings) : undefined;
    if (failure || group.length === 1) {
      for (const entry of group) {
        const alone = await store(services, principal, [entry], findings);
        results.push(alone ?? resultOf(entry, entry.events.length > 0 ? 'created' : 'unchanged'));
      }
    } else for (const entry of group) results.push(resultOf(entry, entry.events.length > 0 ? 'created' : 'unchanged'));
    options.onProgress?.(Math.min(start + groupSize, ordered.length));
  }
  return { entries: results.sort((a, b) => a.index - b.index), findings };
}
