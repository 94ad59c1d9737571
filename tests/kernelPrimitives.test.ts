import { beforeAll, describe, expect, it } from 'vitest';
import { compileWithKernelFlags } from '../scripts/kernelFlags.mjs';
import { Activation, Header, Kind, Layer, Optimizer } from '../src/kernels/abi.ts';

// Every primitive of the fused kernels (src/kernels/assembly/), compiled as the kernels compile it
// (tests/assembly/primitives.ts, the kernels' flags), against a reference written here apart from
// the kernels: plain scalar JavaScript, each f32 operation rounded by Math.fround in the order the
// kernels document (mlp.ts's header). Results are compared bit for bit. f32 add, multiply, divide
// and square root of f32 values are exact in double and then correctly rounded by Math.fround, so
// the reference's bits are the IEEE single-precision ones. exp, log, tanh and pow are Mathf's, the
// scalar definitions the kernels follow (exp4 has its own sweep, tests/exp4.test.ts).

interface Primitives {
  dot(a: number, b: number, n: number): number;
  dot4(w: number, x: number, n: number, bias: number, out: number): void;
  dot4x2(w: number, x: number, y: number, n: number, bias: number, outX: number, outY: number): void;
  axpy(y: number, a: number, x: number, n: number): void;
  activateRow(kind: number, out: number, n: number, mask: number): void;
  activationGradient(kind: number, input: number, back: number, mask: number, below: number, n: number): void;
  crossEntropy(z: number, C: number, label: number): number;
  predictedClass(z: number, C: number): number;
  update(plan: number, lr: number, t: number): void;
  inputGradient(plan: number, l: number, s: number, delta: number, back: number): void;
  parameterGradients(plan: number, l: number, s: number, rows: number, rowActs: number, rowDeltas: number, rowFloats: number): void;
  mathExp(x: number): number;
  mathLog(x: number): number;
  mathTanh(x: number): number;
  mathPow(x: number, y: number): number;
}

let k: Primitives;
// 512 slots of 64 KiB (see put), and a page to spare.
const memory = new WebAssembly.Memory({ initial: 513 });
beforeAll(async () => {
  const binary = await compileWithKernelFlags('tests/assembly/primitives.ts');
  k = (await WebAssembly.instantiate(new WebAssembly.Module(binary), { env: { memory } })).exports as unknown as Primitives;
}, 60_000);

const f = Math.fround;
// A fixed-seed generator (mulberry32), so every run tries the same inputs.
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
const next = random(20261202);
/** f32 values of a few magnitudes and both signs, zeros (of both signs) among them. */
const values = (n: number) =>
  Float32Array.from({ length: n }, () => {
    const u = next();
    if (u < 0.05) return u < 0.025 ? 0 : -0;
    return (next() - 0.5) * 10 ** Math.floor(next() * 6 - 3);
  });
/** Dropout masks: 0 or 1 / keep (keep 0.7), as the training writes them. */
const masks = (n: number) => Float32Array.from({ length: n }, () => (next() < 0.3 ? 0 : f(1 / 0.7)));

// Memory: each array written at its own 64 KiB slot, read back as floats.
let slot = 0;
function put(data: Float32Array | Int32Array): number {
  const at = (slot++ % 512) * 65536 + 8;
  new Uint8Array(memory.buffer, at, data.byteLength).set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return at;
}
const floats = (at: number, n: number) => new Float32Array(memory.buffer, at, n).slice();
/** Bits of f32 values, so -0 and 0 differ and every last bit counts. */
const bits = (xs: ArrayLike<number>) => Array.from(new Uint32Array(Float32Array.from(xs).buffer));
const SIZES = [1, 2, 3, 4, 5, 7, 8, 13, 16, 17, 31, 32, 33, 47, 64, 70];

// The references -----------------------------------------------------------------------------

