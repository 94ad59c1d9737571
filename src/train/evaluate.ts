import type { PreparedData } from '../data/table.ts';
import { tf } from '../tf.ts';
import { oneHotRows, stackLabels } from './batches.ts';
import { correctPerSeed, lossPerSeed, type StackedModel, stackSeeds } from './stackedModel.ts';
import type { EpochSums } from './trainStep.ts';

/** One seed's metrics after an epoch. */
export interface EpochMetrics {
  trainLoss: number;
  trainAccuracy: number;
  testLoss: number;
  testAccuracy: number;
}

/**
 * Evaluation against each seed's test set, uploaded once (it never changes during training):
 * the epoch's running train metrics and the test loss and accuracy, per seed.
 */
export function createEvaluator(data: PreparedData[], sizes: number[]) {
  const S = data.length;
  const T = data[0].testY.length;
  const C = sizes[sizes.length - 1];
  const testX = tf.tensor(stackSeeds(data.map((d) => d.testX)), [S, T, sizes[0]]);
  const testOneHot = tf.tensor(
    oneHotRows(
      data.map((d) => d.testY),
      C,
    ),
    [S, T, C],
  );
  const testLabels = tf.tensor(stackLabels(data.map((d) => d.testY)), [S, T], 'int32');
  return {
    async evaluate(model: StackedModel, sums: EpochSums): Promise<EpochMetrics[]> {
      const stacked = tf.tidy(() => {
        const logits = model.forward(testX, null);
        return tf.stack([
          tf.div(sums.loss, sums.rows),
          tf.div(sums.correct, sums.rows),
          lossPerSeed(logits, testOneHot),
          tf.div(correctPerSeed(logits, testLabels), T),
        ]);
      });
      const m = (await stacked.data()) as Float32Array;
      stacked.dispose();
      return data.map((_, s) => ({ trainLoss: m[s], trainAccuracy: m[S + s], testLoss: m[2 * S + s], testAccuracy: m[3 * S + s] }));
    },
    dispose: () => [testX, testOneHot, testLabels].forEach((t) => void t.dispose()),
  };
}
