import { prepareData } from '../data/prepareData.ts';
import { trainabilityIssues } from '../data/trainability.ts';
import { layerSizes, parameterCount } from '../model/mlp.ts';
import { seedStreams } from '../random/seedStreams.ts';
import type { CostEstimate } from '../studies/studyKind.ts';
import type { DatasetSpec, ModelSpec, ScalingSpec, SplitSpec, TrainingSetup } from './setup.ts';
import { SpecError } from './specError.ts';

/**
 * The compute budget of one study, in MLP training work: examples seen x parameters (seed x
 * epoch x training row x parameter for a plain study). digits-reference costs
 * 30 x 20 x 1348 x 2410 = 1.95e9 (about 4 s of training on wasm); the cap allows about 15 times
 * that, which bounds a study to a few minutes of CPU. Each kind counts its own work (its `cost`).
 */
export const COMPUTE_BUDGET = 3e10;

/**
 * Training rows, parameters and features of a setup, from its data alone (cheap: no training).
 * Every kind's cost reads it, so a setup whose data cannot train fails here, before anything is
 * queued, with a SpecError naming the field (under `at`, such as "a." for a compare arm).
 */
export function setupShape(
  setup: { dataset: DatasetSpec; split: SplitSpec; scaling: ScalingSpec; model: ModelSpec },
  seed: number,
  at = '',
) {
  const data = prepareData(setup, seedStreams(seed));
  const issues = trainabilityIssues(data, at);
  if (issues.length) throw new SpecError(issues);
  return {
    rows: data.trainY.length,
    parameters: parameterCount(layerSizes(data.features, setup.model, data.classes)),
    features: data.features,
  };
}

/** The cost of `runs` full trainings of one setup: runs x epochs x training rows x parameters. */
export function trainingRunsCost(setup: TrainingSetup, shapeSeed: number, runs: number): CostEstimate {
  const { rows, parameters } = setupShape(setup, shapeSeed);
  const epochs = setup.training.epochs;
  return { cost: runs * epochs * rows * parameters, limit: COMPUTE_BUDGET, runs, epochs, trainingRows: rows, parameters };
}
