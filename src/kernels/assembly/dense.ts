// A dense layer, x·Wᵀ + b with W [Out, In] per seed: its outputs for one or two rows, the gradient
// of its input (Wᵀ delta), and the gradients of its parameters over a batch.
import { Layer } from '../abi';
import { field, seedBias, seedWeights } from './plan';
import { axpy, dot, dot4, dot4x2 } from './vector';

/**
 * Layer l's outputs for a row of seed s (its activations at acts0), and for the next row too when
 * `two` (at acts1): four outputs at a time share the input's loads, each summed exactly as one
 * dot() would, and a pair of rows shares the loads of the weights.
 */
export function denseForward(plan: usize, l: i32, s: i32, acts0: usize, acts1: usize, two: bool): void {
  const nIn = field(plan, l, Layer.In);
  const nOut = field(plan, l, Layer.Out);
  const inAt = <usize>field(plan, l, Layer.InAt) << 2;
  const outAt = <usize>field(plan, l, Layer.OutAt) << 2;
  const w = seedWeights(plan, l, s, Layer.Weights);
  const b = seedBias(plan, l, s, Layer.Bias);
  const nOut4 = nOut & ~3;
  for (let k = 0; k < nOut4; k += 4) {
    const row = w + (<usize>(k * nIn) << 2);
    const o = <usize>k << 2;
    if (two) dot4x2(row, acts0 + inAt, acts1 + inAt, nIn, b + o, acts0 + outAt + o, acts1 + outAt + o);
    else dot4(row, acts0 + inAt, nIn, b + o, acts0 + outAt + o);
  }
  for (let k = nOut4; k < nOut; k++) {
    const row = w + (<usize>(k * nIn) << 2);
    const o = <usize>k << 2;
    store<f32>(acts0 + outAt + o, dot(row, acts0 + inAt, nIn) + load<f32>(b + o));
    if (two) store<f32>(acts1 + outAt + o, dot(row, acts1 + inAt, nIn) + load<f32>(b + o));
  }
}

/** The gradient of layer l's input for one row: Wᵀ delta into `back`, adding the output units in order. */
export function inputGradient(plan: usize, l: i32, s: i32, delta: usize, back: usize): void {
  const nIn = field(plan, l, Layer.In);
  const nOut = field(plan, l, Layer.Out);
  const w = seedWeights(plan, l, s, Layer.Weights);
  memory.fill(back, 0, <usize>nIn << 2);
  for (let k = 0; k < nOut; k++) axpy(back, load<f32>(delta + (<usize>k << 2)), w + (<usize>(k * nIn) << 2), nIn);
}

/**
 * The gradients of layer l's weights and bias over a batch of `rows` rows laid side by side
 * (`rowFloats` apart): each element summed over the rows in row order, starting from 0, so every
 * tile below gives the very sums adding row by row would. Two output units at a time share the
 * loads of the rows' activations; an odd last unit goes alone.
 */
export function parameterGradients(plan: usize, l: i32, s: i32, rows: i32, rowActs: usize, rowDeltas: usize, rowFloats: i32): void {
  const nIn = field(plan, l, Layer.In);
  const nOut = field(plan, l, Layer.Out);
  const inAt = <usize>field(plan, l, Layer.InAt) << 2;
  const outAt = <usize>field(plan, l, Layer.OutAt) << 2;
  const gw = seedWeights(plan, l, s, Layer.WeightGrads);
  const gb = seedBias(plan, l, s, Layer.BiasGrads);
  const rowStep = <usize>rowFloats << 2;
  let k = 0;
  for (; k + 2 <= nOut; k += 2) unitGradients(2, gw, gb, k, nIn, rowActs + inAt, rowDeltas + outAt, rowStep, rows);
  for (; k < nOut; k++) unitGradients(1, gw, gb, k, nIn, rowActs + inAt, rowDeltas + outAt, rowStep, rows);
}

