import exp from '@stdlib/math-base-special-exp';
import type { TreeData as TrainingRows } from './decisionTree.ts';

/**
 * A C-support vector classifier with an RBF kernel, trained as LIBSVM trains it (Chang and Lin,
 * "LIBSVM: a library for support vector machines", 2011; scikit-learn's SVC wraps the same code):
 * SMO on the dual, the working pair chosen by second-order information (Fan, Chen and Lin, JMLR
 * 2005, LIBSVM's WSS 3), stopping when the maximal violating pair is within `tol`, rho from the
 * free variables, and one-against-one voting for more than two classes.
 *
 * Written here rather than taken from libsvm-js: its WebAssembly build compiles its module from
 * bytes at run time (workerd refuses) and reads it with require('fs'), and its asm.js build carries
 * Node-only branches (fs, path, crypto) into every bundle. This file is the solver alone, on typed
 * arrays, the same in Node, workerd and the browser. It does not shrink (LIBSVM's `-h 1` default):
 * shrinking changes the path, not the optimum both stop near. Like LIBSVM it computes a kernel row
 * when the solver first needs it (rows i and j of a step) and keeps it for the pair: most rows are
 * never needed (on digits, a pair of classes has 270 rows and its solver asks for a few dozen), and
 * a row holds the same numbers as the full matrix did (the dot product sums in feature order
 * either way), so the models are the ones the full matrix gave, bit for bit. At most the pair's n²
 * doubles are held (0.6 MB for a pair of digits' classes).
 *
 * No randomness: the same data give the same model for every seed.
 */

/** The hyperparameters, with scikit-learn's defaults: C 1, gamma "scale", tol 1e-3. */
export interface KernelSvmOptions {
  C: number;
  /** "scale": 1 / (features · variance of every training value), scikit-learn's default since 0.22. */
  gamma: number | 'scale';
  tol: number;
}

export const KERNEL_SVM_DEFAULTS: KernelSvmOptions = { C: 1, gamma: 'scale', tol: 1e-3 };

/** One binary machine of the one-against-one scheme: class `positive` against class `negative`. */
interface BinaryMachine {
  positive: number;
  negative: number;
  /** Support vectors (row indices into the training data) and their coefficients alpha_i · y_i. */
  support: Int32Array;
  coef: Float64Array;
  rho: number;
}

export interface KernelSvm {
  gamma: number;
  machines: BinaryMachine[];
  /** The training rows (the support vectors among them, widened to float64: exact) and their squared norms, kept for prediction. */
  x: Float64Array;
  norms: Float64Array;
  features: number;
  classes: number;
}

const TAU = 1e-12;

/** scikit-learn's gamma="scale": 1 / (n_features · X.var()), the variance of every value (ddof 0). */
export function scaleGamma(x: Float32Array, features: number): number {
  let sum = 0;
  for (const v of x) sum += v;
  const mean = sum / x.length;
  let ss = 0;
  for (const v of x) ss += (v - mean) ** 2;
  const variance = ss / x.length;
  return variance > 0 ? 1 / (features * variance) : 1;
}

const squaredNorm = (x: Float64Array, row: number, features: number) => {
  let s = 0;
  for (let f = 0; f < features; f++) s += x[row * features + f] * x[row * features + f];
  return s;
};

/**
 * exp(-gamma ‖a − b‖²), written as LIBSVM writes it: from the squared norms and the dot product.
 * exp is stdlib's (FreeBSD msun, plain arithmetic), not Math.exp, which each engine implements its
 * own way: Chromium 156's moved the SMO's path on iris (alphas 0.002 apart from Node's).
 */
function rbf(xa: Float64Array, a: number, na: number, xb: Float64Array, b: number, nb: number, features: number, gamma: number) {
  let dot = 0;
  for (let f = 0; f < features; f++) dot += xa[a * features + f] * xb[b * features + f];
  return exp(-gamma * (na + nb - 2 * dot));
}

/**
 * Solves one binary dual: min ½ αᵀQα − eᵀα, 0 ≤ α ≤ C, yᵀα = 0, Q_ij = y_i y_j K(x_i, x_j).
 * Returns α and rho. `kernelRow(i)` is row i of the n × n kernel matrix of these rows; `diagonal`, its diagonal.
 */
