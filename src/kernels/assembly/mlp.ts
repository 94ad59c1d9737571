// Fused kernels for a group of stacked MLPs on the wasm backend (AssemblyScript, WASM SIMD).
// Compiled by scripts/build-kernels.mjs with --importMemory: the module works in place on the tfjs
// wasm backend's own memory, on tensors tfjs allocated (src/kernels/fusedKernels.ts passes their
// offsets). It has no data segment and allocates nothing, so it never writes outside them.
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
// The plan (i32 words at `plan`): S, L (weight layers), activation (0 relu, 1 tanh, 2 sigmoid),
// optimizer (0 sgd, 1 sgd with momentum, 2 adam), then the L + 1 layer sizes, then for each of the
// 2L parameters (W0, b0, W1, b1, ...) four offsets: the parameter [S, ...], its gradient, and the
// optimizer's two state tensors (0 when unused), then the scratch offset (2 * rows * A + maxWidth
// floats, A the sum of the layer sizes: every layer's activations and output gradients for each
// row of a batch, and one row of Wᵀ delta).

import { exp4 } from './exp4';

@inline function word(plan: usize, i: i32): i32 {
  return load<i32>(plan + (<usize>i << 2));
}

@inline function hsum(v: v128): f32 {
  return (f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1)) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

/**
 * hsum of four accumulators at once, as lanes [hsum(a0), hsum(a1), hsum(a2), hsum(a3)]: pairs of
 * lanes add first ((l0 + l1) and (l2 + l3), side by side), then the pairs, so every lane is the
 * very sum hsum() makes.
 */
@inline function hsum4(a0: v128, a1: v128, a2: v128, a3: v128): v128 {
  const p01 = f32x4.add(v128.shuffle<f32>(a0, a1, 0, 2, 4, 6), v128.shuffle<f32>(a0, a1, 1, 3, 5, 7));
  const p23 = f32x4.add(v128.shuffle<f32>(a2, a3, 0, 2, 4, 6), v128.shuffle<f32>(a2, a3, 1, 3, 5, 7));
  return f32x4.add(v128.shuffle<f32>(p01, p23, 0, 2, 4, 6), v128.shuffle<f32>(p01, p23, 1, 3, 5, 7));
}

/** Lanes [w[i], w[i] one row on, two rows on, three rows on]: column i of four weight rows. */
@inline function column4(w: usize, stride: usize, o: usize): v128 {
  let c = f32x4.splat(load<f32>(w + o));
  c = f32x4.replace_lane(c, 1, load<f32>(w + stride + o));
  c = f32x4.replace_lane(c, 2, load<f32>(w + 2 * stride + o));
  return f32x4.replace_lane(c, 3, load<f32>(w + 3 * stride + o));
}

/** Σ a[i] * b[i] over n floats, in the fixed order above. */
@inline function dot(a: usize, b: usize, n: i32): f32 {
  const n4 = n & ~3;
  let acc = f32x4.splat(0);
  for (let i = 0; i < n4; i += 4) acc = f32x4.add(acc, f32x4.mul(v128.load(a + (<usize>i << 2)), v128.load(b + (<usize>i << 2))));
  let sum = hsum(acc);
  for (let i = n4; i < n; i++) sum += load<f32>(a + (<usize>i << 2)) * load<f32>(b + (<usize>i << 2));
  return sum;
}

/**
 * Four dot products of the rows at w, w + n, w + 2n, w + 3n with x, each summed exactly as dot()
 * sums it (so the results are bit-identical to four dot() calls), sharing the loads of x. Writes
 * them, each plus its bias, to out[0..3].
 */
