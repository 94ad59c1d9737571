import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { parseStudySpec, seedList } from '../src/index.ts';
import { EVALUATE_KERNEL, TRAIN_STEP_KERNEL } from '../src/kernels/fusedKernels.ts';
import { runSeeds } from '../src/studies/runSeeds.ts';
import { tf } from '../src/tf.ts';

// The fused kernels (wasm) against an independent reference: the same training in plain tfjs ops
// on the cpu backend. Sums run in other orders, so the weights agree to float32 rounding, not bit
// for bit; every feature the kernels implement is exercised: depth, the three activations (and
// relu's vector paths with dropout), SGD with and without momentum, Adam, a short last batch.
const base = {
  dataset: { name: 'moons', samples: 90, noise: 0.2 },
  split: { kind: 'stratified', testFraction: 0.25 },
  scaling: { kind: 'standardize' },
  seeds: 2,
};
const CASES = {
  'relu, Adam': { model: { hidden: [8] }, training: { optimizer: { kind: 'adam', lr: 0.01 }, batchSize: 16, epochs: 3 } },
  'tanh, two layers, dropout, SGD with momentum': {
    model: { hidden: [6, 5], activation: 'tanh', dropout: 0.2 },
    training: { optimizer: { kind: 'sgd', lr: 0.1, momentum: 0.9 }, batchSize: 10, epochs: 3 },
  },
  // Odd widths reach every remainder path (four outputs, two units, four lanes at a time).
  'relu, two odd layers, dropout, Adam': {
    model: { hidden: [7, 5], dropout: 0.3 },
    training: { optimizer: { kind: 'adam', lr: 0.01 }, batchSize: 13, epochs: 3 },
  },
  'sigmoid, plain SGD': {
    model: { hidden: [7], activation: 'sigmoid' },
    training: { optimizer: { kind: 'sgd', lr: 0.5 }, batchSize: 32, epochs: 3 },
  },
} as const;

async function trainedOn(backend: 'cpu' | 'wasm', spec: ReturnType<typeof parseStudySpec>) {
  await useNodeBackend(backend);
  if (spec.kind !== 'seed-variance') throw new Error('a seed-variance spec');
  return runSeeds(spec, seedList(spec.seeds));
}

describe('the fused wasm kernels', () => {
  for (const [name, setup] of Object.entries(CASES)) {
    it(`train as plain tfjs ops do, to float32 rounding: ${name}`, async () => {
      const spec = parseStudySpec({ ...base, ...setup });
      const [cpu, wasm] = [await trainedOn('cpu', spec), await trainedOn('wasm', spec)];
      for (let s = 0; s < cpu.length; s++) {
        cpu[s].params.forEach((p, i) => {
          const q = wasm[s].params[i];
          const largest = Math.max(...p.map((v, j) => Math.abs(v - q[j])));
          expect(largest, `seed ${cpu[s].record.seed}, parameter ${i}`).toBeLessThan(1e-4);
        });
        expect(wasm[s].record.testAccuracy).toBe(cpu[s].record.testAccuracy);
        expect(wasm[s].record.trainLoss).toBeCloseTo(cpu[s].record.trainLoss ?? Number.NaN, 4);
        // Different summation orders, so not the same weights bit for bit.
        expect(wasm[s].record.fingerprint).not.toBe(cpu[s].record.fingerprint);
      }
    });
  }
});

describe('the fused kernels in tfjs', () => {
  it('are kernels of the wasm backend: a training on wasm runs them through the engine, and no tfjs matMul', async () => {
    const spec = parseStudySpec({ ...base, ...CASES['relu, Adam'] });
    await useNodeBackend('wasm');
    if (spec.kind !== 'seed-variance') throw new Error('a seed-variance spec');
    const profile = await tf.profile(async () => void (await runSeeds(spec, seedList(spec.seeds))));
    expect(profile.kernelNames).toContain(TRAIN_STEP_KERNEL);
    expect(profile.kernelNames).toContain(EVALUATE_KERNEL);
    expect(profile.kernelNames).not.toContain('MatMul');
    expect(profile.kernelNames).not.toContain('BatchMatMul');
    // 2 seeds in one group; 90 × 0.75 ≈ 68 training rows in batches of 16 make 5 steps an epoch; 3 epochs.
    expect(profile.kernels.filter((k) => k.name === TRAIN_STEP_KERNEL)).toHaveLength(15);
  });
});

describe('the fused kernels binary', () => {
  it('imports only the backend memory and has no data segment, so it writes nowhere but the tensors it is given', () => {
    const bytes = readFileSync('src/kernels/build/seedlab-mlp.wasm');
    const module = new WebAssembly.Module(bytes);
    expect(WebAssembly.Module.imports(module)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
    // Section ids after the 8-byte header (WebAssembly core spec, 5.5.2): 11 is the data section.
    const ids: number[] = [];
    for (let at = 8; at < bytes.length; ) {
      ids.push(bytes[at++]);
      let size = 0;
      for (let shift = 0; ; shift += 7) {
        const b = bytes[at++];
        size |= (b & 0x7f) << shift;
        if (!(b & 0x80)) break;
      }
      at += size;
    }
    expect(ids).toContain(10); // the code section: the walk read real sections
    expect(ids).not.toContain(11);
  });
});
