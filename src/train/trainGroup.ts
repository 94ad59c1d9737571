import type { PreparedData } from '../data/table.ts';
import { createFusedTrainer } from '../kernels/fusedKernels.ts';
import type { MlpParams } from '../model/mlp.ts';
import { type RandomStream, shuffleInPlace } from '../random/seedStreams.ts';
import type { ModelSpec, TrainingSpec } from '../spec/setup.ts';
import { tf } from '../tf.ts';
import { buildBatch, buildIndexBatch, stackLabels } from './batches.ts';
import { createEvaluator, type EpochMetrics } from './evaluate.ts';
import { createOptimizer } from './optimizers.ts';
import { stackModel, stackSeeds } from './stackedModel.ts';
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

interface EpochCurves {
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
  /** The epochs after which onEpochParams is called (default: every one). */
  readParamsAt?: (epoch: number) => boolean;
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
 * A group's model, optimizer and evaluation on one backend: the step, the epoch's metrics, and the
 * parameters read back. On wasm, the fused kernels (src/kernels/) run a whole step in one call; on
 * cpu, plain tfjs ops (the reference path).
 */
interface GroupTrainer {
  /** One step of every seed on the rows order[start..start + rows) of each; returns each seed's batch loss when asked. */
  step(order: Int32Array[], start: number, rows: number, lr: number, step: number, wantLosses: boolean): Float32Array | null;
  /** The epoch's metrics per seed (train metrics over its `rows`, test metrics now), or null without evaluating; resets the epoch sums. */
  endEpoch(rows: number, evaluate: boolean): Promise<EpochMetrics[] | null>;
  read(): Promise<MlpParams[]>;
  /** The final parameters; frees everything. */
  finish(): Promise<MlpParams[]>;
}

function tfjsTrainer(members: SeedTrainingInput[], options: TrainGroupOptions): GroupTrainer {
  const { sizes, model: spec, training } = options;
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
  let sums = emptySums(members.length);
  return {
    step(order, start, rows, lr, step, wantLosses) {
      const batch = buildBatch(members, order, start, rows, sizes, spec.dropout);
      const next = trainStep(model, optimizer, batch, sizes, lr, step, sums);
      const losses = wantLosses ? (next.losses.dataSync() as Float32Array) : null;
      next.losses.dispose();
      sums = next.sums;
      return losses;
    },
    async endEpoch(_rows, evaluate) {
      const metrics = evaluate ? await evaluator.evaluate(model, sums) : null;
      disposeSums(sums);
      sums = emptySums(members.length);
      return metrics;
    },
    read: () => model.read(),
    async finish() {
      disposeSums(sums);
      evaluator.dispose();
      optimizer.dispose();
      return model.unstack();
    },
  };
}

function fusedTrainer(members: SeedTrainingInput[], options: TrainGroupOptions, batchSize: number): GroupTrainer {
  const data = members.map((m) => m.data);
  const fused = createFusedTrainer(
    members.map((m) => m.initial),
    options.sizes,
    options.model,
    options.training.optimizer,
    batchSize,
    { x: stackSeeds(data.map((d) => d.trainX)), labels: stackLabels(data.map((d) => d.trainY)), rows: data[0].trainY.length },
    { x: stackSeeds(data.map((d) => d.testX)), labels: stackLabels(data.map((d) => d.testY)), rows: data[0].testY.length },
  );
  return {
    step: (order, start, rows, lr, step) =>
      fused.step(buildIndexBatch(members, order, start, rows, options.sizes, options.model.dropout), lr, step),
    async endEpoch(rows, evaluate) {
      const train = fused.takeEpochSums();
      if (!evaluate) return null;
      const test = fused.evaluateTest();
      return members.map((_, s) => ({
        trainLoss: train.loss[s] / rows,
        trainAccuracy: train.correct[s] / rows,
        testLoss: test.loss[s],
        testAccuracy: test.accuracy[s],
      }));
    },
    read: async () => fused.read(),
    async finish() {
      const params = fused.read();
      fused.dispose();
      return params;
    },
  };
}

/**
 * Trains a group of S seeds as one batched computation: every seed takes its own shuffled batch
 * each step, and one call updates every seed, with no seed's numbers depending on the others. A
 * single seed is a group of one: there is no second code path for it.
 */
export async function trainGroup(members: SeedTrainingInput[], options: TrainGroupOptions): Promise<TrainedSeed[]> {
  const { training } = options;
  const { rows, batchSize, stepsTotal, epochs } = groupShape(members, options);
  const learningRateAt = options.learningRateAt ?? (() => training.optimizer.lr);
  const evaluateEachEpoch = (options.evaluate ?? 'each-epoch') === 'each-epoch';
  const trainer = tf.getBackend() === 'wasm' ? fusedTrainer(members, options, batchSize) : tfjsTrainer(members, options);
  const history = members.map(() => new SeedHistory());
  const order = members.map(() => Int32Array.from({ length: rows }, (_, i) => i));
  let step = 0;

  for (let epoch = 1; epoch <= epochs; epoch++) {
    members.forEach((m, s) => void shuffleInPlace(order[s], m.order));
    let seen = 0;
    for (let start = 0; start < rows && step < stepsTotal; start += batchSize) {
      const batchRows = Math.min(batchSize, rows - start);
      step++;
      const losses = trainer.step(order, start, batchRows, learningRateAt(step, epoch), step, options.onStepLoss !== undefined);
      if (options.onStepLoss && losses) options.onStepLoss(step, losses);
      seen += batchRows;
    }
    const metrics = await trainer.endEpoch(seen, evaluateEachEpoch || epoch === epochs);
    if (metrics) history.forEach((h, s) => void h.record(epoch, metrics[s]));
    if (options.onEpochParams && (options.readParamsAt?.(epoch) ?? true)) options.onEpochParams(epoch, await trainer.read());
    await options.onEpoch?.({ epoch, epochs, stepsDone: step, stepsTotal, numTensors: tf.memory().numTensors });
  }

  const params = await trainer.finish();
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