@inline function dot4(w: usize, x: usize, n: i32, bias: usize, out: usize): void {
  const n4 = n & ~3;
  const stride = <usize>n << 2;
  let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
  for (let i = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    const xv = v128.load(x + o);
    a0 = f32x4.add(a0, f32x4.mul(v128.load(w + o), xv));
    a1 = f32x4.add(a1, f32x4.mul(v128.load(w + stride + o), xv));
    a2 = f32x4.add(a2, f32x4.mul(v128.load(w + 2 * stride + o), xv));
    a3 = f32x4.add(a3, f32x4.mul(v128.load(w + 3 * stride + o), xv));
  }
  // The four sums side by side; each lane then takes its row's remaining terms and bias, as dot() would.
  let sums = hsum4(a0, a1, a2, a3);
  for (let i = n4; i < n; i++) {
    const o = <usize>i << 2;
    sums = f32x4.add(sums, f32x4.mul(column4(w, stride, o), f32x4.splat(load<f32>(x + o))));
  }
  v128.store(out, f32x4.add(sums, v128.load(bias)));
}

/** dot4 for two inputs at once (x and y), sharing the loads of the four rows; each sum as dot() sums it. */
@inline function dot4x2(w: usize, x: usize, y: usize, n: i32, bias: usize, outX: usize, outY: usize): void {
  const n4 = n & ~3;
  const stride = <usize>n << 2;
  let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
  let c0 = f32x4.splat(0), c1 = f32x4.splat(0), c2 = f32x4.splat(0), c3 = f32x4.splat(0);
  for (let i = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    const xv = v128.load(x + o);
    const yv = v128.load(y + o);
    const w0 = v128.load(w + o), w1 = v128.load(w + stride + o), w2 = v128.load(w + 2 * stride + o), w3 = v128.load(w + 3 * stride + o);
    a0 = f32x4.add(a0, f32x4.mul(w0, xv));
    a1 = f32x4.add(a1, f32x4.mul(w1, xv));
    a2 = f32x4.add(a2, f32x4.mul(w2, xv));
    a3 = f32x4.add(a3, f32x4.mul(w3, xv));
    c0 = f32x4.add(c0, f32x4.mul(w0, yv));
    c1 = f32x4.add(c1, f32x4.mul(w1, yv));
    c2 = f32x4.add(c2, f32x4.mul(w2, yv));
    c3 = f32x4.add(c3, f32x4.mul(w3, yv));
  }
  let sx = hsum4(a0, a1, a2, a3);
  let sy = hsum4(c0, c1, c2, c3);
  for (let i = n4; i < n; i++) {
    const o = <usize>i << 2;
    const col = column4(w, stride, o);
    sx = f32x4.add(sx, f32x4.mul(col, f32x4.splat(load<f32>(x + o))));
    sy = f32x4.add(sy, f32x4.mul(col, f32x4.splat(load<f32>(y + o))));
  }
  const bv = v128.load(bias);
  v128.store(outX, f32x4.add(sx, bv));
  v128.store(outY, f32x4.add(sy, bv));
}

/** y[i] += a * x[i] over n floats. */
@inline function axpy(y: usize, a: f32, x: usize, n: i32): void {
  const n4 = n & ~3;
  const av = f32x4.splat(a);
  for (let i = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    v128.store(y + o, f32x4.add(v128.load(y + o), f32x4.mul(av, v128.load(x + o))));
  }
  for (let i = n4; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(y + o, load<f32>(y + o) + a * load<f32>(x + o));
  }
}

@inline function activate(kind: i32, z: f32): f32 {
  if (kind == 0) return z > 0 ? z : 0;
  if (kind == 1) return Mathf.tanh(z);
  return 1 / (1 + Mathf.exp(-z));
}

/** The activation's derivative, from its output a. */
@inline function slope(kind: i32, a: f32): f32 {
  if (kind == 0) return a > 0 ? 1 : 0;
  if (kind == 1) return 1 - a * a;
  return a * (1 - a);
}

