import { prepareData } from '../data/prepareData.ts';
import { providedTable } from '../data/providedDatasets.ts';
import { trainabilityIssues } from '../data/trainability.ts';
import { layerSizes, parameterCount } from '../model/mlp.ts';
import { seedStreams } from '../random/seedStreams.ts';
import type { BackendName, DatasetSpec, ModelSpec, ScalingSpec, SplitSpec, TrainingSpec } from './setup.ts';
import { SpecError } from './specError.ts';
import { type MlpShape, mlpTraining, type UnitWork } from './timeModel.ts';

/**
 * The time limits a study must fit (the Worker's; the CLI has none). A unit runs in one queue
 * invocation, whose CPU time is capped by `[limits] cpu_ms`; a unit's estimate at the time model's
 * upper bound may use a quarter of it, which leaves room for the calibration machine being faster
 * than the one that runs it. The whole study is capped too, so one request cannot buy hours.
 */
export const UNIT_SHARE_OF_CPU_LIMIT = 0.25;

/** What a host plans a study within: seeds per unit, a unit's seconds and the study's (the Worker's vars). */
export interface PlanLimits {
  maxSeedsPerUnit: number;
  unitSecondsLimit: number;
  studySecondsLimit: number;
}

/** The limits from the Worker's vars (wrangler.toml: SEEDS_PER_UNIT, CPU_MS, STUDY_SECONDS), as strings. */
export function planLimitsOf(vars: { SEEDS_PER_UNIT: string; CPU_MS: string; STUDY_SECONDS: string }): PlanLimits {
  return {
    maxSeedsPerUnit: Math.max(1, Number(vars.SEEDS_PER_UNIT)),
    unitSecondsLimit: (UNIT_SHARE_OF_CPU_LIMIT * Number(vars.CPU_MS)) / 1000,
    studySecondsLimit: Number(vars.STUDY_SECONDS),
  };
}

/** The shape of a setup's data and model, from its data alone (cheap: no training). */
export interface SetupShape extends MlpShape {
  features: number;
  classes: number;
}

/**
 * A setup's shape. Every kind's unit work reads it, so a setup whose data cannot train fails here,
 * before anything is queued, with a SpecError naming the field (under `at`, such as "a." for a
 * compare arm).
 */
export function setupShape(
  setup: { dataset: DatasetSpec; split: SplitSpec; scaling: ScalingSpec; model: ModelSpec },
  seed: number,
  at = '',
): SetupShape {
  // Planning asks for the same setup's shape once per unit and per unit size tried: prepare once.
  const key = JSON.stringify([setup.dataset, setup.split, setup.scaling, setup.model, seed, at]);
  const known = shapes.get(key);
  if (known instanceof SpecError) throw known;
  if (known) return known;
  let shape: SetupShape | SpecError;
  try {
    shape = measureShape(setup, seed, at);
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    shape = e;
  }
  if (shapes.size >= 64) shapes.delete(shapes.keys().next().value as string);
  shapes.set(key, shape);
  if (shape instanceof SpecError) throw shape;
  return shape;
}
const shapes = new Map<string, SetupShape | SpecError>();

function measureShape(
  setup: { dataset: DatasetSpec; split: SplitSpec; scaling: ScalingSpec; model: ModelSpec },
  seed: number,
  at: string,
): SetupShape {
  const data = prepareData(setup, seedStreams(seed));
  const issues = trainabilityIssues(data, at, setup.dataset.name === 'upload' ? providedTable(setup.dataset.id).classNames : undefined);
  if (issues.length) throw new SpecError(issues);
  const sizes = layerSizes(data.features, setup.model, data.classes);
  return {
    rows: data.trainY.length,
    testRows: data.testY.length,
    parameters: parameterCount(sizes),
    layers: sizes.length - 1,
    units: sizes.slice(1).reduce((a, b) => a + b, 0),
    features: data.features,
    classes: data.classes,
  };
}

/** The usual unit's work: `seeds` seeds of one setup trained together for its epochs, on `backend`. */
export function seedGroupWork(
  setup: { dataset: DatasetSpec; split: SplitSpec; scaling: ScalingSpec; model: ModelSpec; training: TrainingSpec },
  backend: BackendName,
  seeds: number,
  shapeSeed: number,
  at = '',
): UnitWork {
  return mlpTraining(backend, setupShape(setup, shapeSeed, at), {
    seeds,
    batchSize: setup.training.batchSize,
    epochs: setup.training.epochs,
  });
}
