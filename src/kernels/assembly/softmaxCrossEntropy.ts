// Softmax cross-entropy of a row's logits, with the largest logit subtracted first; exp four
// classes at a time (exp4.ts), the sum still class by class.
import { exp4 } from './exp4';

/** The class a row's logits predict: the largest, ties to the first. */
export function predictedClass(z: usize, C: i32): i32 {
  let top: f32 = load<f32>(z);
  let argmax = 0;
  for (let k = 1; k < C; k++) {
    const v = load<f32>(z + (<usize>k << 2));
    if (v > top) {
      top = v;
      argmax = k;
    }
  }
  return argmax;
}

/**
 * The loss log Σ exp(z - max) - (z_label - max) of the logits at z; leaves the softmax
 * probabilities at z.
 */
export function crossEntropy(z: usize, C: i32, label: i32): f32 {
  let top: f32 = load<f32>(z);
  for (let k = 1; k < C; k++) {
    const v = load<f32>(z + (<usize>k << 2));
    if (v > top) top = v;
  }
  const zLabel = load<f32>(z + (<usize>label << 2));
  const C4 = C & ~3;
  const topv = f32x4.splat(top);
  for (let k = 0; k < C4; k += 4) v128.store(z + (<usize>k << 2), exp4(f32x4.sub(v128.load(z + (<usize>k << 2)), topv)));
  for (let k = C4; k < C; k++) store<f32>(z + (<usize>k << 2), Mathf.exp(load<f32>(z + (<usize>k << 2)) - top));
  let sum: f32 = 0;
  for (let k = 0; k < C; k++) sum += load<f32>(z + (<usize>k << 2));
  const sumv = f32x4.splat(sum);
  for (let k = 0; k < C4; k += 4) v128.store(z + (<usize>k << 2), f32x4.div(v128.load(z + (<usize>k << 2)), sumv));
  for (let k = C4; k < C; k++) store<f32>(z + (<usize>k << 2), load<f32>(z + (<usize>k << 2)) / sum);
  return Mathf.log(sum) - (zLabel - top);
}
