import { tf } from '../tf.ts';
import type { GroupBatch } from './batches.ts';
import type { GroupOptimizer } from './optimizers.ts';
import { correctPerSeed, lossPerSeed, type StackedModel } from './stackedModel.ts';

/** Running sums over an epoch's batches (Keras-style train metrics), kept on the device. */
export interface EpochSums {
  loss: tf.Tensor;
  correct: tf.Tensor;
  rows: number;
}

export const emptySums = (seeds: number): EpochSums => ({ loss: tf.zeros([seeds]), correct: tf.zeros([seeds]), rows: 0 });
export const disposeSums = (sums: EpochSums) => [sums.loss, sums.correct].forEach((t) => void t.dispose());

/**
 * One step for every seed of the group: forward, loss, backward, update. The loss summed over
 * seeds gives each seed its own gradient (no term mixes seeds), so one gradient call updates all.
 * Returns the epoch's sums with this batch added, and each seed's batch loss (a tensor to dispose).
 */
export function trainStep(
  model: StackedModel,
  optimizer: GroupOptimizer,
  batch: GroupBatch,
  sizes: number[],
  lr: number,
  step: number,
  sums: EpochSums,
) {
  const S = batch.labels.length / batch.rows;
  const b = batch.rows;
  const [loss, correct, losses] = tf.tidy(() => {
    const x = tf.tensor(batch.x, [S, b, sizes[0]]);
    const oneHot = tf.tensor(batch.oneHot, [S, b, sizes[sizes.length - 1]]);
    const labels = tf.tensor(batch.labels, [S, b], 'int32');
    const masks = batch.masks?.map((mask, l) => tf.tensor(mask, [S, b, sizes[l + 1]])) ?? null;
    let kept: tf.Tensor[] = [];
    const { grads } = tf.variableGrads(() => {
      const logits = model.forward(x, masks);
      const perSeed = lossPerSeed(logits, oneHot);
      kept = [
        tf.keep(tf.add(sums.loss, tf.mul(perSeed, b))),
        tf.keep(tf.add(sums.correct, correctPerSeed(logits, labels))),
        tf.keep(perSeed),
      ];
      return tf.sum(perSeed) as tf.Scalar;
    }, model.variables);
    optimizer.apply(
      model.variables,
      model.variables.map((v) => grads[v.name]),
      lr,
      step,
    );
    return kept;
  });
  disposeSums(sums);
  return { sums: { loss, correct, rows: sums.rows + b }, losses };
}