@inline function size(plan: usize, l: i32): i32 {
  return word(plan, 4 + l);
}
/** Offset of parameter p's tensor (k = 0), gradient (1) or optimizer state (2, 3). */
@inline function tensor(plan: usize, p: i32, k: i32): usize {
  const L = word(plan, 1);
  return <usize>word(plan, 5 + L + 4 * p + k);
}
/** Seed s's block of layer l's weights [out, in] (k = 0) or their gradient (k = 1). */
@inline function seedWeights(plan: usize, l: i32, s: i32, k: i32): usize {
  return tensor(plan, 2 * l, k) + (<usize>(s * size(plan, l + 1) * size(plan, l)) << 2);
}
/** Seed s's block of layer l's bias [out] (k = 0) or its gradient (k = 1). */
@inline function seedBias(plan: usize, l: i32, s: i32, k: i32): usize {
  return tensor(plan, 2 * l + 1, k) + (<usize>(s * size(plan, l + 1)) << 2);
}
@inline function scratch(plan: usize): usize {
  const L = word(plan, 1);
  return <usize>word(plan, 5 + L + 8 * L);
}

/** Where layer l's values start in a row's activations (layer 0 is the input): the sizes before it. */
@inline function layerAt(plan: usize, l: i32): i32 {
  let n = 0;
  for (let h = 0; h < l; h++) n += size(plan, h);
  return n;
}

/**
 * Forward pass of row r of seed s, and of row r + 1 too when `two` (the pair shares the loads of
 * the weights; every sum is the one a single row gets): the inputs at x0 (and x1), each layer's
 * output into the rows' activations at acts0 (and acts1) (layer l at layerAt(l); layer 0 is a copy
 * of the input), dropout masks applied to hidden layers when `masks` is not 0. The logits end at
 * layerAt(L).
 */
function forwardRows(plan: usize, s: i32, x0: usize, x1: usize, masks: usize, B: i32, r: i32, acts0: usize, acts1: usize, two: bool): void {
  const L = word(plan, 1);
  const kind = word(plan, 2);
  const I = size(plan, 0);
  memory.copy(acts0, x0, <usize>I << 2);
  if (two) memory.copy(acts1, x1, <usize>I << 2);
  let maskLayer = masks;
  for (let l = 0; l < L; l++) {
    const nIn = size(plan, l);
    const nOut = size(plan, l + 1);
    const inAt = <usize>layerAt(plan, l) << 2;
    const outAt = <usize>layerAt(plan, l + 1) << 2;
    const w = seedWeights(plan, l, s, 0);
    const b = seedBias(plan, l, s, 0);
    // Four outputs at a time share the input's loads; each is summed exactly as one dot() would.
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
    if (l < L - 1) {
      const count = two ? 2 : 1;
      for (let p = 0; p < count; p++) {
        const out = (p == 0 ? acts0 : acts1) + outAt;
        const mask = maskLayer + (<usize>((s * B + r + p) * nOut) << 2);
        let k = 0;
        if (kind == 0) {
          // relu four at a time: each lane is z > 0 ? z : 0 (times its mask), as below.
          const zero = f32x4.splat(0);
          for (; k + 4 <= nOut; k += 4) {
            const at = out + (<usize>k << 2);
            const z = v128.load(at);
            let a = v128.bitselect(z, zero, f32x4.gt(z, zero));
            if (masks != 0) a = f32x4.mul(a, v128.load(mask + (<usize>k << 2)));
            v128.store(at, a);
          }
        }
        for (; k < nOut; k++) {
          let z = activate(kind, load<f32>(out + (<usize>k << 2)));
          if (masks != 0) z *= load<f32>(mask + (<usize>k << 2));
          store<f32>(out + (<usize>k << 2), z);
        }
      }
      // The next hidden layer's masks follow this one's [S, B, width] block.
      if (masks != 0) maskLayer += <usize>(word(plan, 0) * B * nOut) << 2;
    }
  }
}

/** Whether the last row crossEntropy scored was predicted right (1) or not (0). */
let lastCorrect: i32 = 0;