/** Σ a[i] b[i]: four lanes over the first n - n % 4 terms, (l0 + l1) + (l2 + l3), then the rest in order. */
function dotRef(a: ArrayLike<number>, b: ArrayLike<number>, n: number): number {
  const lanes = [0, 0, 0, 0];
  const n4 = n - (n % 4);
  for (let i = 0; i < n4; i++) lanes[i % 4] = f(lanes[i % 4] + f(a[i] * b[i]));
  let sum = f(f(lanes[0] + lanes[1]) + f(lanes[2] + lanes[3]));
  for (let i = n4; i < n; i++) sum = f(sum + f(a[i] * b[i]));
  return sum;
}
/** relu as the kernels define it: z > 0 ? z : 0, so NaN gives 0 (Math.max would give NaN). */
function relu(z: number): number {
  if (z > 0) return z;
  return 0;
}
const activateRef = (kind: number, z: number): number =>
  kind === Activation.Relu ? relu(z) : kind === Activation.Tanh ? k.mathTanh(z) : f(1 / f(1 + k.mathExp(f(-z))));
const slopeRef = (kind: number, a: number): number =>
  kind === Activation.Relu ? (a > 0 ? 1 : 0) : kind === Activation.Tanh ? f(1 - f(a * a)) : f(a * f(1 - a));

/** A one-layer plan (S seeds, In -> Out), its tensors placed in memory; the ABI's fields by name. */
function onePlan(S: number, nIn: number, nOut: number, optimizer: number, hyper = { beta1: 0, beta2: 0, epsilon: 0, momentum: 0 }) {
  const tensor = (n: number) => values(n);
  const t = { W: tensor(S * nOut * nIn), gW: tensor(S * nOut * nIn), mW: tensor(S * nOut * nIn), vW: tensor(S * nOut * nIn).map(Math.abs) };
  const u = { b: tensor(S * nOut), gb: tensor(S * nOut), mb: tensor(S * nOut), vb: tensor(S * nOut).map(Math.abs) };
  const words = new Int32Array(Header.Size + Layer.Size);
  const reals = new Float32Array(words.buffer);
  words[Header.Seeds] = S;
  words[Header.Layers] = 1;
  words[Header.Optimizer] = optimizer;
  reals[Header.Beta1] = hyper.beta1;
  reals[Header.Beta2] = hyper.beta2;
  reals[Header.Epsilon] = hyper.epsilon;
  reals[Header.Momentum] = hyper.momentum;
  const at = { W: put(t.W), gW: put(t.gW), mW: put(t.mW), vW: put(t.vW), b: put(u.b), gb: put(u.gb), mb: put(u.mb), vb: put(u.vb) };
  const L = Header.Size;
  words.set([Kind.Dense, nIn, nOut, 0, nIn, at.W, at.gW, at.mW, at.vW, at.b, at.gb, at.mb, at.vb, 0], L);
  return { plan: put(words), at, start: { ...t, ...u } };
}

