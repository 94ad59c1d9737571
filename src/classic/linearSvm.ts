import type { RandomStream } from '../random/seedStreams.ts';
import type { TreeData as TrainingRows } from './decisionTree.ts';

/**
 * A linear SVM trained as LIBLINEAR trains scikit-learn's LinearSVC (its defaults: squared hinge
 * loss, L2 penalty, the dual problem, C 1, tol 1e-4, at most 1000 passes, one class against the
 * rest, an intercept as a constant feature 1): dual coordinate descent with shrinking (Hsieh et al.,
 * "A dual coordinate descent method for large-scale linear SVM", ICML 2008; LIBLINEAR's
 * solve_l2r_l1l2_svc). LIBSVM has no linear solver of this kind, so it is written here.
 *
 * Each pass visits the variables in a random order drawn from `stream`: two seeds give two paths to
 * the optimum and stop at slightly different points within `tol`, as LIBLINEAR does with its
 * random_state. The model is seed-dependent by design; the determinism audit measures by how much.
 */

export interface LinearSvmOptions {
  C: number;
  tol: number;
  maxPasses: number;
}

export const LINEAR_SVM_DEFAULTS: LinearSvmOptions = { C: 1, tol: 1e-4, maxPasses: 1000 };

/** One weight vector per class (one against the rest); two classes have one, for class 1. Each ends with its intercept. */
export interface LinearSvm {
  weights: Float64Array[];
  features: number;
  classes: number;
}

/** Solves min ½‖w‖² + C Σ max(0, 1 − y_i wᵀx_i)² through its dual, x_i extended by a constant 1. */
function solveBinary(x: Float64Array, data: TrainingRows, y: Int8Array, options: LinearSvmOptions, stream: RandomStream): Float64Array {
  const { rows: n, features } = data;
  const d = features + 1;
  const w = new Float64Array(d);
  const alpha = new Float64Array(n);
  // The squared hinge loss moves 1/(2C) onto the diagonal and leaves alpha unbounded above.
  const diag = 0.5 / options.C;
  const QD = Float64Array.from({ length: n }, (_, i) => {
    let s = diag + 1;
    for (let f = 0; f < features; f++) s += x[i * features + f] ** 2;
    return s;
  });
  const index = Int32Array.from({ length: n }, (_, i) => i);
  let active = n;
  // LIBLINEAR's PGmax_old: a variable at 0 whose gradient exceeds it is shrunk (alpha has no upper bound here).
  let pgMaxOld = Infinity;
  for (let pass = 0; pass < options.maxPasses; pass++) {
    let [pgMaxNew, pgMinNew] = [-Infinity, Infinity];
    for (let i = 0; i < active; i++) {
      const j = i + stream.nextInt(active - i);
      const swap = index[i];
      index[i] = index[j];
      index[j] = swap;
    }
    for (let s = 0; s < active; s++) {
      const i = index[s];
      let dot = w[features];
      for (let f = 0; f < features; f++) dot += w[f] * x[i * features + f];
      const G = y[i] * dot - 1 + alpha[i] * diag;
      let PG = G;
      if (alpha[i] === 0) {
        if (G > pgMaxOld) {
          // Shrink: at its bound and likely to stay there.
          active--;
          index[s] = index[active];
          index[active] = i;
          s--;
          continue;
        }
        if (G > 0) PG = 0;
      }
      pgMaxNew = Math.max(pgMaxNew, PG);
      pgMinNew = Math.min(pgMinNew, PG);
      if (Math.abs(PG) > 1e-12) {
        const old = alpha[i];
        alpha[i] = Math.max(alpha[i] - G / QD[i], 0);
        const step = (alpha[i] - old) * y[i];
        for (let f = 0; f < features; f++) w[f] += step * x[i * features + f];
        w[features] += step;
      }
    }
    if (pgMaxNew - pgMinNew <= options.tol) {
      if (active === n) break;
      // Converged on the shrunk set: check every variable once more.
      active = n;
      pgMaxOld = Infinity;
      continue;
    }
    pgMaxOld = pgMaxNew > 0 ? pgMaxNew : Infinity;
  }
  return w;
}

/** One machine per class against the rest (one for two classes, class 1 positive, as scikit-learn). */
export function fitLinearSvm(data: TrainingRows, stream: RandomStream, options: LinearSvmOptions = LINEAR_SVM_DEFAULTS): LinearSvm {
  const positives = data.classes === 2 ? [1] : Array.from({ length: data.classes }, (_, c) => c);
  // Each float32 widens exactly: the same products, read without a conversion each time.
  const x = Float64Array.from(data.x);
  const weights = positives.map((c) =>
    solveBinary(
      x,
      data,
      Int8Array.from(data.y, (v) => (v === c ? 1 : -1)),
      options,
      stream,
    ),
  );
  return { weights, features: data.features, classes: data.classes };
}

/** The class with the largest decision value (two classes: class 1 where it is positive). */
export function predictLinearSvm(model: LinearSvm, x: Float32Array, rows: number): Int32Array {
  const { features, weights } = model;
  const decision = (w: Float64Array, r: number) => {
    let s = w[features];
    for (let f = 0; f < features; f++) s += w[f] * x[r * features + f];
    return s;
  };
  return Int32Array.from({ length: rows }, (_, r) => {
    if (weights.length === 1) return decision(weights[0], r) > 0 ? 1 : 0;
    let best = 0;
    let bestValue = -Infinity;
    weights.forEach((w, c) => {
      const v = decision(w, r);
      if (v > bestValue) [best, bestValue] = [c, v];
    });
    return best;
  });
}
