import type { RandomStream } from '../random/seedStreams.ts';
import type { ModelSpec } from '../spec/setup.ts';

/**
 * An MLP's parameters for one seed, in canonical order: for each layer its weight matrix in
 * [out, in] row-major order, then its bias [out]. The [out, in] layout is what training uses
 * (matMul(x, W, false, true)) and what fingerprints hash.
 */
export type MlpParams = Float32Array[];

/** Layer sizes: input, hidden widths, classes. */
export function layerSizes(features: number, model: ModelSpec, classes: number): number[] {
  return [features, ...model.hidden, classes];
}

export function parameterCount(sizes: number[]): number {
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) n += sizes[l] * sizes[l + 1] + sizes[l + 1];
  return n;
}

/** Keras' truncated normal: resample beyond 2 standard deviations. */
function truncatedNormal(init: RandomStream): number {
  for (;;) {
    const z = init.nextNormal();
    if (Math.abs(z) <= 2) return z;
  }
}

// Keras/tfjs formulas; 0.8796... is the std of a standard normal truncated at +-2.
const TRUNCATED_STD = 0.87962566103423978;
const DRAW: Record<ModelSpec['initializer'], (fanIn: number, fanOut: number, init: RandomStream) => number> = {
  glorotUniform: (i, o, r) => (2 * r.nextFloat() - 1) * Math.sqrt(6 / (i + o)),
  glorotNormal: (i, o, r) => (truncatedNormal(r) * Math.sqrt(2 / (i + o))) / TRUNCATED_STD,
  heUniform: (i, _o, r) => (2 * r.nextFloat() - 1) * Math.sqrt(6 / i),
  heNormal: (i, _o, r) => (truncatedNormal(r) * Math.sqrt(2 / i)) / TRUNCATED_STD,
};

/** Initial weights from the `init` stream, drawn layer by layer in [out, in] order; biases start at zero. */
export function initParams(sizes: number[], initializer: ModelSpec['initializer'], init: RandomStream): MlpParams {
  const params: MlpParams = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l];
    const fanOut = sizes[l + 1];
    const w = new Float32Array(fanOut * fanIn);
    for (let k = 0; k < w.length; k++) w[k] = DRAW[initializer](fanIn, fanOut, init);
    params.push(w, new Float32Array(fanOut));
  }
  return params;
}

const JS_ACTIVATIONS: Record<ModelSpec['activation'], (v: number) => number> = {
  relu: (v) => Math.max(0, v),
  tanh: Math.tanh,
  sigmoid: (v) => 1 / (1 + Math.exp(-v)),
};

/** Class predictions from trained parameters, in plain JS (for comparing models, not for training). */
export function predictMlp(
  params: MlpParams,
  sizes: number[],
  activation: ModelSpec['activation'],
  x: Float32Array,
  rows: number,
): Int32Array {
  const act = JS_ACTIVATIONS[activation];
  return Int32Array.from({ length: rows }, (_, r) => {
    let h = Array.from(x.subarray(r * sizes[0], (r + 1) * sizes[0]));
    for (let l = 0; l + 1 < sizes.length; l++) {
      const w = params[2 * l];
      const b = params[2 * l + 1];
      const out = sizes[l + 1];
      h = Array.from({ length: out }, (_, o) => {
        let z = b[o];
        for (let i = 0; i < sizes[l]; i++) z += w[o * sizes[l] + i] * h[i];
        return l + 2 < sizes.length ? act(z) : z;
      });
    }
    return h.indexOf(Math.max(...h));
  });
}