describe('the fused kernels’ primitives, bit for bit against scalar references', () => {
  it('dot, and dot4 and dot4x2 (four rows, one or two inputs, plus the bias): each sum as dot() sums it', () => {
    for (const n of SIZES) {
      const [a, b] = [values(n), values(n)];
      expect(bits([k.dot(put(a), put(b), n)]), `dot n=${n}`).toEqual(bits([dotRef(a, b, n)]));
      const w = values(4 * n);
      const [x, y, bias] = [values(n), values(n), values(4)];
      const [wAt, xAt, yAt, biasAt, outX, outY] = [put(w), put(x), put(y), put(bias), put(new Float32Array(4)), put(new Float32Array(4))];
      const rowRef = (input: Float32Array) => [0, 1, 2, 3].map((r) => f(dotRef(w.subarray(r * n, (r + 1) * n), input, n) + bias[r]));
      k.dot4(wAt, xAt, n, biasAt, outX);
      expect(bits(floats(outX, 4)), `dot4 n=${n}`).toEqual(bits(rowRef(x)));
      k.dot4x2(wAt, xAt, yAt, n, biasAt, outX, outY);
      expect(bits([...floats(outX, 4), ...floats(outY, 4)]), `dot4x2 n=${n}`).toEqual(bits([...rowRef(x), ...rowRef(y)]));
    }
  });

  it('axpy: y[i] + a x[i]', () => {
    for (const n of SIZES) {
      const [y, x] = [values(n), values(n)];
      const a = values(1)[0];
      const yAt = put(y);
      k.axpy(yAt, a, put(x), n);
      expect(bits(floats(yAt, n)), `n=${n}`).toEqual(bits(Array.from(y, (v, i) => f(v + f(a * x[i])))));
    }
  });

  it('the activation of a row, with and without its dropout mask, for relu, tanh and sigmoid', () => {
    for (const kind of [Activation.Relu, Activation.Tanh, Activation.Sigmoid])
      for (const n of SIZES)
        for (const masked of [false, true]) {
          const [z, m] = [values(n), masks(n)];
          const zAt = put(z);
          k.activateRow(kind, zAt, n, masked ? put(m) : 0);
          const expected = Array.from(z, (v, i) => (masked ? f(activateRef(kind, v) * m[i]) : activateRef(kind, v)));
          expect(bits(floats(zAt, n)), `kind ${kind} n=${n} masked ${masked}`).toEqual(bits(expected));
        }
  });

  it('the gradient through the activation and the mask (the output before the mask as a / m)', () => {
    for (const kind of [Activation.Relu, Activation.Tanh, Activation.Sigmoid])
      for (const n of SIZES)
        for (const masked of [false, true]) {
          const [a, g, m] = [values(n), values(n), masks(n)];
          const below = put(new Float32Array(n));
          k.activationGradient(kind, put(a), put(g), masked ? put(m) : 0, below, n);
          const expected = Array.from(a, (ai, j) => {
            if (!masked) return f(g[j] * slopeRef(kind, ai));
            const gm = f(g[j] * m[j]);
            return m[j] === 0 ? 0 : f(gm * slopeRef(kind, f(ai / m[j])));
          });
          expect(bits(floats(below, n)), `kind ${kind} n=${n} masked ${masked}`).toEqual(bits(expected));
        }
  });

  it('softmax cross-entropy: the loss, the probabilities left in place, and the predicted class (ties to the first)', () => {
    for (const C of [1, 2, 3, 4, 5, 10, 13]) {
      const z = values(C);
      if (C > 2) z[C - 1] = z[1]; // a tie, when it is the largest
      const label = Math.floor(next() * C);
      const zAt = put(z);
      const predicted = k.predictedClass(zAt, C);
      const loss = k.crossEntropy(zAt, C, label);
      let top = z[0];
      let argmax = 0;
      for (let c = 1; c < C; c++) if (z[c] > top) [top, argmax] = [z[c], c];
      const e = Array.from(z, (v) => k.mathExp(f(v - top)));
      let sum = 0;
      for (const v of e) sum = f(sum + v);
      expect(predicted, `C=${C}`).toBe(argmax);
      expect(bits([loss]), `loss C=${C}`).toEqual(bits([f(k.mathLog(sum) - f(z[label] - top))]));
      expect(bits(floats(zAt, C)), `probabilities C=${C}`).toEqual(bits(e.map((v) => f(v / sum))));
    }
  });

  it('the optimizer’s update of weights and bias: SGD, SGD with momentum, Adam (tfjs’s formulas)', () => {
    const hyper = { beta1: f(0.9), beta2: f(0.999), epsilon: f(1e-7), momentum: f(0.9) };
    for (const optimizer of [Optimizer.Sgd, Optimizer.Momentum, Optimizer.Adam])
      for (const [nIn, nOut] of [
        [3, 2],
        [13, 5],
        [16, 4],
      ]) {
        const S = 2;
        const { plan, at, start } = onePlan(S, nIn, nOut, optimizer, hyper);
        const [lr, t] = [f(0.01), 3];
        k.update(plan, lr, t);
        const c1 = f(1 - k.mathPow(hyper.beta1, t));
        const c2 = f(1 - k.mathPow(hyper.beta2, t));
        const step = (w: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array) => {
          const [W, M, V] = [w.slice(), m.slice(), v.slice()];
          for (let i = 0; i < w.length; i++) {
            if (optimizer === Optimizer.Sgd) W[i] = f(w[i] - f(g[i] * lr));
            else if (optimizer === Optimizer.Momentum) {
              M[i] = f(f(m[i] * hyper.momentum) + g[i]);
              W[i] = f(w[i] - f(M[i] * lr));
            } else {
              M[i] = f(f(m[i] * hyper.beta1) + f(g[i] * f(1 - hyper.beta1)));
              V[i] = f(f(v[i] * hyper.beta2) + f(f(g[i] * g[i]) * f(1 - hyper.beta2)));
              W[i] = f(w[i] - f(f(f(M[i] / c1) / f(f(Math.sqrt(f(V[i] / c2))) + hyper.epsilon)) * lr));
            }
          }
          return { W, M, V };
        };
        const weights = step(start.W, start.gW, start.mW, start.vW);
        const bias = step(start.b, start.gb, start.mb, start.vb);
        const label = `optimizer ${optimizer}, ${nIn} -> ${nOut}`;
        expect(bits(floats(at.W, start.W.length)), label).toEqual(bits(weights.W));
        expect(bits(floats(at.b, start.b.length)), label).toEqual(bits(bias.W));
        if (optimizer !== Optimizer.Sgd) expect(bits(floats(at.mW, start.W.length)), label).toEqual(bits(weights.M));
        if (optimizer === Optimizer.Adam) expect(bits(floats(at.vb, start.b.length)), label).toEqual(bits(bias.V));
      }
  });

  it('a dense layer’s input gradient (Wᵀ delta, the output units in order) and parameter gradients (each over the rows in order)', () => {
    for (const [nIn, nOut, rows] of [
      [1, 1, 1],
      [3, 3, 2],
      [17, 5, 7],
      [35, 4, 3],
      [64, 10, 5],
    ]) {
      const S = 2;
      const { plan, at } = onePlan(S, nIn, nOut, Optimizer.Sgd);
      const W = floats(at.W, S * nOut * nIn);
      const s = 1;
      const Ws = W.subarray(s * nOut * nIn, (s + 1) * nOut * nIn);
      // Wᵀ delta for one row of seed s.
      const delta = values(nOut);
      const back = put(values(nIn)); // whatever was there is overwritten
      k.inputGradient(plan, 0, s, put(delta), back);
      const expectedBack = Array.from({ length: nIn }, (_, j) => {
        let sum = 0;
        for (let o = 0; o < nOut; o++) sum = f(sum + f(delta[o] * Ws[o * nIn + j]));
        return sum;
      });
      expect(bits(floats(back, nIn)), `input gradient ${nIn} -> ${nOut}`).toEqual(bits(expectedBack));
      // The rows side by side, (nIn + nOut) floats each: the layer's input, then its output gradient.
      const rowFloats = nIn + nOut;
      const acts = values(rows * rowFloats);
      const deltas = values(rows * rowFloats);
      k.parameterGradients(plan, 0, s, rows, put(acts), put(deltas), rowFloats);
      const expectedW: number[] = [];
      for (let o = 0; o < nOut; o++)
        for (let i = 0; i < nIn; i++) {
          let sum = 0;
          for (let r = 0; r < rows; r++) sum = f(sum + f(deltas[r * rowFloats + nIn + o] * acts[r * rowFloats + i]));
          expectedW.push(sum);
        }
      const expectedB = Array.from({ length: nOut }, (_, o) => {
        let sum = 0;
        for (let r = 0; r < rows; r++) sum = f(sum + deltas[r * rowFloats + nIn + o]);
        return sum;
      });
      const label = `parameter gradients ${nIn} -> ${nOut}, ${rows} rows`;
      expect(bits(floats(at.gW + 4 * s * nOut * nIn, nOut * nIn)), label).toEqual(bits(expectedW));
      expect(bits(floats(at.gb + 4 * s * nOut, nOut)), label).toEqual(bits(expectedB));
    }
  });
});
