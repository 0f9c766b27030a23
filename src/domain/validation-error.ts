/** A refusal that names the field and why; shown to users as it is. */
export interface FieldProblem {
  field: string;
  reason: string;
}

export class ValidationError extends Error {
  constructor(
    readonly problems: FieldProblem[],
    readonly where?: string,
  ) {
    super((where ? `${where}: ` : '') + problems.map((p) => (p.field ? `field '${p.field}': ${p.reason}` : p.reason)).join('; '));
    this.name = 'ValidationError';
  }
}
