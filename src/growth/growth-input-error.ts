/** A growth calculation refused because of its input; `field` names the input at fault. */
export class GrowthInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'GrowthInputError';
  }
}