/**
 * Softmax cross-entropy of the logits at z for `label`, with the largest logit subtracted first;
 * leaves the softmax probabilities at z and sets lastCorrect. Ties go to the first class.
 */
function crossEntropy(z: usize, C: i32, label: i32): f32 {
  let top: f32 = load<f32>(z);
  let argmax = 0;
  for (let k = 1; k < C; k++) {
    const v = load<f32>(z + (<usize>k << 2));
    if (v > top) {
      top = v;
      argmax = k;
    }
  }
  const zLabel = load<f32>(z + (<usize>label << 2));
  // exp four classes at a time; the sum still adds them one by one in class order.
  const C4 = C & ~3;
  const topv = f32x4.splat(top);
  for (let k = 0; k < C4; k += 4) v128.store(z + (<usize>k << 2), exp4(f32x4.sub(v128.load(z + (<usize>k << 2)), topv)));
  for (let k = C4; k < C; k++) store<f32>(z + (<usize>k << 2), Mathf.exp(load<f32>(z + (<usize>k << 2)) - top));
  let sum: f32 = 0;
  for (let k = 0; k < C; k++) sum += load<f32>(z + (<usize>k << 2));
  const sumv = f32x4.splat(sum);
  for (let k = 0; k < C4; k += 4) v128.store(z + (<usize>k << 2), f32x4.div(v128.load(z + (<usize>k << 2)), sumv));
  for (let k = C4; k < C; k++) store<f32>(z + (<usize>k << 2), load<f32>(z + (<usize>k << 2)) / sum);
  lastCorrect = argmax == label ? 1 : 0;
  return Mathf.log(sum) - (zLabel - top);
}

/**
 * One training step of every seed: forward, softmax cross-entropy averaged over the batch's B rows,
 * backward, and the optimizer's update, in place. trainX [S, N, I] and trainY [S, N] (i32) are each
 * seed's training set, uploaded once; indices [S, B] (i32) name this step's rows, in the order they
 * are summed; masks [L - 1 hidden layers][S, B, width] (0: no dropout). Writes each seed's mean
 * batch loss to lossOut [S] and adds its correct rows to correctOut [S] (the epoch's running sums
 * are the caller's: lossSums [S] gets loss * B added).
 */
