import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { documentOfKind, parseStudySpec, runSeeds, runStudy } from '../src/index.ts';

const setup = {
  dataset: { name: 'digits' },
  split: { kind: 'index-mod', k: 4, r: 3 },
  scaling: { kind: 'divide', by: 16 },
  model: { hidden: [32] },
};
const training = (reductionOrder?: 'fixed' | 'shuffled') => ({
  optimizer: { kind: 'adam', lr: 0.001 },
  batchSize: 32,
  epochs: 4,
  ...(reductionOrder ? { reductionOrder } : {}),
});

// tfjs's cpu kernels add float32 products in a JavaScript number (64-bit) and round to 32 bits
// once (tfjs-backend-cpu BatchMatMul and Sum): the order of the additions almost never shows in
// the result. The wasm path (the fused kernels) adds in 32-bit floats, where every order rounds differently.
const ORDER_SHOWS = { cpu: false, wasm: true };

describe.each(['cpu', 'wasm'] as const)('the reduction order (%s)', (backend) => {
  it('fixed (the default) repeats a seed bit for bit; shuffled sums differ between two runs where sums are 32-bit', async () => {
    await useNodeBackend(backend);
    const fixed = documentOfKind(await runStudy(parseStudySpec({ ...setup, training: training(), seeds: 2, backend })), 'seed-variance');
    expect(fixed.repeatability.identical).toBe(true);
    const shuffled = documentOfKind(
      await runStudy(parseStudySpec({ ...setup, training: training('shuffled'), seeds: 2, backend })),
      'seed-variance',
    );
    expect(shuffled.repeatability.identical).toBe(!ORDER_SHOWS[backend]);
    expect(shuffled.verdict[0].outcome).toEqual({ is: ORDER_SHOWS[backend] ? 'no' : 'yes' });
    // Only the order of the additions changed: the same rows, masks and maths give nearly the same model.
    for (const run of shuffled.runs)
      expect(Math.abs((run.testAccuracy ?? 0) - (fixed.runs[run.seed - 1].testAccuracy ?? 0))).toBeLessThan(0.05);
  });

  it('a shuffled run is repeatable as a whole: the same seed and instance give the same weights', async () => {
    await useNodeBackend(backend);
    const spec = parseStudySpec({ ...setup, training: training('shuffled'), seeds: 1, backend });
    if (spec.kind !== 'seed-variance') throw new Error('kind');
    const [a] = await runSeeds(spec, [1], { instance: 1 });
    const [b] = await runSeeds(spec, [1], { instance: 1 });
    expect(a.record.fingerprint).toBe(b.record.fingerprint);
  });
});

describe('the determinism audit shows the nondeterministic class by measurement', () => {
  it('with shuffled reductions the MLP is nondeterministic and its drift grows; with fixed ones it stays at zero', async () => {
    await useNodeBackend('wasm');
    const audit = async (reductionOrder?: 'fixed' | 'shuffled') =>
      documentOfKind(
        await runStudy(parseStudySpec({ kind: 'determinism-audit', ...setup, training: training(reductionOrder), models: ['mlp'] })),
        'determinism-audit',
      );
    const [fixed] = (await audit()).rows;
    expect(fixed.category).toBe('seed-dependent');
    expect(fixed.comparisons.sameSeed).toEqual({ outcome: 'bit-identical', maxAbsParameterDiff: 0 });
    expect(fixed.drift?.map((d) => d.maxAbsWeightDiff)).toEqual([0, 0, 0, 0]);
    const [shuffled] = (await audit('shuffled')).rows;
    expect(shuffled.category).toBe('nondeterministic');
    expect(shuffled.sameSeedIdentical).toBe(false);
    const drift = shuffled.drift?.map((d) => d.maxAbsWeightDiff) ?? [];
    expect(drift).toHaveLength(4);
    expect(drift[0]).toBeGreaterThan(0); // the first epoch already differs in the last bits
    expect(drift[3]).toBeGreaterThan(drift[0]); // and the difference grows as training goes on
  });
});
