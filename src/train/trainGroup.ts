import { tf } from '../tf.ts';
import type { PreparedData } from '../data/table.ts';
import type { MlpParams } from '../model/mlp.ts';
import { shuffleInPlace, type RandomStream } from '../random/seedStreams.ts';
import type { ModelSpec, TrainingSpec } from '../spec/schema.ts';
import { createOptimizer } from './optimizers.ts';

/** One seed's inputs: its data (after split and scaling), initial weights and its own streams. */
export interface SeedTrainingInput {
  seed: number;
  data: PreparedData;
  initial: MlpParams;
  order: RandomStream;
  dropout: RandomStream;
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
  /** Stop after this many steps, mid-epoch if need be (fixed step budgets, range tests). */
  maxSteps?: number;
  /** Called after every step with each seed's batch loss (reads the loss back: a sync per step). */
  onStepLoss?: (step: number, lossPerSeed: Float32Array) => void;
  /** 'each-epoch' (default) records metrics after every epoch; 'end' only after the last step. */
  evaluate?: 'each-epoch' | 'end';
}

const ACTIVATIONS = { relu: tf.relu, tanh: tf.tanh, sigmoid: tf.sigmoid } as const;

/**
 * Trains a group of S seeds as one batched computation. Weights are stacked on a leading seed axis
 * (W [S, out, in], b [S, 1, out]); every seed takes its own shuffled batch each step; the loss is
 * the sum of the seeds' mean losses, so one gradient call updates every seed, and no seed's numbers
 * depend on the others. A single seed is a group of one: there is no second code path.
 */
export async function trainGroup(members: SeedTrainingInput[], options: TrainGroupOptions): Promise<TrainedSeed[]> {
  const { sizes, model, training } = options;
  const S = members.length;
  const F = sizes[0];
  const C = sizes[sizes.length - 1];
  const N = members[0].data.trainY.length;
  const T = members[0].data.testY.length;
  for (const m of members) {
    if (m.data.trainY.length !== N || m.data.testY.length !== T)
      throw new Error('every seed in a group needs the same train and test sizes');
  }
  const B = Math.min(training.batchSize, N);
  const stepsPerEpoch = Math.ceil(N / B);
  const stepsTotal = options.maxSteps ?? stepsPerEpoch * training.epochs;
  const epochs = Math.ceil(stepsTotal / stepsPerEpoch);
  const evaluateEachEpoch = (options.evaluate ?? 'each-epoch') === 'each-epoch';
  const learningRateAt = options.learningRateAt ?? (() => training.optimizer.lr);
  const activate = ACTIVATIONS[model.activation];
  const keepProb = 1 - model.dropout;

  // Parameters: per layer W [S, out, in] and b [S, 1, out], stacked from each seed's initial values.
  const variables = tf.tidy(() =>
    members[0].initial.map((_, p) => {
      const layer = p >> 1;
      const shape = p % 2 === 0 ? [S, sizes[layer + 1], sizes[layer]] : [S, 1, sizes[layer + 1]];
      return tf.variable(tf.tensor(stackSeeds(members.map((m) => m.initial[p])), shape), true, `p${p}`);
    }),
  );
  const weights = variables.filter((_, p) => p % 2 === 0);
  const biases = variables.filter((_, p) => p % 2 === 1);
  const optimizer = createOptimizer(training.optimizer, variables);

  // Forward pass: hidden layers with activation (and dropout masks while training), then logits.
  const forward = (x: tf.Tensor, masks: tf.Tensor[] | null): tf.Tensor => {
    let h = x;
    for (let l = 0; l < weights.length; l++) {
      h = tf.add(tf.matMul(h, weights[l], false, true), biases[l]);
      if (l < weights.length - 1) {
        h = activate(h);
        if (masks) h = tf.mul(h, masks[l]);
      }
    }
    return h;
  };
  // Softmax cross-entropy, averaged over each seed's batch: one loss per seed, shape [S].
  const lossPerSeed = (logits: tf.Tensor, oneHot: tf.Tensor) => tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), -1), -1));
  const correctPerSeed = (logits: tf.Tensor, labels: tf.Tensor) => tf.sum(tf.cast(tf.equal(tf.argMax(logits, -1), labels), 'float32'), -1);

  // The test set never changes during training: upload it once.
  const testX = tf.tensor(stackSeeds(members.map((m) => m.data.testX)), [S, T, F]);
  const testOneHot = tf.tensor(
    oneHotRows(
      members.map((m) => m.data.testY),
      C,
    ),
    [S, T, C],
  );
  const testLabels = tf.tensor(stackLabels(members.map((m) => m.data.testY)), [S, T], 'int32');

  const curves: EpochCurves[] = members.map(() => ({ trainLoss: [], trainAccuracy: [], testLoss: [], testAccuracy: [] }));
  const divergedAtEpoch: (number | null)[] = members.map(() => null);
  const order = members.map(() => Int32Array.from({ length: N }, (_, i) => i));
  let step = 0;

  for (let epoch = 1; epoch <= epochs; epoch++) {
    members.forEach((m, s) => shuffleInPlace(order[s], m.order));
    // Running sums over the epoch's batches (Keras-style train metrics), kept on the device.
    let lossSum = tf.zeros([S]);
    let correctSum = tf.zeros([S]);
    let seen = 0;
    for (let start = 0; start < N && step < stepsTotal; start += B) {
      const b = Math.min(B, N - start); // the last partial batch is kept
      const batch = buildBatch(members, order, start, b, F, C);
      const masks = model.dropout > 0 ? dropoutMasks(members, sizes, b, keepProb) : null;
      step++;
      const lr = learningRateAt(step, epoch);
      seen += b;
      const [nextLossSum, nextCorrectSum, stepLosses] = tf.tidy(() => {
        const x = tf.tensor(batch.x, [S, b, F]);
        const oneHot = tf.tensor(batch.oneHot, [S, b, C]);
        const labels = tf.tensor(batch.labels, [S, b], 'int32');
        const maskTensors = masks?.map((mask, l) => tf.tensor(mask, [S, b, sizes[l + 1]]));
        let kept: tf.Tensor[] = [];
        const { grads } = tf.variableGrads(() => {
          const logits = forward(x, maskTensors ?? null);
          const losses = lossPerSeed(logits, oneHot);
          kept = [
            tf.keep(tf.add(lossSum, tf.mul(losses, b))),
            tf.keep(tf.add(correctSum, correctPerSeed(logits, labels))),
            tf.keep(losses),
          ];
          return tf.sum(losses) as tf.Scalar;
        }, variables);
        optimizer.apply(
          variables,
          variables.map((v) => grads[v.name]),
          lr,
          step,
        );
        return kept;
      });
      if (options.onStepLoss) options.onStepLoss(step, stepLosses.dataSync() as Float32Array);
      stepLosses.dispose();
      lossSum.dispose();
      correctSum.dispose();
      lossSum = nextLossSum;
      correctSum = nextCorrectSum;
    }

    if (!evaluateEachEpoch && epoch < epochs) {
      lossSum.dispose();
      correctSum.dispose();
      await options.onEpoch?.({ epoch, epochs, stepsDone: step, stepsTotal, numTensors: tf.memory().numTensors });
      continue;
    }
    const metricsTensor = tf.tidy(() => {
      const logits = forward(testX, null);
      return tf.stack([
        tf.div(lossSum, seen),
        tf.div(correctSum, seen),
        lossPerSeed(logits, testOneHot),
        tf.div(correctPerSeed(logits, testLabels), T),
      ]);
    });
    const metrics = (await metricsTensor.data()) as Float32Array;
    metricsTensor.dispose();
    lossSum.dispose();
    correctSum.dispose();
    members.forEach((_, s) => {
      const c = curves[s];
      c.trainLoss.push(metrics[s]);
      c.trainAccuracy.push(metrics[S + s]);
      c.testLoss.push(metrics[2 * S + s]);
      c.testAccuracy.push(metrics[3 * S + s]);
      if (divergedAtEpoch[s] === null && !(Number.isFinite(metrics[s]) && Number.isFinite(metrics[2 * S + s]))) divergedAtEpoch[s] = epoch;
    });
    await options.onEpoch?.({ epoch, epochs, stepsDone: step, stepsTotal, numTensors: tf.memory().numTensors });
  }

  const finalValues = await Promise.all(variables.map((v) => v.data() as Promise<Float32Array>));
  [...variables, testX, testOneHot, testLabels].forEach((t) => t.dispose());
  optimizer.dispose();
  return members.map((m, s) => ({
    seed: m.seed,
    params: finalValues.map((values) => {
      const size = values.length / S;
      return values.slice(s * size, (s + 1) * size);
    }),
    curves: curves[s],
    divergedAtEpoch: divergedAtEpoch[s],
  }));
}

