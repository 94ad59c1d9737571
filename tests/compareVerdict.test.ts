import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { combineStudy, documentOfKind, parseSpecOfKind } from '../src/index.ts';

// The compare verdict from hand-made runs; intervals from scipy 1.10 (stats.t.ppf) as written.
const arm = (label: string) => ({
  label,
  dataset: { name: 'iris' },
  split: { kind: 'stratified' },
  training: { optimizer: { kind: 'adam', lr: 0.01 }, batchSize: 16, epochs: 1 },
});

async function compareOf(a: number[], b: number[]) {
  const seeds = a.map((_, i) => i + 1);
  const spec = parseSpecOfKind({ kind: 'compare', a: arm('A'), b: arm('B'), seeds }, 'compare');
  const runs = (accs: number[], arm: string) =>
    accs.map((testAccuracy, i) => ({ seed: i + 1, fingerprint: `${arm}${i}`, testAccuracy, diverged: false }));
  const parts = [
    { unit: { purpose: 'arm', arm: 'a', seeds }, result: runs(a, 'a') },
    { unit: { purpose: 'arm', arm: 'b', seeds }, result: runs(b, 'b') },
  ];
  return documentOfKind(await combineStudy(spec, parts), 'compare');
}

describe('compare: a paired t interval and the seeds a paired design needs', async () => {
  await useNodeBackend('cpu');

  it('ties when the interval includes zero, and says how many seeds would detect half a point', async () => {
    // Differences 0.01, 0.02, 0.03: mean 0.02, sd 0.01; t(0.975, 2) = 4.3027 gives [-0.004841, 0.044841].
    const doc = await compareOf([0.91, 0.92, 0.93], [0.9, 0.9, 0.9]);
    expect(doc.difference!.meanDiff).toBeCloseTo(0.02, 12);
    expect(doc.difference!.sdDiff).toBeCloseTo(0.01, 12);
    expect(doc.difference!.ci95[0]).toBeCloseTo(-0.004841, 6);
    expect(doc.difference!.ci95[1]).toBeCloseTo(0.044841, 6);
    expect(doc.verdict[0].outcome).toEqual({ is: 'tied' });
    expect(doc.verdict[0].facts).toEqual({ excludesZero: false, withinEffectSize: false, effectSize: 0.005 });
    // sd 0.01 against the default effect size 0.005: 34 seeds (the exact noncentral-t answer too).
    expect(doc.seedsNeeded).toEqual({ effectSize: 0.005, seeds: 34 });
  });

  it('a tie inside the effect size rules out a difference that large', async () => {
    // Differences 0.001, -0.001, 0.002, 0, 0.001, -0.002, 0.001, 0: mean 0.00025, sd 0.0012817;
    // t(0.975, 7) = 2.3646 gives [-0.000822, 0.001322], inside (-0.005, 0.005).
    const b = [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9];
    const doc = await compareOf([0.901, 0.899, 0.902, 0.9, 0.901, 0.898, 0.901, 0.9], b);
    expect(doc.difference!.ci95[0]).toBeCloseTo(-0.000822, 6);
    expect(doc.difference!.ci95[1]).toBeCloseTo(0.001322, 6);
    expect(doc.verdict[0].facts.withinEffectSize).toBe(true);
  });

  it('names the winner when the interval excludes zero', async () => {
    // Differences 0.02, 0.02, 0.03: mean 0.02333, sd 0.00577, t interval [0.00899, 0.03768].
    const doc = await compareOf([0.82, 0.82, 0.83], [0.8, 0.8, 0.8]);
    expect(doc.verdict[0].outcome).toEqual({ is: 'winner', who: 'a' });
  });
});