export function trainStep(plan: usize, trainX: usize, trainY: usize, N: i32, indices: usize, masks: usize, B: i32, lr: f32, t: i32, beta1: f32, beta2: f32, eps: f32, momentum: f32, lossOut: usize, lossSums: usize, correctSums: usize): void {
  const S = word(plan, 0);
  const L = word(plan, 1);
  const kind = word(plan, 2);
  const I = size(plan, 0);
  const C = size(plan, L);
  // The batch's rows side by side: every layer's activations (A floats a row), then every
  // layer's output gradient (the same layout, layer 0 unused), then one row of Wᵀ delta.
  const A = layerAt(plan, L + 1);
  const rowActs = scratch(plan);
  const rowDeltas = rowActs + (<usize>(B * A) << 2);
  const back = rowDeltas + (<usize>(B * A) << 2);
  const invB: f32 = 1 / <f32>B;
  for (let s = 0; s < S; s++) {
    let lossSum: f64 = 0;
    let correct = 0;
    // Each row on its own (the forward pass two rows at a time): loss, and the gradient of every layer's output.
    const logitsAt = <usize>layerAt(plan, L) << 2;
    for (let r = 0; r < B; r++) {
      const acts = rowActs + (<usize>(r * A) << 2);
      const deltas = rowDeltas + (<usize>(r * A) << 2);
      const row = s * N + load<i32>(indices + (<usize>(s * B + r) << 2));
      if (r % 2 == 0) {
        const two = r + 1 < B;
        const next = two ? s * N + load<i32>(indices + (<usize>(s * B + r + 1) << 2)) : row;
        forwardRows(plan, s, trainX + (<usize>(row * I) << 2), trainX + (<usize>(next * I) << 2), masks, B, r, acts, acts + (<usize>A << 2), two);
      }
      const z = acts + logitsAt;
      const label = load<i32>(trainY + (<usize>row << 2));
      lossSum += <f64>crossEntropy(z, C, label);
      correct += lastCorrect;
      // dLoss/dz = (p - y) / B
      const top = deltas + (<usize>layerAt(plan, L) << 2);
      for (let k = 0; k < C; k++) store<f32>(top + (<usize>k << 2), (load<f32>(z + (<usize>k << 2)) - (k == label ? <f32>1 : <f32>0)) * invB);
      for (let l = L - 1; l >= 1; l--) {
        // The input's gradient: Wᵀ delta (rows of W in order), through the mask and the activation.
        const nIn = size(plan, l);
        const nOut = size(plan, l + 1);
        const delta = deltas + (<usize>layerAt(plan, l + 1) << 2);
        const input = acts + (<usize>layerAt(plan, l) << 2);
        const w = seedWeights(plan, l, s, 0);
        memory.fill(back, 0, <usize>nIn << 2);
        for (let k = 0; k < nOut; k++) axpy(back, load<f32>(delta + (<usize>k << 2)), w + (<usize>(k * nIn) << 2), nIn);
        let maskAt: usize = 0;
        if (masks != 0) {
          // Hidden layer l - 1's masks start after the earlier hidden layers' [S, B, width] blocks.
          let offset: usize = masks;
          for (let h = 0; h < l - 1; h++) offset += <usize>(S * B * size(plan, h + 1)) << 2;
          maskAt = offset + (<usize>((s * B + r) * nIn) << 2);
        }
        const below = deltas + (<usize>layerAt(plan, l) << 2);
        let j = 0;
        if (kind == 0) {
          // relu four at a time, each lane exactly the scalar steps below: g times the slope (1 or
          // 0), and with a mask g * m first, then 0 wherever m is 0.
          const zero = f32x4.splat(0);
          const one = f32x4.splat(1);
          for (; j + 4 <= nIn; j += 4) {
            const o = <usize>j << 2;
            const a = v128.load(input + o);
            let g = v128.load(back + o);
            if (maskAt != 0) {
              const m = v128.load(maskAt + o);
              g = f32x4.mul(g, m);
              const d = f32x4.mul(g, v128.bitselect(one, zero, f32x4.gt(f32x4.div(a, m), zero)));
              v128.store(below + o, v128.bitselect(d, zero, f32x4.ne(m, zero)));
            } else v128.store(below + o, f32x4.mul(g, v128.bitselect(one, zero, f32x4.gt(a, zero))));
          }
        }
        for (; j < nIn; j++) {
          const a = load<f32>(input + (<usize>j << 2));
          let g = load<f32>(back + (<usize>j << 2));
          if (maskAt != 0) {
            const m = load<f32>(maskAt + (<usize>j << 2));
            g *= m;
            // The activation's output before the mask: a / m (m is 0 or 1 / keep).
            store<f32>(below + (<usize>j << 2), m == 0 ? 0 : g * slope(kind, a / m));
          } else store<f32>(below + (<usize>j << 2), g * slope(kind, a));
        }
      }
    }
    // The parameters' gradients: each element summed over the rows in row order, four lanes of a
    // row at a time (the same sums as adding row by row), so a gradient row stays in registers.
    for (let l = 0; l < L; l++) {
      const nIn = size(plan, l);
      const nOut = size(plan, l + 1);
      const inAt = <usize>layerAt(plan, l) << 2;
      const outAt = <usize>layerAt(plan, l + 1) << 2;
      const gw = seedWeights(plan, l, s, 1);
      const gb = seedBias(plan, l, s, 1);
      const nIn4 = nIn & ~3;
      const rowStep = <usize>A << 2;
      let k = 0;
      // Two output units at a time share the loads of the rows' activations.
      for (; k + 2 <= nOut; k += 2) {
        const row0 = gw + (<usize>(k * nIn) << 2);
        const row1 = row0 + (<usize>nIn << 2);
        const deltas0 = rowDeltas + outAt + (<usize>k << 2);
        let i = 0;
        for (; i + 16 <= nIn4; i += 16) {
          const o = <usize>i << 2;
          let g0 = f32x4.splat(0), g1 = f32x4.splat(0), g2 = f32x4.splat(0), g3 = f32x4.splat(0);
          let h0 = f32x4.splat(0), h1 = f32x4.splat(0), h2 = f32x4.splat(0), h3 = f32x4.splat(0);
          let d = deltas0;
          let a = rowActs + inAt + o;
          for (let r = 0; r < B; r++) {
            const dv = f32x4.splat(load<f32>(d));
            const ev = f32x4.splat(load<f32>(d + 4));
            const a0 = v128.load(a), a1 = v128.load(a + 16), a2 = v128.load(a + 32), a3 = v128.load(a + 48);
            g0 = f32x4.add(g0, f32x4.mul(dv, a0));
            g1 = f32x4.add(g1, f32x4.mul(dv, a1));
            g2 = f32x4.add(g2, f32x4.mul(dv, a2));
            g3 = f32x4.add(g3, f32x4.mul(dv, a3));
            h0 = f32x4.add(h0, f32x4.mul(ev, a0));
            h1 = f32x4.add(h1, f32x4.mul(ev, a1));
            h2 = f32x4.add(h2, f32x4.mul(ev, a2));
            h3 = f32x4.add(h3, f32x4.mul(ev, a3));
            d += rowStep;
            a += rowStep;
          }
          v128.store(row0 + o, g0);
          v128.store(row0 + o + 16, g1);
          v128.store(row0 + o + 32, g2);
          v128.store(row0 + o + 48, g3);
          v128.store(row1 + o, h0);
          v128.store(row1 + o + 16, h1);
          v128.store(row1 + o + 32, h2);
          v128.store(row1 + o + 48, h3);
        }
        for (; i < nIn4; i += 4) {
          const o = <usize>i << 2;
          let g0 = f32x4.splat(0), h0 = f32x4.splat(0);
          let d = deltas0;
          let a = rowActs + inAt + o;
          for (let r = 0; r < B; r++) {
            const a0 = v128.load(a);
            g0 = f32x4.add(g0, f32x4.mul(f32x4.splat(load<f32>(d)), a0));
            h0 = f32x4.add(h0, f32x4.mul(f32x4.splat(load<f32>(d + 4)), a0));
            d += rowStep;
            a += rowStep;
          }
          v128.store(row0 + o, g0);
          v128.store(row1 + o, h0);
        }
        for (; i < nIn; i++) {
          const o = <usize>i << 2;
          let g: f32 = 0, h: f32 = 0;
          let d = deltas0;
          let a = rowActs + inAt + o;
          for (let r = 0; r < B; r++) {
            g += load<f32>(d) * load<f32>(a);
            h += load<f32>(d + 4) * load<f32>(a);
            d += rowStep;
            a += rowStep;
          }
          store<f32>(row0 + o, g);
          store<f32>(row1 + o, h);
        }
        let gbk: f32 = 0, gbk1: f32 = 0;
        let d = deltas0;
        for (let r = 0; r < B; r++) {
          gbk += load<f32>(d);
          gbk1 += load<f32>(d + 4);
          d += rowStep;
        }
        store<f32>(gb + (<usize>k << 2), gbk);
        store<f32>(gb + (<usize>(k + 1) << 2), gbk1);
      }
      // An odd last unit on its own, the same sums.
      for (; k < nOut; k++) {
        const row = gw + (<usize>(k * nIn) << 2);
        const kAt = outAt + (<usize>k << 2);
        let i = 0;
        for (; i + 16 <= nIn4; i += 16) {
          const o = <usize>i << 2;
          let g0 = f32x4.splat(0), g1 = f32x4.splat(0), g2 = f32x4.splat(0), g3 = f32x4.splat(0);
          for (let r = 0; r < B; r++) {
            const dv = f32x4.splat(load<f32>(rowDeltas + (<usize>(r * A) << 2) + kAt));
            const a = rowActs + (<usize>(r * A) << 2) + inAt + o;
            g0 = f32x4.add(g0, f32x4.mul(dv, v128.load(a)));
            g1 = f32x4.add(g1, f32x4.mul(dv, v128.load(a + 16)));
            g2 = f32x4.add(g2, f32x4.mul(dv, v128.load(a + 32)));
            g3 = f32x4.add(g3, f32x4.mul(dv, v128.load(a + 48)));
          }
          v128.store(row + o, g0);
          v128.store(row + o + 16, g1);
          v128.store(row + o + 32, g2);
          v128.store(row + o + 48, g3);
        }
        for (; i < nIn4; i += 4) {
          const o = <usize>i << 2;
          let g0 = f32x4.splat(0);
          for (let r = 0; r < B; r++) {
            const dv = f32x4.splat(load<f32>(rowDeltas + (<usize>(r * A) << 2) + kAt));
            g0 = f32x4.add(g0, f32x4.mul(dv, v128.load(rowActs + (<usize>(r * A) << 2) + inAt + o)));
          }
          v128.store(row + o, g0);
        }
        for (; i < nIn; i++) {
          const o = <usize>i << 2;
          let g: f32 = 0;
          for (let r = 0; r < B; r++) g += load<f32>(rowDeltas + (<usize>(r * A) << 2) + kAt) * load<f32>(rowActs + (<usize>(r * A) << 2) + inAt + o);
          store<f32>(row + o, g);
        }
        let gbk: f32 = 0;
        for (let r = 0; r < B; r++) gbk += load<f32>(rowDeltas + (<usize>(r * A) << 2) + kAt);
        store<f32>(gb + (<usize>k << 2), gbk);
      }
    }
    const meanLoss = <f32>(lossSum / <f64>B);
    store<f32>(lossOut + (<usize>s << 2), meanLoss);
    store<f32>(lossSums + (<usize>s << 2), load<f32>(lossSums + (<usize>s << 2)) + meanLoss * <f32>B);
    store<f32>(correctSums + (<usize>s << 2), load<f32>(correctSums + (<usize>s << 2)) + <f32>correct);
  }
  update(plan, lr, t, beta1, beta2, eps, momentum);
}

