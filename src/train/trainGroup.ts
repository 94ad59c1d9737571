import type { PreparedData } from '../data/table.ts';
import type { MlpParams } from '../model/mlp.ts';
import { type RandomStream, shuffleInPlace } from '../random/seedStreams.ts';
import type { ModelSpec, TrainingSpec } from '../spec/setup.ts';
import { tf } from '../tf.ts';
import { buildBatch } from './batches.ts';
import { createEvaluator, type EpochMetrics } from './evaluate.ts';
import { createOptimizer } from './optimizers.ts';
import { stackModel } from './stackedModel.ts';
import { disposeSums, emptySums, trainStep } from './trainStep.ts';

/** One seed's inputs: its data (after split and scaling), initial weights and its own streams. */
export interface SeedTrainingInput {
  seed: number;
  data: PreparedData;
  initial: MlpParams;
  order: RandomStream;
  dropout: RandomStream;
  /** With shuffled reductions: where each batch's rows go (otherwise null). */
  reduction: RandomStream | null;
}

export interface EpochCurves {
  trainLoss: number[];
  trainAccuracy: number[];
  testLoss: number[];
  testAccuracy: number[];
}

export interface TrainedSeed {
  seed: number;
  params: MlpParams;
  curves: EpochCurves;
  /** First epoch whose loss was not finite, or null. */
  divergedAtEpoch: number | null;
}

export interface TrainingProgress {
  epoch: number;
  epochs: number;
  stepsDone: number;
  stepsTotal: number;
  /** tf.memory().numTensors after the epoch; constant from epoch to epoch (tests hold it). */
  numTensors: number;
}

export interface TrainGroupOptions {
  sizes: number[];
  model: ModelSpec;
  training: TrainingSpec;
  /** Learning rate for a step (counted from 1); defaults to the optimizer's lr. */
  learningRateAt?: (step: number, epoch: number) => number;
  onEpoch?: (progress: TrainingProgress) => void | Promise<void>;
  /** Every seed's parameters after each epoch (reads them back: for studies of how runs drift apart). */
  onEpochParams?: (epoch: number, params: MlpParams[]) => void;
  /** Stop after this many steps, mid-epoch if need be (fixed step budgets, range tests). */
  maxSteps?: number;
  /** Called after every step with each seed's batch loss (reads the loss back: a sync per step). */
  onStepLoss?: (step: number, lossPerSeed: Float32Array) => void;
  /** 'each-epoch' (default) records metrics after every epoch; 'end' only after the last step. */
  evaluate?: 'each-epoch' | 'end';
}

/** The group's shape: every seed in a group has the same train and test sizes. */
function groupShape(members: SeedTrainingInput[], options: TrainGroupOptions) {
  const N = members[0].data.trainY.length;
  const T = members[0].data.testY.length;
  if (members.some((m) => m.data.trainY.length !== N || m.data.testY.length !== T)) {
    throw new Error('every seed in a group needs the same train and test sizes');
  }
  const batchSize = Math.min(options.training.batchSize, N);
  const stepsPerEpoch = Math.ceil(N / batchSize);
  const stepsTotal = options.maxSteps ?? stepsPerEpoch * options.training.epochs;
  return { rows: N, batchSize, stepsTotal, epochs: Math.ceil(stepsTotal / stepsPerEpoch) };
}

/**
 * Trains a group of S seeds as one batched computation (src/train/stackedModel.ts): every seed
 * takes its own shuffled batch each step, and one gradient call updates every seed, with no seed's
 * numbers depending on the others. A single seed is a group of one: there is no second code path.
 */
export async function trainGroup(members: SeedTrainingInput[], options: TrainGroupOptions): Promise<TrainedSeed[]> {
  const { sizes, model: spec, training } = options;
  const { rows, batchSize, stepsTotal, epochs } = groupShape(members, options);
  const learningRateAt = options.learningRateAt ?? (() => training.optimizer.lr);
  const evaluateEachEpoch = (options.evaluate ?? 'each-epoch') === 'each-epoch';
  const model = stackModel(
    members.map((m) => m.initial),
    sizes,
    spec.activation,
  );
  const optimizer = createOptimizer(training.optimizer, model.variables);
  const evaluator = createEvaluator(
    members.map((m) => m.data),
    sizes,
  );
  const history = members.map(() => new SeedHistory());
  const order = members.map(() => Int32Array.from({ length: rows }, (_, i) => i));
  let step = 0;

  for (let epoch = 1; epoch <= epochs; epoch++) {
    members.forEach((m, s) => void shuffleInPlace(order[s], m.order));
    let sums = emptySums(members.length);
    for (let start = 0; start < rows && step < stepsTotal; start += batchSize) {
      const batch = buildBatch(members, order, start, Math.min(batchSize, rows - start), sizes, spec.dropout);
      step++;
      const next = trainStep(model, optimizer, batch, sizes, learningRateAt(step, epoch), step, sums);
      if (options.onStepLoss) options.onStepLoss(step, next.losses.dataSync() as Float32Array);
      next.losses.dispose();
      sums = next.sums;
    }
    if (evaluateEachEpoch || epoch === epochs) {
      const metrics = await evaluator.evaluate(model, sums);
      history.forEach((h, s) => void h.record(epoch, metrics[s]));
    }
    disposeSums(sums);
    if (options.onEpochParams) options.onEpochParams(epoch, await model.read());
    await options.onEpoch?.({ epoch, epochs, stepsDone: step, stepsTotal, numTensors: tf.memory().numTensors });
  }

  const params = await model.unstack();
  evaluator.dispose();
  optimizer.dispose();
  return members.map((m, s) => ({
    seed: m.seed,
    params: params[s],
    curves: history[s].curves,
    divergedAtEpoch: history[s].divergedAtEpoch,
  }));
}

/** One seed's metrics over the epochs, and the first epoch whose loss was not finite. */
class SeedHistory {
  curves: EpochCurves = { trainLoss: [], trainAccuracy: [], testLoss: [], testAccuracy: [] };
  divergedAtEpoch: number | null = null;

  record(epoch: number, m: EpochMetrics) {
    this.curves.trainLoss.push(m.trainLoss);
    this.curves.trainAccuracy.push(m.trainAccuracy);
    this.curves.testLoss.push(m.testLoss);
    this.curves.testAccuracy.push(m.testAccuracy);
    if (this.divergedAtEpoch === null && !(Number.isFinite(m.trainLoss) && Number.isFinite(m.testLoss))) this.divergedAtEpoch = epoch;
  }
}