function solveBinary(
  kernelRow: (i: number) => Float64Array,
  diagonal: Float64Array,
  y: Int8Array,
  C: number,
  tol: number,
): { alpha: Float64Array; rho: number } {
  const n = y.length;
  const alpha = new Float64Array(n);
  const G = new Float64Array(n).fill(-1);
  const QD = diagonal;
  const Q = (i: number, j: number) => y[i] * y[j] * kernelRow(i)[j];
  // LIBSVM's cap: max(10,000,000, 100 n) iterations.
  const maxIterations = Math.max(10_000_000, 100 * n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    // WSS 3: i maximizes the violation; j, among the pairs that violate with i, decreases the objective most.
    let gmax = -Infinity;
    let i = -1;
    for (let t = 0; t < n; t++) {
      if (y[t] === 1 ? alpha[t] < C : alpha[t] > 0) {
        const v = -y[t] * G[t];
        if (v >= gmax) {
          gmax = v;
          i = t;
        }
      }
    }
    let gmax2 = -Infinity;
    let j = -1;
    let best = Infinity;
    const rowI = i < 0 ? diagonal : kernelRow(i);
    for (let t = 0; t < n; t++) {
      if (!(y[t] === 1 ? alpha[t] > 0 : alpha[t] < C)) continue;
      const v = y[t] * G[t];
      if (v >= gmax2) gmax2 = v;
      if (i < 0) continue;
      const gradDiff = gmax + v;
      if (gradDiff > 0) {
        // K_ii + K_tt − 2 K_it: LIBSVM's QD[i] + QD[j] ∓ 2 y_i Q_ij, whichever the sign of y_j.
        const quad = QD[i] + QD[t] - 2 * rowI[t];
        const objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : TAU);
        if (objDiff <= best) {
          best = objDiff;
          j = t;
        }
      }
    }
    if (gmax + gmax2 < tol || i < 0 || j < 0) break;

    const [oldI, oldJ] = [alpha[i], alpha[j]];
    if (y[i] !== y[j]) {
      const quad = Math.max(QD[i] + QD[j] + 2 * Q(i, j), TAU);
      const delta = (-G[i] - G[j]) / quad;
      const diff = alpha[i] - alpha[j];
      alpha[i] += delta;
      alpha[j] += delta;
      if (diff > 0) {
        if (alpha[j] < 0) [alpha[j], alpha[i]] = [0, diff];
      } else if (alpha[i] < 0) [alpha[i], alpha[j]] = [0, -diff];
      if (diff > 0) {
        if (alpha[i] > C) [alpha[i], alpha[j]] = [C, C - diff];
      } else if (alpha[j] > C) [alpha[j], alpha[i]] = [C, C + diff];
    } else {
      const quad = Math.max(QD[i] + QD[j] - 2 * Q(i, j), TAU);
      const delta = (G[i] - G[j]) / quad;
      const sum = alpha[i] + alpha[j];
      alpha[i] -= delta;
      alpha[j] += delta;
      if (sum > C) {
        if (alpha[i] > C) [alpha[i], alpha[j]] = [C, sum - C];
      } else if (alpha[j] < 0) [alpha[j], alpha[i]] = [0, sum];
      if (sum > C) {
        if (alpha[j] > C) [alpha[j], alpha[i]] = [C, sum - C];
      } else if (alpha[i] < 0) [alpha[i], alpha[j]] = [0, sum];
    }
    const [dI, dJ] = [alpha[i] - oldI, alpha[j] - oldJ];
    // G += Q_i ΔI + Q_j ΔJ, Q_ik = y_i y_k K_ik; the signs are exact, so this is the same sum, bit for bit.
    const [si, sj, ki, kj] = [y[i] * dI, y[j] * dJ, kernelRow(i), kernelRow(j)];
    for (let k = 0; k < n; k++) G[k] += y[k] * (ki[k] * si) + y[k] * (kj[k] * sj);
  }
  return { alpha, rho: rhoOf(alpha, G, y, C) };
}

