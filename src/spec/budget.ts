import { prepareData } from '../data/prepareData.ts';
import { layerSizes, parameterCount } from '../model/mlp.ts';
import { seedStreams } from '../random/seedStreams.ts';
import type { StudySpec } from './schema.ts';

/**
 * The compute budget of one study, in seed x epoch x training-row x parameter units.
 * digits-reference costs 30 x 20 x 1348 x 2410 = 1.95e9 (about 4 s of training on wasm), so the
 * cap allows roughly five times that.
 */
export const COMPUTE_BUDGET = 1e10;

export interface CostEstimate {
  cost: number;
  limit: number;
  /** The factors, so an error can say which one to shrink. */
  seeds: number;
  epochs: number;
  trainingRows: number;
  parameters: number;
}

/** Estimates a study's cost from its shapes, without training (data preparation is cheap). */
export function estimateStudyCost(spec: StudySpec): CostEstimate {
  const data = prepareData(spec, seedStreams(spec.seeds[0], spec.pins));
  const parameters = parameterCount(layerSizes(data.features, spec.model, data.classes));
  const trainingRows = data.trainY.length;
  const cost = spec.seeds.length * spec.training.epochs * trainingRows * parameters;
  return { cost, limit: COMPUTE_BUDGET, seeds: spec.seeds.length, epochs: spec.training.epochs, trainingRows, parameters };
}
