import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

/** Something wrong with a resource: the element path (FHIRPath, e.g. `Observation.valueQuantity.code`) and why. */
export interface FhirProblem {
  path: string;
  reason: string;
  /** `forbidden` when access was refused, `duplicate`-free: everything else is invalid input. */
  code?: OperationOutcomeIssue['code'];
}

/** Thrown by a mapping when a resource cannot become records; carries every problem found. */
export class FhirMappingError extends Error {
  constructor(readonly problems: FhirProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.reason}`).join('; '));
    this.name = 'FhirMappingError';
  }
}

/** An OperationOutcome naming each element path and reason. */
export function operationOutcome(problems: readonly FhirProblem[], severity: 'error' | 'information' = 'error'): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: problems.map((p) => ({
      severity,
      code: p.code ?? (severity === 'error' ? 'invalid' : 'informational'),
      details: { text: p.path ? `${p.path}: ${p.reason}` : p.reason },
      ...(p.path ? { expression: [p.path] } : {}),
    })),
  };
}
