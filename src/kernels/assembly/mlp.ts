// Fused kernels for a group of stacked MLPs on the wasm backend (AssemblyScript, WASM SIMD): one
// call trains a step of every seed, another scores the test set. Compiled by
// scripts/build-kernels.mjs with --importMemory: the module works in place on the tfjs wasm
// backend's own memory, on tensors tfjs allocated, which the plan names (src/kernels/abi.ts,
// written by src/kernels/fusedKernels.ts). It has no data segment and allocates nothing, so it
// never writes outside them. The ops live in their own files: vector.ts (the sums), dense.ts,
// activation.ts, softmaxCrossEntropy.ts, optimizer.ts; this file runs them in order.
//
// Summation order, fixed everywhere: a dot product over n terms runs four lanes over the first
// n - n % 4 terms (lane j sums terms j, j+4, j+8, ... in order), combines the lanes as
// (l0 + l1) + (l2 + l3), then adds the remaining terms in order, then the bias. A hidden layer's
// input gradient (Wᵀ delta) adds the output units in order. The loss is log Σ exp(z - max) -
// (z_label - max), its batch mean summed in f64 in row order. Parameter gradients sum over a
// batch's rows in row order, seed by seed; no sum mixes two seeds, so a seed's numbers do not
// depend on its group. Elementwise steps (relu, its slope, dropout, softmax's exp: exp4.ts) run
// four lanes at a time, each lane the scalar operations in the scalar order, so they round as
// the scalar code does.
//
// Scratch (Header.Scratch): the batch's rows side by side, every layer's activations (RowFloats
// a row), then every layer's output gradient (the same layout, layer 0 unused), then one row of
// Wᵀ delta as wide as the widest layer: 2 * rows * RowFloats + widest floats in all.

import { Header, Layer } from '../abi';
import { activateRow, activationGradient } from './activation';
import { denseForward, inputGradient, parameterGradients } from './dense';
import { update } from './optimizer';
import { at, field, maskRow, word } from './plan';
import { crossEntropy, predictedClass } from './softmaxCrossEntropy';

/**
 * Forward pass of row r of seed s, and of row r + 1 too when `two` (the pair shares the loads of
 * the weights; every sum is the one a single row gets): the inputs at x0 (and x1), every layer's
 * output into the rows' activations at acts0 (and acts1), dropout masks applied to hidden layers
 * when `masked`. Layer 0 is a copy of the input; the logits end the row. A convolution layer would
 * be one more case here (Layer.Kind), with its file beside dense.ts.
 */
function forwardRows(plan: usize, s: i32, x0: usize, x1: usize, masked: bool, rows: i32, r: i32, acts0: usize, acts1: usize, two: bool): void {
  const L = word(plan, Header.Layers);
  const kind = word(plan, Header.Activation);
  const inputBytes = <usize>field(plan, 0, Layer.In) << 2;
  memory.copy(acts0, x0, inputBytes);
  if (two) memory.copy(acts1, x1, inputBytes);
  for (let l = 0; l < L; l++) {
    denseForward(plan, l, s, acts0, acts1, two);
    if (l < L - 1) {
      const outAt = <usize>field(plan, l, Layer.OutAt) << 2;
      const n = field(plan, l, Layer.Out);
      activateRow(kind, acts0 + outAt, n, masked ? maskRow(plan, l, s, rows, r) : 0);
      if (two) activateRow(kind, acts1 + outAt, n, masked ? maskRow(plan, l, s, rows, r + 1) : 0);
    }
  }
}

/**
 * One training step of every seed, on `rows` rows each (their indices at Header.Indices, their
 * masks at Header.Masks): forward, softmax cross-entropy averaged over the rows, backward, and the
 * optimizer's update at learning rate lr and step t, in place. Writes each seed's mean batch loss
 * to lossOut [S] and adds loss * rows and the correct rows to the epoch's running sums.
 */
