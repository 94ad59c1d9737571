import type { ClassicModelName } from '../classic/classifiers.ts';
import type { BackendName } from './setup.ts';
import { FITTED_TIME_MODEL } from './timeModel.generated.ts';

/**
 * How long a unit of work takes, from a model calibrated on this machine (bench/timeModel.ts fits
 * it and writes timeModel.generated.ts). Per backend, five costs: per training (preparing data and
 * tensors), per seed (initial weights, fingerprint), per optimizer step and layer (tfjs dispatches
 * a few ops per layer per step, whatever their size), per parameter updated (the optimizer touches
 * every weight of every seed at every step, however small the batch), per activation (element-wise
 * ops: bias, relu and their gradients, on every unit of every example) and per floating-point
 * operation of the matrix products; and per fit and per unit of work for each classic model.
 * `upper` scales the estimate by the largest ratio of measured to predicted time seen in
 * calibration, so it bounds everything that was measured.
 */

/** One batched training of a group of seeds. */
interface TrainingWork {
  backend: BackendName;
  seeds: number;
  /** Optimizer steps (a step trains every seed of the group at once). */
  steps: number;
  /** Weight layers: each adds its ops to every step. */
  layers: number;
  /** Parameters updated: steps x seeds x parameters. */
  updates: number;
  /** Multiply-adds x 2 over every seed, forward and backward, training and evaluation. */
  flops: number;
  /** Unit outputs computed: seeds x examples x (hidden units + classes), training and evaluation. */
  activations: number;
}

export interface ClassicWork {
  model: ClassicModelName;
  /** The model's own measure of work (classicFitWork). */
  work: number;
}

export interface UnitWork {
  training: TrainingWork[];
  classic: ClassicWork[];
}

export const NO_WORK: UnitWork = { training: [], classic: [] };

export const addWork = (...works: UnitWork[]): UnitWork => ({
  training: works.flatMap((w) => w.training),
  classic: works.flatMap((w) => w.classic),
});

export interface MlpShape {
  /** Rows each optimizer step can draw from (the training set, or a data-size subset). */
  rows: number;
  testRows: number;
  parameters: number;
  layers: number;
  /** Outputs per example: the hidden units and the classes. */
  units: number;
}

/**
 * The work of training `seeds` seeds together: forward and backward cost about 6 flops per
 * parameter per example, an evaluation 2 per parameter per test row.
 */
export function mlpTraining(
  backend: BackendName,
  shape: MlpShape,
  run: { seeds: number; batchSize: number; epochs: number; maxSteps?: number; evaluations?: number },
): UnitWork {
  const batch = Math.min(run.batchSize, shape.rows);
  const stepsPerEpoch = Math.ceil(shape.rows / batch);
  const steps = Math.min(run.maxSteps ?? Number.POSITIVE_INFINITY, run.epochs * stepsPerEpoch);
  const examples = run.maxSteps === undefined ? run.epochs * shape.rows : steps * batch;
  const evaluations = run.evaluations ?? run.epochs;
  const flops = run.seeds * shape.parameters * (6 * examples + 2 * shape.testRows * evaluations);
  const updates = steps * run.seeds * shape.parameters;
  const activations = run.seeds * shape.units * (examples + shape.testRows * evaluations);
  return { training: [{ backend, seeds: run.seeds, steps, layers: shape.layers, updates, flops, activations }], classic: [] };
}

/** A range test's sweep: `iterations` steps of one batch each, no evaluation. */
export function rangeSweep(backend: BackendName, shape: MlpShape, run: { seeds: number; batchSize: number; iterations: number }): UnitWork {
  const batch = Math.min(run.batchSize, shape.rows);
  const updates = run.iterations * run.seeds * shape.parameters;
  const flops = run.seeds * shape.parameters * 6 * batch * run.iterations;
  const activations = run.seeds * shape.units * batch * run.iterations;
  return {
    training: [{ backend, seeds: run.seeds, steps: run.iterations, layers: shape.layers, updates, flops, activations }],
    classic: [],
  };
}

/**
 * A classic model's work for one fit and one prediction, in the terms its algorithm scales with:
 * softmax regression at most 300 passes over rows x features x classes (its L-BFGS stops there); kNN a distance per
 * training row, test row and feature; a tree rows x log2(rows) x features per level of sorting;
 * a forest that for each tree, on sqrt(features) per split; the RBF SVM its kernel matrices and
 * predictions; the linear SVM rows x features per machine, log2(rows) passes.
 */
export function classicFitWork(
  model: ClassicModelName,
  data: { rows: number; testRows: number; features: number; classes: number; forestTrees: number },
): ClassicWork {
  const log = Math.log2(Math.max(2, data.rows));
  const work = {
    'logistic-regression': 300 * data.rows * data.features * data.classes,
    knn: data.rows * data.testRows * data.features,
    'decision-tree': data.rows * log * data.features,
    'random-forest': data.forestTrees * data.rows * log * Math.max(1, Math.floor(Math.sqrt(data.features))),
    // The kernel of each pair of classes (2n²(K−1)/K entries over the pairs), then a kernel per support vector and test row.
    svm: ((2 * data.rows * data.rows * (data.classes - 1)) / data.classes) * data.features + data.testRows * data.rows * data.features,
    // A pass over rows x features per machine (K against the rest, one for two classes), passes growing with the rows.
    'linear-svm': data.rows * data.features * (data.classes > 2 ? data.classes : 1) * log,
  }[model];
  return { model, work };
}

/** The fitted coefficients (bench/timeModel.ts writes them to timeModel.generated.ts). */
export interface TimeModel {
  /** Where and when the calibration ran, and on which engine. */
  measuredOn: string;
  mlp: Record<
    BackendName,
    {
      msPerTraining: number;
      msPerSeed: number;
      msPerStepLayer: number;
      msPerMegaUpdate: number;
      msPerMegaActivation: number;
      msPerMegaflop: number;
      upperFactor: number;
    }
  >;
  /** Per fit (and prediction): a fixed cost (setting up, small sets) and a cost per unit of work. */
  classic: Record<ClassicModelName, { msPerFit: number; msPerMegaWork: number; upperFactor: number }>;
}

export interface UnitSeconds {
  estimate: number;
  /** The estimate with each term at the largest measured-to-predicted ratio of the calibration. */
  upper: number;
}

export function unitSeconds(work: UnitWork, model: TimeModel = FITTED_TIME_MODEL): UnitSeconds {
  let estimate = 0;
  let upper = 0;
  for (const t of work.training) {
    const m = model.mlp[t.backend];
    const ms =
      m.msPerTraining +
      m.msPerSeed * t.seeds +
      m.msPerStepLayer * t.steps * t.layers +
      m.msPerMegaUpdate * (t.updates / 1e6) +
      m.msPerMegaActivation * (t.activations / 1e6) +
      m.msPerMegaflop * (t.flops / 1e6);
    estimate += ms / 1000;
    upper += (ms * m.upperFactor) / 1000;
  }
  for (const c of work.classic) {
    const m = model.classic[c.model];
    const ms = m.msPerFit + m.msPerMegaWork * (c.work / 1e6);
    estimate += ms / 1000;
    upper += (ms * m.upperFactor) / 1000;
  }
  return { estimate, upper };
}
