import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { combineStudy, documentOfKind, parseSpecOfKind } from '../src/index.ts';

// The variance-sources verdict from hand-made results, so the expected values are worked here:
// variances by hand (numpy var, ddof=1 agrees), intervals from scipy 1.10 (stats.chi2.ppf, stats.f.ppf).
const spec = parseSpecOfKind(
  {
    kind: 'variance-sources',
    dataset: { name: 'iris' },
    split: { kind: 'stratified', testFraction: 0.25 },
    training: { optimizer: { kind: 'adam', lr: 0.01 }, batchSize: 16, epochs: 1 },
    runs: 4,
    implementationSeeds: 1,
  },
  'variance-sources',
);
const still = [0.9, 0.9, 0.9, 0.9];
const base: Record<string, number[]> = {
  data: still, // iris is bundled: nothing to vary
  split: [0.8, 0.9, 1.0, 0.9], // variance (0.01 + 0 + 0.01 + 0) / 3 = 0.0066667
  init: [0.89, 0.91, 0.9, 0.9], // 0.0002 / 3 = 0.0000667
  order: [0.88, 0.92, 0.9, 0.9], // 0.0008 / 3 = 0.0002667
  dropout: still, // no dropout in this model
  all: [0.78, 0.92, 1.0, 0.9], // (0.0144 + 0.0004 + 0.01 + 0) / 3 = 0.0082667
};

async function verdictFor(accuracies: Record<string, number[]>) {
  const parts = [
    ...Object.entries(accuracies).map(([source, accs]) => ({
      unit: { purpose: 'source', source, seeds: [1, 2, 3, 4] },
      result: accs.map((testAccuracy, i) => ({ seed: i + 1, fingerprint: `f${source}${i}`, testAccuracy, diverged: false })),
    })),
    {
      unit: { purpose: 'implementation', seeds: [1] },
      result: [{ seed: 1, cpu: 'a', wasm: 'a', maxAbsWeightDiff: 0, cpuAccuracy: 0.9, wasmAccuracy: 0.9 }],
    },
  ];
  return documentOfKind(await combineStudy(spec, parts), 'variance-sources');
}

describe('variance-sources verdict', async () => {
  await useNodeBackend('cpu');
  const doc = await verdictFor(base);
  const verdict = (q: string) => doc.verdict.find((v) => v.question === q)!;

  it('gives each standard deviation its chi-square interval', () => {
    const split = doc.sources.find((s) => s.name === 'split')!;
    expect(split.std).toBeCloseTo(0.0816497, 6); // sqrt(0.0066667)
    // 0.0816497 sqrt(3 / chi2.ppf(0.975, 3)), 0.0816497 sqrt(3 / chi2.ppf(0.025, 3))
    expect(split.stdInterval![0]).toBeCloseTo(0.0462537, 6);
    expect(split.stdInterval![1]).toBeCloseTo(0.3044346, 6);
    expect(split.share).toBeCloseTo(0.0066667 / 0.007, 4); // over 0.0066667 + 0.0000667 + 0.0002667 = 0.007
    expect(doc.sources.find((s) => s.name === 'data')!.unusedBecause).toBe('bundled-data');
  });

  it('ties the largest source with one whose F interval includes 1', () => {
    // split / order = 25, split / init = 100. With 4 runs each and 4 comparisons (level 0.9875):
    // F(0.99375; 3, 3) = 40.7396, F(0.00625; 3, 3) = 0.0245461, so split / order lies in
    // [0.614, 1018] (tied) and split / init in [2.45, 4074] (beaten); data and dropout have no spread.
    const v = verdict('largest-source');
    expect(v.outcome).toEqual({ is: 'tied' });
    expect(v.facts).toMatchObject({
      ranking: ['split', 'order', 'init', 'data', 'dropout'],
      leader: 'split',
      tiedWith: ['order'],
      level: 0.9875,
    });
    if (v.question !== 'largest-source') throw new Error('question');
    const order = v.facts.comparisons.find((c) => c.against === 'order')!;
    expect(order.ratio).toBeCloseTo(25, 9);
    expect(order.interval![0]).toBeCloseTo(0.613653, 5);
    expect(v.facts.comparisons.find((c) => c.against === 'data')).toEqual({ against: 'data', ratio: null, interval: null });
  });

  it('names a winner when every ratio interval lies above 1', async () => {
    const other = await verdictFor({ ...base, order: base.init });
    expect(other.verdict[0].outcome).toEqual({ is: 'winner', who: 'split' });
  });

  it('compares all at once with the sum of the single sources', () => {
    const v = verdict('sources-add-up');
    if (v.question !== 'sources-add-up') throw new Error('question');
    expect(v.facts.sumOfSingleVariances).toBeCloseTo(0.007, 9);
    expect(v.facts.allVariance).toBeCloseTo(0.0082667, 6);
    // all / sum = 1.18 with 4 runs per source: the bootstrap interval is wide and contains 1.
    expect(v.facts.ratioInterval![0]).toBeLessThan(1);
    expect(v.facts.ratioInterval![1]).toBeGreaterThan(1);
    expect(v.outcome).toEqual({ is: 'yes' });
  });

  it('puts the test-set sampling error beside the sources', () => {
    // Iris, stratified 25%: 13 test rows of each of 3 classes (12.5 rounded). sqrt(0.9 x 0.1 / 39) = 0.0480384.
    expect(doc.testSampling.testRows).toBe(39);
    expect(doc.testSampling.accuracy).toBeCloseTo(0.9, 12);
    expect(doc.testSampling.standardError).toBeCloseTo(0.0480384, 6);
  });
});
