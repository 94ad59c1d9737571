/**
 * Issue 14's spike: is a fused WASM SIMD training step worth building? One step of the
 * digits-reference shape (30 seeds stacked, 64 -> 32 relu -> 10, batch 32, softmax cross-entropy,
 * Adam) timed two ways on the same random inputs, training only (no batch building, no evaluation):
 *  - today's path: the engine's stacked model and optimizer on tfjs-wasm (trainStep);
 *  - one call into a kernel written in AssemblyScript with SIMD (bench/kernel-spike/assembly/),
 *    compiled here with asc: forward, loss gradient, backward and the Adam update in one pass;
 *  - and the machine's wasm SIMD peak (multiply-adds in registers), the ceiling for both.
 *
 * Run: npm run bench:kernel-spike   (writes bench/reference/kernel-spike.json)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import asc from 'assemblyscript/asc';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { tf } from '../src/tf.ts';
import type { GroupBatch } from '../src/train/batches.ts';
import { createOptimizer } from '../src/train/optimizers.ts';
import { stackModel } from '../src/train/stackedModel.ts';
import { emptySums, trainStep } from '../src/train/trainStep.ts';

const S = 30;
const B = 32;
const [I, H, O] = [64, 32, 10];
const STEPS = 860;
const REPEATS = 3;

let seed = 1;
const random = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};
const x = Float32Array.from({ length: S * B * I }, random);
const labels = Int32Array.from({ length: S * B }, (_, r) => r % O);
const oneHot = new Float32Array(S * B * O);
labels.forEach((c, r) => {
  oneHot[r * O + c] = 1;
});
const initial = Array.from({ length: S }, () =>
  [H * I, H, O * H, O].map((n) => Float32Array.from({ length: n }, () => (random() - 0.5) * 0.2)),
);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Today's path: the engine's stacked model and Adam on tfjs-wasm, ms per step. */
async function tfjsStepMs(): Promise<number> {
  await useNodeBackend('wasm');
  const model = stackModel(initial, [I, H, O], 'relu');
  const optimizer = createOptimizer({ kind: 'adam', lr: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }, model.variables);
  const batch: GroupBatch = { rows: B, x, oneHot, labels, masks: null };
  let sums = emptySums(S);
  const run = (steps: number, from: number) => {
    for (let t = from; t < from + steps; t++) {
      const out = trainStep(model, optimizer, batch, [I, H, O], 0.001, t, sums);
      out.losses.dispose();
      sums = out.sums;
    }
  };
  run(20, 1); // warm-up
  const t0 = performance.now();
  run(STEPS, 21);
  await model.variables[0].data(); // wait for the last step
  const ms = (performance.now() - t0) / STEPS;
  optimizer.dispose();
  await model.unstack();
  tf.dispose([sums.loss, sums.correct]);
  return ms;
}

const peakGflops: number[] = [];

/** The fused kernel, compiled with asc (SIMD, -O3), ms per step; also the machine's SIMD multiply-add peak. */
async function fusedStepMs(): Promise<number> {
  const out = resolve('.cache/kernel-spike');
  mkdirSync(out, { recursive: true });
  const { error, stderr } = await asc.main([
    'bench/kernel-spike/assembly/fusedStep.ts',
    '--outFile',
    `${out}/fusedStep.wasm`,
    '-O3',
    '--enable',
    'simd',
    '--runtime',
    'stub',
    '--noAssert',
  ]);
  if (error) throw new Error(`asc: ${error.message}\n${stderr.toString()}`);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(`${out}/fusedStep.wasm`)), {
    env: {
      abort: () => {
        throw new Error('abort');
      },
    },
  });
  const { memory, step, peak } = instance.exports as {
    memory: WebAssembly.Memory;
    step: (...a: number[]) => void;
    peak: (n: number) => number;
  };
  peak(1e6);
  const p0 = performance.now();
  peak(5e7);
  peakGflops.push((64 * 5e7) / (performance.now() - p0) / 1e6);
  const perSeed = H * I + H + O * H + O;
  const P = S * perSeed;
  let at = 1024;
  const alloc = (n: number) => {
    const p = at;
    at += Math.ceil((n * 4) / 16) * 16;
    return p;
  };
  const [px, py, pw, pg, pm, pv, ph, pdz, pdh] = [S * B * I, S * B * O, P, P + 4, P + 4, P + 4, B * H, B * O, H].map(alloc);
  if (at > memory.buffer.byteLength) memory.grow(Math.ceil((at - memory.buffer.byteLength) / 65536));
  const heap = new Float32Array(memory.buffer);
  heap.set(x, px / 4);
  heap.set(oneHot, py / 4);
  initial.forEach((params, s) => {
    let o = pw / 4 + s * perSeed;
    for (const p of params) {
      heap.set(p, o);
      o += p.length;
    }
  });
  const run = (steps: number, from: number) => {
    for (let t = from; t < from + steps; t++)
      step(S, B, I, H, O, px, py, pw, pg, pm, pv, P, ph, pdz, pdh, 0.001, 0.9, 0.999, 1e-7, 1 - 0.9 ** t, 1 - 0.999 ** t);
  };
  run(20, 1);
  const t0 = performance.now();
  run(STEPS, 21);
  return (performance.now() - t0) / STEPS;
}

// MACs per row and seed: forward (I*H + H*O), weight gradients (I*H + H*O), the hidden layer's input gradient (H*O).
const flopsPerStep = 2 * (2 * I * H + 3 * H * O) * B * S;
const tfjs: number[] = [];
const fused: number[] = [];
for (let r = 0; r < REPEATS; r++) {
  tfjs.push(await tfjsStepMs());
  fused.push(await fusedStepMs());
}
const result = {
  measuredAt: new Date().toISOString().slice(0, 10),
  shape: { seeds: S, batch: B, layers: [I, H, O], activation: 'relu', optimizer: 'adam', steps: STEPS, repeats: REPEATS },
  tfjsWasmMsPerStep: { median: +median(tfjs).toFixed(3), all: tfjs.map((t) => +t.toFixed(3)) },
  fusedMsPerStep: { median: +median(fused).toFixed(3), all: fused.map((t) => +t.toFixed(3)) },
  speedup: +(median(tfjs) / median(fused)).toFixed(2),
  fusedGflops: +(flopsPerStep / median(fused) / 1e6).toFixed(2),
  /** f32x4 multiply-adds in registers (no memory traffic): what one core can do at best in wasm. */
  simdPeakGflops: +median(peakGflops).toFixed(2),
};
writeFileSync(resolve('bench/reference/kernel-spike.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
