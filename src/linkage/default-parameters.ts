import { TRAINED_DEFAULTS } from './default-parameters.generated.ts';
import type { ModelParameters } from './model-parameters.ts';

/**
 * The parameters used when there is nothing to train on, and where EM starts: trained
 * without labels on a synthetic population (see bench/linkage-train-defaults.ts).
 * Retrain on real records before relying on them.
 */
export function defaultParameters(): ModelParameters {
  return TRAINED_DEFAULTS;
}