/**
 * The optimizer's update of every parameter, elementwise (so each seed's own). Four parameters at
 * a time: every lane does exactly the scalar operations (IEEE multiply, add, divide and square
 * root round the same in a lane as alone), then the tail one by one.
 */
function update(plan: usize, lr: f32, t: i32, beta1: f32, beta2: f32, eps: f32, momentum: f32): void {
  const S = word(plan, 0);
  const L = word(plan, 1);
  const kind = word(plan, 3);
  const c1: f32 = 1 - Mathf.pow(beta1, <f32>t);
  const c2: f32 = 1 - Mathf.pow(beta2, <f32>t);
  const lrv = f32x4.splat(lr), mov = f32x4.splat(momentum), b1v = f32x4.splat(beta1), ob1 = f32x4.splat(1 - beta1);
  const b2v = f32x4.splat(beta2), ob2 = f32x4.splat(1 - beta2), c1v = f32x4.splat(c1), c2v = f32x4.splat(c2), epsv = f32x4.splat(eps);
  for (let p = 0; p < 2 * L; p++) {
    const l = p >> 1;
    const n = S * size(plan, l + 1) * (p % 2 == 0 ? size(plan, l) : 1);
    const n4 = n & ~3;
    const w = tensor(plan, p, 0);
    const g = tensor(plan, p, 1);
    const m = tensor(plan, p, 2);
    const v = tensor(plan, p, 3);
    for (let i = 0; i < n4; i += 4) {
      const o = <usize>i << 2;
      const gi = v128.load(g + o);
      if (kind == 0) {
        v128.store(w + o, f32x4.sub(v128.load(w + o), f32x4.mul(gi, lrv)));
      } else if (kind == 1) {
        const vi = f32x4.add(f32x4.mul(v128.load(m + o), mov), gi);
        v128.store(m + o, vi);
        v128.store(w + o, f32x4.sub(v128.load(w + o), f32x4.mul(vi, lrv)));
      } else {
        const mi = f32x4.add(f32x4.mul(v128.load(m + o), b1v), f32x4.mul(gi, ob1));
        const vi = f32x4.add(f32x4.mul(v128.load(v + o), b2v), f32x4.mul(f32x4.mul(gi, gi), ob2));
        v128.store(m + o, mi);
        v128.store(v + o, vi);
        const step = f32x4.mul(f32x4.div(f32x4.div(mi, c1v), f32x4.add(f32x4.sqrt(f32x4.div(vi, c2v)), epsv)), lrv);
        v128.store(w + o, f32x4.sub(v128.load(w + o), step));
      }
    }
    for (let i = n4; i < n; i++) {
      const o = <usize>i << 2;
      const gi = load<f32>(g + o);
      if (kind == 0) {
        store<f32>(w + o, load<f32>(w + o) - gi * lr);
      } else if (kind == 1) {
        const vi = load<f32>(m + o) * momentum + gi;
        store<f32>(m + o, vi);
        store<f32>(w + o, load<f32>(w + o) - vi * lr);
      } else {
        const mi = load<f32>(m + o) * beta1 + gi * (1 - beta1);
        const vi = load<f32>(v + o) * beta2 + gi * gi * (1 - beta2);
        store<f32>(m + o, mi);
        store<f32>(v + o, vi);
        store<f32>(w + o, load<f32>(w + o) - ((mi / c1) / (Mathf.sqrt(vi / c2) + eps)) * lr);
      }
    }
  }
}

