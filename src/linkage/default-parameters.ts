import { COMPARISONS } from './comparisons/index.ts';
import { initialParameters } from './initial-parameters.ts';
import type { ModelParameters } from './model-parameters.ts';

/** The parameters used when there is nothing to train on. */
export function defaultParameters(): ModelParameters {
  return initialParameters(COMPARISONS);
}
