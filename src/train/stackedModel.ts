import type { MlpParams } from '../model/mlp.ts';
import type { ModelSpec } from '../spec/setup.ts';
import { tf } from '../tf.ts';

const ACTIVATIONS = { relu: tf.relu, tanh: tf.tanh, sigmoid: tf.sigmoid } as const;

/**
 * h · Wᵀ for stacked seeds (h [S, rows, in], W [S, out, in]), with a gradient in which every
 * product has a transposed operand. tfjs's own gradient computes dh as matMul(dy, W) with no
 * transpose, and tfjs-wasm sends such a product to XNNPACK (one-pass sums) when the batch is 1,
 * but to its blocked loop (sums restarting every 48 terms) otherwise: a seed training alone would
 * get other weights than in a group whenever a later layer is wider than 48. matMul(dy, Wᵀ, false,
 * true) computes the same blocked sums as the loop does for any group, and transposing is exact.
 */
const linear = tf.customGrad((h: tf.Tensor | tf.GradSaveFunc, w: tf.Tensor | tf.GradSaveFunc, save: tf.Tensor | tf.GradSaveFunc) => {
  const [input, weights, keep] = [h as tf.Tensor, w as tf.Tensor, save as tf.GradSaveFunc];
  keep([input, weights]);
  return {
    value: tf.matMul(input, weights, false, true),
    gradFunc: (dy: tf.Tensor, [x, wSaved]: tf.Tensor[]) => [
      tf.matMul(dy, tf.transpose(wSaved, [0, 2, 1]), false, true),
      tf.matMul(dy, x, true, false),
    ],
  };
});

/**
 * S seeds' MLPs as one model in plain tfjs ops: the cpu backend's trainer, and the reference the
 * wasm backend's fused kernels (src/kernels/) are tested against. Every parameter is one variable
 * with a leading seed axis (W [S, out, in], b [S, 1, out]), so one op runs every seed. Each seed's numbers stay its own:
 * no op mixes values across the seed axis.
 */
export interface StackedModel {
  /** The stacked parameters in MlpParams order (W0, b0, W1, b1, ...). */
  variables: tf.Variable[];
  /**
   * Logits [S, rows, classes] of inputs [S, rows, features]; dropout masks apply while training.
   * `trace` sees each hidden layer's values before and after its activation (and mask).
   */
  forward(x: tf.Tensor, masks: tf.Tensor[] | null, trace?: (layer: number, pre: tf.Tensor, post: tf.Tensor) => void): tf.Tensor;
  /** Each seed's parameters, read back from the device. */
  read(): Promise<MlpParams[]>;
  /** Each seed's parameters, read back; frees the variables. */
  unstack(): Promise<MlpParams[]>;
}

/** Stacks each seed's initial parameters on a leading seed axis. */
export function stackModel(initial: MlpParams[], sizes: number[], activation: ModelSpec['activation']): StackedModel {
  const S = initial.length;
  const variables = tf.tidy(() =>
    initial[0].map((_, p) => {
      const layer = p >> 1;
      const shape = p % 2 === 0 ? [S, sizes[layer + 1], sizes[layer]] : [S, 1, sizes[layer + 1]];
      return tf.variable(tf.tensor(stackSeeds(initial.map((params) => params[p])), shape), true, `p${p}`);
    }),
  );
  const weights = variables.filter((_, p) => p % 2 === 0);
  const biases = variables.filter((_, p) => p % 2 === 1);
  const activate = ACTIVATIONS[activation];
  return {
    variables,
    forward(x, masks, trace) {
      // [out, in] weights and a transposed operand in every product: wasm's matMul takes one kernel
      // for every group size. The first layer's input is data, whose gradient is never computed.
      let h = x;
      for (let l = 0; l < weights.length; l++) {
        h = tf.add(l === 0 ? tf.matMul(h, weights[l], false, true) : linear(h, weights[l]), biases[l]);
        if (l < weights.length - 1) {
          const pre = h;
          h = activate(h);
          if (masks) h = tf.mul(h, masks[l]);
          trace?.(l, pre, h);
        }
      }
      return h;
    },
    async read() {
      const values = await Promise.all(variables.map((v) => v.data() as Promise<Float32Array>));
      return initial.map((_, s) =>
        values.map((all) => {
          const size = all.length / S;
          return all.slice(s * size, (s + 1) * size);
        }),
      );
    },
    async unstack() {
      const params = await this.read();
      for (const v of variables) v.dispose();
      return params;
    },
  };
}

/** Softmax cross-entropy, averaged over each seed's rows: one loss per seed, shape [S]. */
export const lossPerSeed = (logits: tf.Tensor, oneHot: tf.Tensor) => tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), -1), -1));

/** Correct predictions per seed, shape [S]. */
export const correctPerSeed = (logits: tf.Tensor, labels: tf.Tensor) =>
  tf.sum(tf.cast(tf.equal(tf.argMax(logits, -1), labels), 'float32'), -1);

export function stackSeeds(arrays: Float32Array[]): Float32Array {
  const out = new Float32Array(arrays.length * arrays[0].length);
  arrays.forEach((a, s) => void out.set(a, s * a.length));
  return out;
}