/**
 * Test metrics of every seed: x [S, T, I], labels [S, T] (i32). Writes each seed's mean loss to
 * lossOut [S] and its accuracy to accuracyOut [S].
 */
export function evaluate(plan: usize, x: usize, labels: usize, T: i32, lossOut: usize, accuracyOut: usize): void {
  const S = word(plan, 0);
  const L = word(plan, 1);
  const I = size(plan, 0);
  const C = size(plan, L);
  for (let s = 0; s < S; s++) {
    let lossSum: f64 = 0;
    let correct = 0;
    const A = layerAt(plan, L + 1);
    const acts0 = scratch(plan);
    const acts1 = acts0 + (<usize>A << 2);
    const logitsAt = <usize>layerAt(plan, L) << 2;
    for (let r = 0; r < T; r += 2) {
      const two = r + 1 < T;
      forwardRows(plan, s, x + (<usize>((s * T + r) * I) << 2), x + (<usize>((s * T + r + (two ? 1 : 0)) * I) << 2), 0, T, r, acts0, acts1, two);
      lossSum += <f64>crossEntropy(acts0 + logitsAt, C, load<i32>(labels + (<usize>(s * T + r) << 2)));
      correct += lastCorrect;
      if (two) {
        lossSum += <f64>crossEntropy(acts1 + logitsAt, C, load<i32>(labels + (<usize>(s * T + r + 1) << 2)));
        correct += lastCorrect;
      }
    }
    store<f32>(lossOut + (<usize>s << 2), <f32>(lossSum / <f64>T));
    store<f32>(accuracyOut + (<usize>s << 2), <f32>correct / <f32>T);
  }
}