export function trainStep(plan: usize, rows: i32, lr: f32, t: i32, lossOut: usize): void {
  const S = word(plan, Header.Seeds);
  const L = word(plan, Header.Layers);
  const kind = word(plan, Header.Activation);
  const N = word(plan, Header.TrainRows);
  const trainX = at(plan, Header.TrainX);
  const trainY = at(plan, Header.TrainY);
  const indices = at(plan, Header.Indices);
  const masked = at(plan, Header.Masks) != 0;
  const I = field(plan, 0, Layer.In);
  const C = field(plan, L - 1, Layer.Out);
  const A = word(plan, Header.RowFloats);
  const rowActs = at(plan, Header.Scratch);
  const rowDeltas = rowActs + (<usize>(rows * A) << 2);
  const back = rowDeltas + (<usize>(rows * A) << 2);
  const logitsAt = <usize>field(plan, L - 1, Layer.OutAt) << 2;
  const invRows: f32 = 1 / <f32>rows;
  for (let s = 0; s < S; s++) {
    let lossSum: f64 = 0;
    let correct = 0;
    // Each row on its own (the forward pass two rows at a time): its loss, and the gradient of every layer's output.
    for (let r = 0; r < rows; r++) {
      const acts = rowActs + (<usize>(r * A) << 2);
      const deltas = rowDeltas + (<usize>(r * A) << 2);
      const row = s * N + load<i32>(indices + (<usize>(s * rows + r) << 2));
      if (r % 2 == 0) {
        const two = r + 1 < rows;
        const next = two ? s * N + load<i32>(indices + (<usize>(s * rows + r + 1) << 2)) : row;
        forwardRows(plan, s, trainX + (<usize>(row * I) << 2), trainX + (<usize>(next * I) << 2), masked, rows, r, acts, acts + (<usize>A << 2), two);
      }
      const z = acts + logitsAt;
      const label = load<i32>(trainY + (<usize>row << 2));
      if (predictedClass(z, C) == label) correct++;
      lossSum += <f64>crossEntropy(z, C, label);
      // dLoss/dz = (p - y) / rows
      const top = deltas + logitsAt;
      for (let k = 0; k < C; k++) store<f32>(top + (<usize>k << 2), (load<f32>(z + (<usize>k << 2)) - (k == label ? <f32>1 : <f32>0)) * invRows);
      for (let l = L - 1; l >= 1; l--) {
        // Through layer l to its input, hidden layer l - 1's output: Wᵀ delta, the mask and the activation.
        const inAt = <usize>field(plan, l, Layer.InAt) << 2;
        inputGradient(plan, l, s, deltas + (<usize>field(plan, l, Layer.OutAt) << 2), back);
        const mask = masked ? maskRow(plan, l - 1, s, rows, r) : 0;
        activationGradient(kind, acts + inAt, back, mask, deltas + inAt, field(plan, l, Layer.In));
      }
    }
    for (let l = 0; l < L; l++) parameterGradients(plan, l, s, rows, rowActs, rowDeltas, A);
    const meanLoss = <f32>(lossSum / <f64>rows);
    const lossSums = at(plan, Header.LossSums) + (<usize>s << 2);
    const correctSums = at(plan, Header.CorrectSums) + (<usize>s << 2);
    store<f32>(lossOut + (<usize>s << 2), meanLoss);
    store<f32>(lossSums, load<f32>(lossSums) + meanLoss * <f32>rows);
    store<f32>(correctSums, load<f32>(correctSums) + <f32>correct);
  }
  update(plan, lr, t);
}

/** Test metrics of every seed: each seed's mean loss to lossOut [S] and its accuracy to accuracyOut [S]. */
export function evaluate(plan: usize, lossOut: usize, accuracyOut: usize): void {
  const S = word(plan, Header.Seeds);
  const L = word(plan, Header.Layers);
  const T = word(plan, Header.TestRows);
  const x = at(plan, Header.TestX);
  const labels = at(plan, Header.TestY);
  const I = field(plan, 0, Layer.In);
  const C = field(plan, L - 1, Layer.Out);
  const A = word(plan, Header.RowFloats);
  const acts0 = at(plan, Header.Scratch);
  const acts1 = acts0 + (<usize>A << 2);
  const logitsAt = <usize>field(plan, L - 1, Layer.OutAt) << 2;
  for (let s = 0; s < S; s++) {
    let lossSum: f64 = 0;
    let correct = 0;
    for (let r = 0; r < T; r += 2) {
      const two = r + 1 < T;
      forwardRows(plan, s, x + (<usize>((s * T + r) * I) << 2), x + (<usize>((s * T + r + (two ? 1 : 0)) * I) << 2), false, T, r, acts0, acts1, two);
      const first = load<i32>(labels + (<usize>(s * T + r) << 2));
      if (predictedClass(acts0 + logitsAt, C) == first) correct++;
      lossSum += <f64>crossEntropy(acts0 + logitsAt, C, first);
      if (two) {
        const second = load<i32>(labels + (<usize>(s * T + r + 1) << 2));
        if (predictedClass(acts1 + logitsAt, C) == second) correct++;
        lossSum += <f64>crossEntropy(acts1 + logitsAt, C, second);
      }
    }
    store<f32>(lossOut + (<usize>s << 2), <f32>(lossSum / <f64>T));
    store<f32>(accuracyOut + (<usize>s << 2), <f32>correct / <f32>T);
  }
}
