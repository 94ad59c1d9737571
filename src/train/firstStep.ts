import type { MlpParams } from '../model/mlp.ts';
import { shuffleInPlace } from '../random/seedStreams.ts';
import type { ModelSpec, TrainingSpec } from '../spec/setup.ts';
import { tf } from '../tf.ts';
import { buildBatch } from './batches.ts';
import { createOptimizer } from './optimizers.ts';
import { lossPerSeed, stackModel } from './stackedModel.ts';
import { type SeedTrainingInput, trainGroup } from './trainGroup.ts';

/** Hidden units followed per layer: enough to see the arithmetic, few enough to read. */
const UNITS_SHOWN = 4;

/** One parameter through the step: its value, its gradient and its value after the update. */
interface ParameterStep {
  layer: number;
  kind: 'weight' | 'bias';
  /** The unit it feeds (the row of W, or the bias's unit). */
  unit: number;
  /** The input it multiplies (a weight's column); null for a bias. */
  input: number | null;
  before: number;
  gradient: number;
  after: number;
}

/** The numbers of one training step, as a reader can follow them (document schema: stepByStep.ts). */
export interface FirstStepNumbers {
  batchRows: number;
  learningRate: number;
  /** The batch's first row followed through the network. */
  row: {
    index: number;
    x: number[];
    label: number;
    hidden: { units: number; pre: number[]; post: number[] }[];
    logits: number[];
    probabilities: number[];
    loss: number;
  };
  /** The batch's mean loss, whose gradient the step follows. */
  batchLoss: number;
  /** Each layer's gradient norm, weights and bias together. */
  gradientNorms: number[];
  parameters: ParameterStep[];
  /** Every parameter after the update (compared with the fused kernel's; not kept in documents). */
  after: MlpParams;
}

interface StepSetup {
  model: ModelSpec;
  training: TrainingSpec;
}

const rowOf = (t: tf.Tensor, width: number, keep = width): number[] =>
  Array.from((t.dataSync() as Float32Array).subarray(0, Math.min(width, keep)));

/**
 * A seed's first training step (its first batch of its first epoch, from its initial weights) in
 * plain tfjs ops on the active backend: the cpu backend's training path, op for op (trainStep.ts).
 * On wasm the study trains with fused kernels that keep the gradients inside the module, so the
 * numbers a reader sees are computed here and held to the kernel's update (`kernelStepDifference`).
 */
export async function firstStepNumbers(member: SeedTrainingInput & { sizes: number[] }, setup: StepSetup): Promise<FirstStepNumbers> {
  const { sizes, data } = member;
  const N = data.trainY.length;
  const order = Int32Array.from({ length: N }, (_, i) => i);
  shuffleInPlace(order, member.order);
  const rows = Math.min(setup.training.batchSize, N);
  const batch = buildBatch([member], [order], 0, rows, sizes, setup.model.dropout);
  const model = stackModel([member.initial], sizes, setup.model.activation);
  const optimizer = createOptimizer(setup.training.optimizer, model.variables);
  const lr = setup.training.optimizer.lr;
  const C = sizes[sizes.length - 1];

  const shown = tf.tidy(() => {
    const x = tf.tensor(batch.x, [1, rows, sizes[0]]);
    const oneHot = tf.tensor(batch.oneHot, [1, rows, C]);
    const masks = batch.masks?.map((mask, l) => tf.tensor(mask, [1, rows, sizes[l + 1]])) ?? null;
    const hidden: FirstStepNumbers['row']['hidden'] = [];
    let logits: tf.Tensor | null = null;
    // The same loss and gradient call as trainStep, with the forward pass traced.
    const { value, grads } = tf.variableGrads(() => {
      const out = model.forward(x, masks, (l, pre, post) => {
        hidden.push({ units: sizes[l + 1], pre: rowOf(pre, sizes[l + 1], UNITS_SHOWN), post: rowOf(post, sizes[l + 1], UNITS_SHOWN) });
      });
      logits = tf.keep(out);
      return tf.sum(lossPerSeed(out, oneHot)) as tf.Scalar;
    }, model.variables);
    const first = tf.slice(logits as unknown as tf.Tensor, [0, 0, 0], [1, 1, C]);
    const label = batch.labels[0];
    const gradients = model.variables.map((v) => grads[v.name].dataSync() as Float32Array);
    const before = model.variables.map((v) => (v.dataSync() as Float32Array).slice());
    optimizer.apply(
      model.variables,
      model.variables.map((v) => grads[v.name]),
      lr,
      1,
    );
    const logSoftmax = rowOf(tf.logSoftmax(first), C);
    return {
      row: {
        index: batch.indices[0],
        x: Array.from(batch.x.subarray(0, sizes[0])),
        label,
        hidden,
        logits: rowOf(first, C),
        probabilities: rowOf(tf.softmax(first), C),
        loss: -logSoftmax[label],
      },
      batchLoss: value.dataSync()[0],
      gradients,
      before,
    };
  });
  const after = (await model.unstack())[0];
  optimizer.dispose();
  return {
    batchRows: rows,
    learningRate: lr,
    row: shown.row,
    batchLoss: shown.batchLoss,
    gradientNorms: sizes.slice(1).map((_, l) => norm([shown.gradients[2 * l], shown.gradients[2 * l + 1]])),
    parameters: sizes.slice(1).flatMap((_, l) => parametersShown(l, sizes[l], shown.before, shown.gradients, after)),
    after,
  };
}

/** The Euclidean norm of several arrays taken as one vector. */
function norm(arrays: Float32Array[]): number {
  let sum = 0;
  for (const a of arrays) for (const v of a) sum += v * v;
  return Math.sqrt(sum);
}

/** A layer's parameters shown: unit 0's first two weights and its bias. */
function parametersShown(
  layer: number,
  inputs: number,
  before: Float32Array[],
  gradients: Float32Array[],
  after: MlpParams,
): ParameterStep[] {
  const weight = (input: number): ParameterStep => ({
    layer,
    kind: 'weight',
    unit: 0,
    input,
    before: before[2 * layer][input],
    gradient: gradients[2 * layer][input],
    after: after[2 * layer][input],
  });
  return [
    ...Array.from({ length: Math.min(2, inputs) }, (_, i) => weight(i)),
    {
      layer,
      kind: 'bias',
      unit: 0,
      input: null,
      before: before[2 * layer + 1][0],
      gradient: gradients[2 * layer + 1][0],
      after: after[2 * layer + 1][0],
    },
  ];
}

/**
 * The largest difference between `after` and the parameters the active backend's trainer leaves
 * after the same seed's first step (on wasm: the fused kernel). `member` must be fresh: its streams
 * are drawn again from the start.
 */
export async function kernelStepDifference(
  member: SeedTrainingInput & { sizes: number[] },
  setup: StepSetup,
  after: MlpParams,
): Promise<number> {
  const [trained] = await trainGroup([member], {
    sizes: member.sizes,
    model: setup.model,
    training: setup.training,
    maxSteps: 1,
    evaluate: 'end',
  });
  let largest = 0;
  for (const [i, p] of trained.params.entries()) for (const [k, v] of p.entries()) largest = Math.max(largest, Math.abs(v - after[i][k]));
  return largest;
}