function stackSeeds(arrays: Float32Array[]): Float32Array {
  const out = new Float32Array(arrays.length * arrays[0].length);
  arrays.forEach((a, s) => out.set(a, s * a.length));
  return out;
}

function stackLabels(arrays: Int32Array[]): Int32Array {
  const out = new Int32Array(arrays.length * arrays[0].length);
  arrays.forEach((a, s) => out.set(a, s * a.length));
  return out;
}

function oneHotRows(labelSets: Int32Array[], classes: number): Float32Array {
  const n = labelSets[0].length;
  const out = new Float32Array(labelSets.length * n * classes);
  labelSets.forEach((labels, s) => labels.forEach((c, i) => (out[(s * n + i) * classes + c] = 1)));
  return out;
}

/** Copies each seed's next b shuffled rows into one buffer: cheaper than tf.gather per step. */
function buildBatch(members: SeedTrainingInput[], order: Int32Array[], start: number, b: number, F: number, C: number) {
  const S = members.length;
  const x = new Float32Array(S * b * F);
  const oneHot = new Float32Array(S * b * C);
  const labels = new Int32Array(S * b);
  for (let s = 0; s < S; s++) {
    const { trainX, trainY } = members[s].data;
    for (let i = 0; i < b; i++) {
      const row = order[s][start + i];
      const at = s * b + i;
      for (let f = 0, src = row * F, dst = at * F; f < F; f++) x[dst + f] = trainX[src + f];
      oneHot[at * C + trainY[row]] = 1;
      labels[at] = trainY[row];
    }
  }
  return { x, oneHot, labels };
}

/** Inverted-dropout masks for each hidden layer, drawn from each seed's `dropout` stream every step. */
function dropoutMasks(members: SeedTrainingInput[], sizes: number[], b: number, keepProb: number): Float32Array[] {
  const S = members.length;
  const hidden = sizes.slice(1, -1);
  const masks = hidden.map((w) => new Float32Array(S * b * w));
  for (let s = 0; s < S; s++) {
    const stream = members[s].dropout;
    hidden.forEach((w, l) => {
      const mask = masks[l];
      for (let k = s * b * w; k < (s + 1) * b * w; k++) mask[k] = stream.nextFloat() < keepProb ? 1 / keepProb : 0;
    });
  }
  return masks;
}