/** LIBSVM's calculate_rho: the mean of y_i G_i over free variables, else the middle of its bounds. */
function rhoOf(alpha: Float64Array, G: Float64Array, y: Int8Array, C: number): number {
  let [ub, lb, free, sumFree] = [Infinity, -Infinity, 0, 0];
  for (let i = 0; i < y.length; i++) {
    const yG = y[i] * G[i];
    if (alpha[i] >= C) {
      if (y[i] === -1) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else if (alpha[i] <= 0) {
      if (y[i] === 1) ub = Math.min(ub, yG);
      else lb = Math.max(lb, yG);
    } else {
      free++;
      sumFree += yG;
    }
  }
  return free > 0 ? sumFree / free : (ub + lb) / 2;
}

/** Trains one machine per pair of classes (LIBSVM's order: 0 against 1, 0 against 2, …, 1 against 2, …). */
export function fitKernelSvm(data: TrainingRows, options: KernelSvmOptions = KERNEL_SVM_DEFAULTS): KernelSvm {
  const { y, rows, features, classes } = data;
  const gamma = options.gamma === 'scale' ? scaleGamma(data.x, features) : options.gamma;
  // Each float32 widens exactly: the same products, read without a conversion each time.
  const x = Float64Array.from(data.x);
  const norms = Float64Array.from({ length: rows }, (_, r) => squaredNorm(x, r, features));
  const byClass = Array.from({ length: classes }, (_, c) => Int32Array.from([...y.keys()].filter((r) => y[r] === c)));
  const machines: BinaryMachine[] = [];
  for (let a = 0; a < classes; a++)
    for (let b = a + 1; b < classes; b++) {
      const members = Int32Array.from([...byClass[a], ...byClass[b]]);
      const n = members.length;
      if (!byClass[a].length || !byClass[b].length) {
        machines.push({ positive: a, negative: b, support: new Int32Array(), coef: new Float64Array(), rho: byClass[a].length ? -1 : 1 });
        continue;
      }
      const labels = Int8Array.from(members, (r) => (y[r] === a ? 1 : -1));
      const kernel = (i: number, j: number) => rbf(x, members[i], norms[members[i]], x, members[j], norms[members[j]], features, gamma);
      const rows: Float64Array[] = [];
      const kernelRow = (i: number) => {
        let row = rows[i];
        if (!row) {
          row = new Float64Array(n);
          // K is symmetric: a value a row already holds is taken from it (the same number: products and sums commute exactly here).
          for (let j = 0; j < n; j++) row[j] = rows[j] ? rows[j][i] : kernel(i, j);
          rows[i] = row;
        }
        return row;
      };
      const diagonal = Float64Array.from({ length: n }, (_, i) => kernel(i, i));
      const { alpha, rho } = solveBinary(kernelRow, diagonal, labels, options.C, options.tol);
      const kept = [...alpha.keys()].filter((i) => alpha[i] > 0);
      const support = Int32Array.from(kept, (i) => members[i]);
      const coef = Float64Array.from(kept, (i) => alpha[i] * labels[i]);
      machines.push({ positive: a, negative: b, support, coef, rho });
    }
  return { gamma, machines, x, norms, features, classes };
}

/**
 * Each machine's decision value for every row: Σ coef_i K(sv_i, x) − rho. A row's kernel with each
 * support vector is computed once and shared by the machines that keep it (a row of digits is a
 * support vector of up to nine), as LIBSVM's svm_predict does; the sums run in the same order.
 */
function kernelSvmDecisions(model: KernelSvm, rowsX: Float32Array, rows: number): Float64Array[] {
  const { features, gamma } = model;
  const x = Float64Array.from(rowsX);
  const unique = [...new Set(model.machines.flatMap((m) => [...m.support]))];
  const slotOf = new Map(unique.map((row, slot) => [row, slot]));
  const slots = model.machines.map((m) => Int32Array.from(m.support, (row) => slotOf.get(row) ?? 0));
  const decisions = model.machines.map(() => new Float64Array(rows));
  const kernel = new Float64Array(unique.length);
  for (let r = 0; r < rows; r++) {
    const norm = squaredNorm(x, r, features);
    for (let u = 0; u < unique.length; u++) kernel[u] = rbf(model.x, unique[u], model.norms[unique[u]], x, r, norm, features, gamma);
    model.machines.forEach((m, j) => {
      let s = 0;
      for (let k = 0; k < m.coef.length; k++) s += m.coef[k] * kernel[slots[j][k]];
      decisions[j][r] = s - m.rho;
    });
  }
  return decisions;
}

/** One-against-one voting; a tie goes to the lower class, as in LIBSVM. */
export function predictKernelSvm(model: KernelSvm, x: Float32Array, rows: number): Int32Array {
  const decisions = kernelSvmDecisions(model, x, rows);
  const votes = new Int32Array(model.classes);
  return Int32Array.from({ length: rows }, (_, r) => {
    votes.fill(0);
    model.machines.forEach((m, k) => void votes[decisions[k][r] > 0 ? m.positive : m.negative]++);
    let best = 0;
    for (let c = 1; c < model.classes; c++) if (votes[c] > votes[best]) best = c;
    return best;
  });
}

/**
 * The model as numbers that do not depend on where its rows stood: per machine, its support vectors
 * (their values) with their coefficients, sorted by value, then rho. Rows in another order give the
 * same numbers where they give the same model.
 */
export function kernelSvmParameters(model: KernelSvm): number[] {
  const { features } = model;
  return model.machines.flatMap((m) => {
    const vectors = [...m.support].map((row, k) => [...model.x.subarray(row * features, (row + 1) * features), m.coef[k]]);
    vectors.sort((a, b) => {
      for (let f = 0; f < a.length; f++) if (a[f] !== b[f]) return a[f] - b[f];
      return 0;
    });
    return [...vectors.flat(), m.rho];
  });
}
