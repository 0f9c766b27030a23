import type { Bundle } from '@medplum/fhirtypes';
import type { FhirProblem } from './fhir-problem.ts';
import type { ImportEntry } from './plan-import.ts';

const ACCEPTED_METHODS = new Set(['POST', 'PUT']);

/** The entries of a batch or transaction Bundle, or what is wrong with the Bundle itself. */
export function bundleEntries(body: unknown): { mode: 'batch' | 'transaction'; entries: ImportEntry[] } | { problems: FhirProblem[] } {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return { problems: [{ path: 'Bundle', reason: 'the body must be a FHIR Bundle (a JSON object)' }] };
  const bundle = body as Partial<Bundle>;
  if (bundle.resourceType !== 'Bundle')
    return { problems: [{ path: 'resourceType', reason: `must be Bundle, not ${JSON.stringify(bundle.resourceType ?? null)}` }] };
  if (bundle.type !== 'batch' && bundle.type !== 'transaction')
    return { problems: [{ path: 'Bundle.type', reason: `must be batch or transaction, not ${JSON.stringify(bundle.type ?? null)}` }] };
  if (bundle.entry !== undefined && !Array.isArray(bundle.entry))
    return { problems: [{ path: 'Bundle.entry', reason: 'must be an array' }] };
  const problems: FhirProblem[] = [];
  const entries: ImportEntry[] = (bundle.entry ?? []).map((entry, index) => {
    const method = entry?.request?.method;
    if (method !== undefined && !ACCEPTED_METHODS.has(method))
      problems.push({
        path: `Bundle.entry[${index}].request.method`,
        reason: `${method} is not accepted: send resources to store with POST or PUT`,
      });
    if (entry?.resource === undefined)
      problems.push({ path: `Bundle.entry[${index}].resource`, reason: 'is required: the resource to store' });
    return { index, resource: entry?.resource, fullUrl: entry?.fullUrl };
  });
  if (problems.length > 0) return { problems };
  return { mode: bundle.type, entries };
}

/** The system resources come from when they do not say: the Bundle's meta.source, else the sender's. */
export function sourceSystemOf(bundle: Partial<Bundle>, fallback: string): string {
  return bundle.meta?.source ?? fallback;
}
