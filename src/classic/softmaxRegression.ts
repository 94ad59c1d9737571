import exp from '@stdlib/math-base-special-exp';
import ln from '@stdlib/math-base-special-ln';
import type { TreeData } from './decisionTree.ts';

/**
 * Multinomial logistic (softmax) regression with an L2 penalty, scikit-learn's default (C = 1,
 * solver "lbfgs"): it minimizes Σ cross-entropy + ½‖W‖² (the intercepts unpenalized) by L-BFGS
 * with ten correction pairs, as scipy's L-BFGS-B does for scikit-learn, and stops where scipy does
 * for it: the largest gradient component under `tol` (1e-4), a relative decrease of the objective
 * under 2.2e-9 (scipy's ftol), or `maxIterations` (scikit-learn's default, 100). The step is found by
 * backtracking from 1 to the Armijo condition rather than by scipy's Moré-Thuente search: the two
 * take different paths to the same optimum. Hand-written because ml-logistic-regression (one-vs-rest,
 * fixed-rate gradient descent) measured 83% on iris and 94.7% on digits here; a baseline this weak
 * would make the "classic ML against deep learning" comparison dishonest.
 *
 * Deterministic, but sums over rows in row order: permuting the rows changes the last bits of the
 * weights (the determinism audit reports exactly that). exp and ln are stdlib's ports of FreeBSD's
 * msun, plain arithmetic: Math.exp is left to each engine (ECMAScript allows it), and Chromium 156's
 * differed from Node 22's in the last bits, so the same fit gave other weights in a browser.
 */
export interface SoftmaxModel {
  weights: Float64Array; // [classes, features]
  bias: Float64Array; // [classes]
}

interface SoftmaxOptions {
  maxIterations: number;
  /** Objective evaluations at most, line searches included: the time model's bound (it counts 300 passes over the rows). */
  maxEvaluations: number;
  tol: number;
}

/** scikit-learn's LogisticRegression defaults. */
const SOFTMAX_DEFAULTS: SoftmaxOptions = { maxIterations: 100, maxEvaluations: 300, tol: 1e-4 };
/** scipy's L-BFGS-B ftol (factr 1e7 times the machine epsilon). */
const FTOL = 2.220446049250313e-9;
const MEMORY = 10;

export function fitSoftmaxRegression(data: TreeData, options: SoftmaxOptions = SOFTMAX_DEFAULTS): SoftmaxModel {
  const { rows: n, features: F, classes: C } = data;
  const { y } = data;
  // The same values as float64 (each float32 widens exactly): typed reads without a conversion.
  const x = Float64Array.from(data.x);
  const size = C * (F + 1); // weights then bias, one block
  const probs = new Float64Array(C);

  /** The objective at w, its gradient written into g. */
  let evaluations = 0;
  const evaluate = (w: Float64Array, g: Float64Array): number => {
    evaluations++;
    g.fill(0);
    let loss = 0;
    for (let r = 0; r < n; r++) {
      const row = r * F;
      let max = -Infinity;
      for (let c = 0; c < C; c++) {
        const at = c * F;
        let z = w[C * F + c];
        for (let f = 0; f < F; f++) z += w[at + f] * x[row + f];
        probs[c] = z;
        if (z > max) max = z;
      }
      const logit = probs[y[r]];
      let sum = 0;
      for (let c = 0; c < C; c++) sum += probs[c] = exp(probs[c] - max);
      loss += ln(sum) + max - logit;
      for (let c = 0; c < C; c++) {
        const d = probs[c] / sum - (y[r] === c ? 1 : 0);
        const at = c * F;
        for (let f = 0; f < F; f++) g[at + f] += d * x[row + f];
        g[C * F + c] += d;
      }
    }
    for (let i = 0; i < C * F; i++) {
      loss += 0.5 * w[i] * w[i];
      g[i] += w[i];
    }
    return loss;
  };

  const w = new Float64Array(size);
  let g = new Float64Array(size);
  let loss = evaluate(w, g);
  const pairs: { s: Float64Array; y: Float64Array; rho: number }[] = [];
  const direction = new Float64Array(size);
  const alphas = new Float64Array(MEMORY);
  const trial = new Float64Array(size);
  let trialG = new Float64Array(size);
  const dot = (a: Float64Array, b: Float64Array) => {
    let s = 0;
    for (let i = 0; i < size; i++) s += a[i] * b[i];
    return s;
  };
  for (let iteration = 0; iteration < options.maxIterations && evaluations < options.maxEvaluations; iteration++) {
    let largest = 0;
    for (let i = 0; i < size; i++) largest = Math.max(largest, Math.abs(g[i]));
    if (largest <= options.tol) break;
    // The two-loop recursion: direction = -H g (Nocedal and Wright, Algorithm 7.4).
    for (let i = 0; i < size; i++) direction[i] = -g[i];
    for (let k = pairs.length - 1; k >= 0; k--) {
      alphas[k] = pairs[k].rho * dot(pairs[k].s, direction);
      for (let i = 0; i < size; i++) direction[i] -= alphas[k] * pairs[k].y[i];
    }
    const last = pairs.at(-1);
    const scale = last ? dot(last.s, last.y) / dot(last.y, last.y) : 1 / Math.sqrt(dot(g, g));
    for (let i = 0; i < size; i++) direction[i] *= scale;
    for (let k = 0; k < pairs.length; k++) {
      const beta = pairs[k].rho * dot(pairs[k].y, direction);
      for (let i = 0; i < size; i++) direction[i] += (alphas[k] - beta) * pairs[k].s[i];
    }
    // Backtracking to the Armijo condition (c1 = 1e-4), from a step of 1.
    const slope = dot(g, direction);
    let step = 1;
    let trialLoss = Infinity;
    for (let tries = 0; tries < 30 && evaluations < options.maxEvaluations; tries++) {
      for (let i = 0; i < size; i++) trial[i] = w[i] + step * direction[i];
      trialLoss = evaluate(trial, trialG);
      if (trialLoss <= loss + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(trialLoss < loss)) break;
    const s = new Float64Array(size);
    const yk = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      s[i] = trial[i] - w[i];
      yk[i] = trialG[i] - g[i];
    }
    const sy = dot(s, yk);
    if (sy > 1e-10) {
      pairs.push({ s, y: yk, rho: 1 / sy });
      if (pairs.length > MEMORY) pairs.shift();
    }
    const decrease = (loss - trialLoss) / Math.max(Math.abs(loss), Math.abs(trialLoss), 1);
    w.set(trial);
    [g, trialG] = [trialG, g];
    loss = trialLoss;
    if (decrease <= FTOL) break;
  }
  return { weights: w.slice(0, C * F), bias: w.slice(C * F) };
}

export function predictSoftmax(model: SoftmaxModel, x: Float32Array, rows: number, features: number): Int32Array {
  const C = model.bias.length;
  return Int32Array.from({ length: rows }, (_, r) => {
    let best = 0;
    let bestZ = -Infinity;
    for (let c = 0; c < C; c++) {
      let z = model.bias[c];
      for (let f = 0; f < features; f++) z += model.weights[c * features + f] * x[r * features + f];
      if (z > bestZ) [best, bestZ] = [c, z];
    }
    return best;
  });
}
