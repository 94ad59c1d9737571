import { prepareData } from '../data/prepareData.ts';
import { layerSizes, parameterCount } from '../model/mlp.ts';
import { seedStreams } from '../random/seedStreams.ts';
import type { DatasetSpec, ModelSpec, ScalingSpec, SplitSpec, StudySpec } from './schema.ts';

/**
 * The compute budget of one study, in MLP training work: examples seen x parameters (seed x
 * epoch x training row x parameter for a plain study). digits-reference costs
 * 30 x 20 x 1348 x 2410 = 1.95e9 (about 4 s of training on wasm); the cap allows about 15 times
 * that, which bounds a study to a few minutes of CPU.
 */
export const COMPUTE_BUDGET = 3e10;

export interface CostEstimate {
  cost: number;
  limit: number;
  /** The factors, so an error can say which one to shrink: runs (seed trainings), epochs, rows, parameters. */
  runs: number;
  epochs: number;
  trainingRows: number;
  parameters: number;
}

function shape(setup: { dataset: DatasetSpec; split: SplitSpec; scaling: ScalingSpec; model: ModelSpec }, seed: number) {
  const data = prepareData(setup, seedStreams(seed));
  return {
    rows: data.trainY.length,
    parameters: parameterCount(layerSizes(data.features, setup.model, data.classes)),
    features: data.features,
  };
}

/** Estimates a study's cost from its shapes, without training (data preparation is cheap). */
export function estimateStudyCost(spec: StudySpec): CostEstimate {
  const setup = spec.kind === 'compare' ? spec.a : spec;
  const seed = 'seeds' in spec ? spec.seeds[0] : 1;
  const { rows, parameters, features } = shape(setup, seed);
  const epochs = setup.training.epochs;
  const perRun = epochs * rows * parameters;
  let runs: number;
  let cost: number;
  switch (spec.kind) {
    case 'seed-variance':
      runs = spec.seeds.length + 3; // + the repeatability re-run
      cost = runs * perRun;
      break;
    case 'lr-range-test':
      runs = spec.seeds.length * spec.verify.multipliers.length;
      cost = runs * perRun + (1 + runs) * spec.range.iterations * spec.training.batchSize * parameters;
      break;
    case 'lr-schedule':
      runs = spec.seeds.length * spec.schedules.length;
      cost = runs * perRun;
      break;
    case 'data-size': {
      runs = spec.seeds.length * spec.sizes.length;
      const mlp = spec.models.includes('mlp') ? runs * spec.steps * spec.training.batchSize * parameters : 0;
      // Classic models: a forest of trees over every feature, roughly, per fit.
      const classic = spec.sizes.reduce((n, size) => n + size, 0) * spec.seeds.length * features * (spec.forestTrees + 20) * 10;
      cost = mlp + classic;
      break;
    }
    case 'variance-sources':
      runs = 5 * spec.runs + 2 * spec.implementationSeeds;
      cost = runs * perRun;
      break;
    case 'determinism-audit':
      runs = 4 * spec.models.length;
      cost = 4 * perRun + 4 * rows * features * (spec.forestTrees + 20) * 10;
      break;
    case 'compare': {
      const b = shape(spec.b, seed);
      runs = 2 * spec.seeds.length;
      cost = spec.seeds.length * (perRun + spec.b.training.epochs * b.rows * b.parameters);
      break;
    }
  }
  return { cost, limit: COMPUTE_BUDGET, runs, epochs, trainingRows: rows, parameters };
}
