// Reading the plan the host writes (src/kernels/abi.ts): the header, and each weight layer's
// descriptor, by name.
import { Header, Layer } from '../abi';

@inline export function word(plan: usize, i: i32): i32 {
  return load<i32>(plan + (<usize>i << 2));
}
/** A header field holding a float's bits (the optimizer's constants). */
@inline export function real(plan: usize, i: i32): f32 {
  return load<f32>(plan + (<usize>i << 2));
}
/** A header field holding a byte offset. */
@inline export function at(plan: usize, i: i32): usize {
  return <usize>word(plan, i);
}
/** Field f of layer l's descriptor. */
@inline export function field(plan: usize, l: i32, f: i32): i32 {
  return word(plan, Header.Size + l * Layer.Size + f);
}
/** Seed s's block [Out, In] of layer l's weights (f: Layer.Weights), or of their gradient or optimizer state. */
@inline export function seedWeights(plan: usize, l: i32, s: i32, f: i32): usize {
  return <usize>field(plan, l, f) + (<usize>(s * field(plan, l, Layer.Out) * field(plan, l, Layer.In)) << 2);
}
/** Seed s's block [Out] of layer l's bias (f: Layer.Bias), or of its gradient or optimizer state. */
@inline export function seedBias(plan: usize, l: i32, s: i32, f: i32): usize {
  return <usize>field(plan, l, f) + (<usize>(s * field(plan, l, Layer.Out)) << 2);
}
/** Where seed s's row r of hidden layer l's dropout mask starts, in a step of `rows` rows (0: no dropout). */
@inline export function maskRow(plan: usize, l: i32, s: i32, rows: i32, r: i32): usize {
  const masks = at(plan, Header.Masks);
  if (masks == 0) return 0;
  const S = word(plan, Header.Seeds);
  const block = masks + (<usize>(S * rows * field(plan, l, Layer.MaskWidthBefore)) << 2);
  return block + (<usize>((s * rows + r) * field(plan, l, Layer.Out)) << 2);
}
