// Fused kernels for a group of stacked MLPs on the wasm backend (AssemblyScript, WASM SIMD).
// Compiled by scripts/build-kernels.mjs with --importMemory: the module works in place on the tfjs
// wasm backend's own memory, on tensors tfjs allocated (src/kernels/fusedKernels.ts passes their
// offsets). It has no data segment and allocates nothing, so it never writes outside them.
//
// Summation order, fixed everywhere: a dot product over n terms runs four lanes over the first
// n - n % 4 terms (lane j sums terms j, j+4, j+8, ... in order), combines the lanes as
// (l0 + l1) + (l2 + l3), then adds the remaining terms in order, then the bias. Gradients sum over
// a batch's rows in row order, seed by seed; no sum mixes two seeds, so a seed's numbers do not
// depend on its group.
//
// The plan (i32 words at `plan`): S, L (weight layers), activation (0 relu, 1 tanh, 2 sigmoid),
// optimizer (0 sgd, 1 sgd with momentum, 2 adam), then the L + 1 layer sizes, then for each of the
// 2L parameters (W0, b0, W1, b1, ...) four offsets: the parameter [S, ...], its gradient, and the
// optimizer's two state tensors (0 when unused), then the scratch offset ((L + 3) * maxWidth floats:
// every layer's output for one row, and two rows of gradients).

@inline function word(plan: usize, i: i32): i32 {
  return load<i32>(plan + (<usize>i << 2));
}

@inline function hsum(v: v128): f32 {
  return (f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1)) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
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
@inline function scratch(plan: usize): usize {
  const L = word(plan, 1);
  return <usize>word(plan, 5 + L + 8 * L);
}
@inline function maxWidth(plan: usize): i32 {
  const L = word(plan, 1);
  let m = 0;
  for (let l = 0; l <= L; l++) m = max(m, size(plan, l));
  return m;
}

/**
 * Forward pass of one row of seed s: the input at `x`, each layer's output into the scratch
 * (layer l's at scratch + l * W floats; layer 0 is a copy of the input), dropout masks applied to
 * hidden layers when `masks` is not 0. Returns the offset of the logits.
 */
function forwardRow(plan: usize, s: i32, x: usize, masks: usize, B: i32, r: i32): usize {
  const L = word(plan, 1);
  const kind = word(plan, 2);
  const W = maxWidth(plan);
  const acts = scratch(plan);
  const I = size(plan, 0);
  memory.copy(acts, x, <usize>I << 2);
  let maskLayer = masks;
  for (let l = 0; l < L; l++) {
    const nIn = size(plan, l);
    const nOut = size(plan, l + 1);
    const input = acts + (<usize>(l * W) << 2);
    const output = acts + (<usize>((l + 1) * W) << 2);
    const w = tensor(plan, 2 * l, 0) + (<usize>(s * nOut * nIn) << 2);
    const b = tensor(plan, 2 * l + 1, 0) + (<usize>(s * nOut) << 2);
    const hidden = l < L - 1;
    const mask = maskLayer + (<usize>((s * B + r) * nOut) << 2);
    for (let k = 0; k < nOut; k++) {
      let z = dot(w + (<usize>(k * nIn) << 2), input, nIn) + load<f32>(b + (<usize>k << 2));
      if (hidden) {
        z = activate(kind, z);
        if (masks != 0) z *= load<f32>(mask + (<usize>k << 2));
      }
      store<f32>(output + (<usize>k << 2), z);
    }
    // The next hidden layer's masks follow this one's [S, B, width] block.
    if (hidden && masks != 0) maskLayer += <usize>(word(plan, 0) * B * nOut) << 2;
  }
  return acts + (<usize>(L * W) << 2);
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
  let sum: f32 = 0;
  for (let k = 0; k < C; k++) {
    const e = Mathf.exp(load<f32>(z + (<usize>k << 2)) - top);
    store<f32>(z + (<usize>k << 2), e);
    sum += e;
  }
  for (let k = 0; k < C; k++) store<f32>(z + (<usize>k << 2), load<f32>(z + (<usize>k << 2)) / sum);
  lastCorrect = argmax == label ? 1 : 0;
  return Mathf.log(sum) - (zLabel - top);
}

/**
 * One training step of every seed: forward, softmax cross-entropy averaged over the batch's B rows,
 * backward, and the optimizer's update, in place. x [S, B, I] and labels [S, B] (i32) are this
 * step's batch; masks [L - 1 hidden layers][S, B, width] (0: no dropout). Writes each seed's mean
 * batch loss to lossOut [S] and adds its correct rows to correctOut [S] (the epoch's running sums
 * are the caller's: lossSums [S] gets loss * B added).
 */