/** The gradient rows of `units` output units from unit k: sixteen inputs at a time, then four, then one. */
@inline function unitGradients(units: i32, gw: usize, gb: usize, k: i32, nIn: i32, acts: usize, deltas: usize, rowStep: usize, rows: i32): void {
  const out = gw + (<usize>(k * nIn) << 2);
  const unitDeltas = deltas + (<usize>k << 2);
  const outStride = <usize>nIn << 2;
  const nIn4 = nIn & ~3;
  let i = 0;
  for (; i + 16 <= nIn4; i += 16) gradientTile(units, 4, false, acts + (<usize>i << 2), unitDeltas, rowStep, rows, out + (<usize>i << 2), outStride);
  for (; i < nIn4; i += 4) gradientTile(units, 1, false, acts + (<usize>i << 2), unitDeltas, rowStep, rows, out + (<usize>i << 2), outStride);
  for (; i < nIn; i++) gradientTile(units, 1, true, acts + (<usize>i << 2), unitDeltas, rowStep, rows, out + (<usize>i << 2), outStride);
  // The bias: each unit's deltas summed over the rows.
  let b0: f32 = 0, b1: f32 = 0;
  let d = unitDeltas;
  for (let r = 0; r < rows; r++) {
    b0 += load<f32>(d);
    if (units == 2) b1 += load<f32>(d + 4);
    d += rowStep;
  }
  store<f32>(gb + (<usize>k << 2), b0);
  if (units == 2) store<f32>(gb + (<usize>(k + 1) << 2), b1);
}

/**
 * The one gradient tile: for `units` (1 or 2) output units and `vectors` (1 or 4) groups of four
 * inputs (or one input, `narrow`, in lane 0), Σ over the rows of delta[unit] * activation[input],
 * held in registers and stored once. Called with constants, so each call compiles to its own
 * unrolled loop (the accumulators a call does not use are dropped).
 */
@inline function gradientTile(units: i32, vectors: i32, narrow: bool, acts: usize, deltas: usize, rowStep: usize, rows: i32, out: usize, outStride: usize): void {
  let g0 = f32x4.splat(0), g1 = f32x4.splat(0), g2 = f32x4.splat(0), g3 = f32x4.splat(0);
  let h0 = f32x4.splat(0), h1 = f32x4.splat(0), h2 = f32x4.splat(0), h3 = f32x4.splat(0);
  let d = deltas;
  let a = acts;
  for (let r = 0; r < rows; r++) {
    const dv = f32x4.splat(load<f32>(d));
    const a0 = narrow ? v128.load32_zero(a) : v128.load(a);
    g0 = f32x4.add(g0, f32x4.mul(dv, a0));
    if (vectors == 4) {
      const a1 = v128.load(a + 16), a2 = v128.load(a + 32), a3 = v128.load(a + 48);
      g1 = f32x4.add(g1, f32x4.mul(dv, a1));
      g2 = f32x4.add(g2, f32x4.mul(dv, a2));
      g3 = f32x4.add(g3, f32x4.mul(dv, a3));
      if (units == 2) {
        const ev = f32x4.splat(load<f32>(d + 4));
        h0 = f32x4.add(h0, f32x4.mul(ev, a0));
        h1 = f32x4.add(h1, f32x4.mul(ev, a1));
        h2 = f32x4.add(h2, f32x4.mul(ev, a2));
        h3 = f32x4.add(h3, f32x4.mul(ev, a3));
      }
    } else if (units == 2) h0 = f32x4.add(h0, f32x4.mul(f32x4.splat(load<f32>(d + 4)), a0));
    d += rowStep;
    a += rowStep;
  }
  if (narrow) {
    v128.store32_lane(out, g0, 0);
    if (units == 2) v128.store32_lane(out + outStride, h0, 0);
    return;
  }
  v128.store(out, g0);
  if (units == 2) v128.store(out + outStride, h0);
  if (vectors == 4) {
    v128.store(out + 16, g1);
    v128.store(out + 32, g2);
    v128.store(out + 48, g3);
    if (units == 2) {
      v128.store(out + outStride + 16, h1);
      v128.store(out + outStride + 32, h2);
      v128.store(out + outStride + 48, h3);
    }
  }
}