export function trainStep(plan: usize, x: usize, labels: usize, masks: usize, B: i32, lr: f32, t: i32, beta1: f32, beta2: f32, eps: f32, momentum: f32, lossOut: usize, lossSums: usize, correctSums: usize): void {
  const S = word(plan, 0);
  const L = word(plan, 1);
  const kind = word(plan, 2);
  const W = maxWidth(plan);
  const I = size(plan, 0);
  const C = size(plan, L);
  const acts = scratch(plan);
  const delta = acts + (<usize>((L + 1) * W) << 2);
  const back = delta + (<usize>W << 2);
  const invB: f32 = 1 / <f32>B;
  // Zero the gradients.
  for (let p = 0; p < 2 * L; p++) {
    const l = p >> 1;
    const n = S * size(plan, l + 1) * (p % 2 == 0 ? size(plan, l) : 1);
    memory.fill(tensor(plan, p, 1), 0, <usize>n << 2);
  }
  for (let s = 0; s < S; s++) {
    let lossSum: f64 = 0;
    let correct = 0;
    for (let r = 0; r < B; r++) {
      const z = forwardRow(plan, s, x + (<usize>((s * B + r) * I) << 2), masks, B, r);
      const label = load<i32>(labels + (<usize>(s * B + r) << 2));
      lossSum += <f64>crossEntropy(z, C, label);
      correct += lastCorrect;
      // dLoss/dz = (p - y) / B
      for (let k = 0; k < C; k++) store<f32>(delta + (<usize>k << 2), (load<f32>(z + (<usize>k << 2)) - (k == label ? <f32>1 : <f32>0)) * invB);
      for (let l = L - 1; l >= 0; l--) {
        const nIn = size(plan, l);
        const nOut = size(plan, l + 1);
        const input = acts + (<usize>(l * W) << 2);
        const gw = tensor(plan, 2 * l, 1) + (<usize>(s * nOut * nIn) << 2);
        const gb = tensor(plan, 2 * l + 1, 1) + (<usize>(s * nOut) << 2);
        for (let k = 0; k < nOut; k++) {
          const d = load<f32>(delta + (<usize>k << 2));
          axpy(gw + (<usize>(k * nIn) << 2), d, input, nIn);
          store<f32>(gb + (<usize>k << 2), load<f32>(gb + (<usize>k << 2)) + d);
        }
        if (l == 0) break;
        // The input's gradient: Wᵀ delta (rows of W in order), through the mask and the activation.
        const w = tensor(plan, 2 * l, 0) + (<usize>(s * nOut * nIn) << 2);
        memory.fill(back, 0, <usize>nIn << 2);
        for (let k = 0; k < nOut; k++) axpy(back, load<f32>(delta + (<usize>k << 2)), w + (<usize>(k * nIn) << 2), nIn);
        let maskAt: usize = 0;
        if (masks != 0) {
          // Hidden layer l - 1's masks start after the earlier hidden layers' [S, B, width] blocks.
          let offset: usize = masks;
          for (let h = 0; h < l - 1; h++) offset += <usize>(S * B * size(plan, h + 1)) << 2;
          maskAt = offset + (<usize>((s * B + r) * nIn) << 2);
        }
        for (let j = 0; j < nIn; j++) {
          const a = load<f32>(input + (<usize>j << 2));
          let g = load<f32>(back + (<usize>j << 2));
          if (maskAt != 0) {
            const m = load<f32>(maskAt + (<usize>j << 2));
            g *= m;
            // The activation's output before the mask: a / m (m is 0 or 1 / keep).
            store<f32>(delta + (<usize>j << 2), m == 0 ? 0 : g * slope(kind, a / m));
          } else store<f32>(delta + (<usize>j << 2), g * slope(kind, a));
        }
      }
    }
    const meanLoss = <f32>(lossSum / <f64>B);
    store<f32>(lossOut + (<usize>s << 2), meanLoss);
    store<f32>(lossSums + (<usize>s << 2), load<f32>(lossSums + (<usize>s << 2)) + meanLoss * <f32>B);
    store<f32>(correctSums + (<usize>s << 2), load<f32>(correctSums + (<usize>s << 2)) + <f32>correct);
  }
  update(plan, lr, t, beta1, beta2, eps, momentum);
}

/** The optimizer's update of every parameter, elementwise (so each seed's own). */
function update(plan: usize, lr: f32, t: i32, beta1: f32, beta2: f32, eps: f32, momentum: f32): void {
  const S = word(plan, 0);
  const L = word(plan, 1);
  const kind = word(plan, 3);
  const c1: f32 = 1 - Mathf.pow(beta1, <f32>t);
  const c2: f32 = 1 - Mathf.pow(beta2, <f32>t);
  for (let p = 0; p < 2 * L; p++) {
    const l = p >> 1;
    const n = S * size(plan, l + 1) * (p % 2 == 0 ? size(plan, l) : 1);
    const w = tensor(plan, p, 0);
    const g = tensor(plan, p, 1);
    const m = tensor(plan, p, 2);
    const v = tensor(plan, p, 3);
    for (let i = 0; i < n; i++) {
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
  const I = size(plan, 0);
  const C = size(plan, word(plan, 1));
  for (let s = 0; s < S; s++) {
    let lossSum: f64 = 0;
    let correct = 0;
    for (let r = 0; r < T; r++) {
      const z = forwardRow(plan, s, x + (<usize>((s * T + r) * I) << 2), 0, T, r);
      lossSum += <f64>crossEntropy(z, C, load<i32>(labels + (<usize>(s * T + r) << 2)));
      correct += lastCorrect;
    }
    store<f32>(lossOut + (<usize>s << 2), <f32>(lossSum / <f64>T));
    store<f32>(accuracyOut + (<usize>s << 2), <f32>correct / <f32>T);
  }
}
