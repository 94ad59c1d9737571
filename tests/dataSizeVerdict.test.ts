import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { combineStudy, documentOfKind, parseSpecOfKind, runStudy } from '../src/index.ts';

// The data-size verdict from hand-made results, so every expected value is worked by hand here.
// Paired t intervals at 97.5% (Bonferroni: two comparisons, or two sizes) use t(0.9875, 2) = 6.2053 and
// t(0.9875, 1) = 25.4517 (scipy.stats.t.ppf).
const spec = parseSpecOfKind(
  {
    kind: 'data-size',
    dataset: { name: 'iris' },
    split: { kind: 'stratified', testFraction: 0.25 },
    training: { optimizer: { kind: 'adam', lr: 0.01 }, batchSize: 16, epochs: 1 },
    steps: 10,
    sizes: [20, 60],
    seeds: 3,
    models: ['mlp', 'knn', 'decision-tree'],
  },
  'data-size',
);
const accuracies: Record<string, Record<number, (number | null)[]>> = {
  mlp: { 20: [0.5, 0.6, 0.7], 60: [0.9, null, 0.95] },
  knn: { 20: [0.7, 0.8, 0.9], 60: [0.8, 0.8, 0.85] },
  'decision-tree': { 20: [0.65, 0.85, 0.8], 60: [0.7, 0.7, 0.7] },
};
const parts = Object.entries(accuracies).flatMap(([model, bySize]) =>
  Object.entries(bySize).map(([size, accs]) => ({
    unit: { purpose: 'fit', model, size: Number(size), seeds: [1, 2, 3] },
    result: accs.map((accuracy, i) => ({ seed: i + 1, accuracy })),
  })),
);

describe('data-size verdict: paired comparisons, diverged runs left out', async () => {
  await useNodeBackend('cpu');
  const doc = documentOfKind(await combineStudy(spec, parts), 'data-size');
  const [{ facts }] = doc.verdict;

  it('leaves the diverged MLP run out of the mean and counts it', () => {
    const mlp60 = doc.curves[0].points[1];
    expect(mlp60.accuracies).toEqual([0.9, null, 0.95]);
    expect(mlp60.mean).toBeCloseTo(0.925, 12); // (0.9 + 0.95) / 2
    expect(mlp60.std).toBeCloseTo(0.0353553, 6); // |0.95 - 0.9| / sqrt(2)
    expect(mlp60.diverged).toBe(1);
    expect(facts.divergedRuns).toBe(1);
  });

  it('names a leader outright only when it beats every other model on the same seeds', () => {
    // 20 rows: kNN (mean 0.8) beats the MLP by 0.2 on every seed, but kNN - tree = 0.05, -0.05, 0.1:
    // mean 0.0333, sd 0.0764, half width 6.2053 x 0.0764 / sqrt(3) = 0.274, so tied.
    expect(facts.leaders[0]).toMatchObject({ size: 20, leader: 'knn', tiedWith: ['decision-tree'], level: 0.975 });
    // 60 rows: MLP (0.925 over seeds 1 and 3) beats kNN by 0.1 on both; MLP - tree = 0.2, 0.25 over
    // two pairs: half width 25.4517 x 0.0354 / sqrt(2) = 0.636, so tied.
    expect(facts.leaders[1]).toMatchObject({ size: 60, leader: 'mlp', tiedWith: ['decision-tree'] });
    const againstTree = facts.leaders[1].comparisons.find((c) => c.against === 'decision-tree')!;
    expect(againstTree.meanDiff).toBeCloseTo(0.225, 12);
    expect(againstTree.pairs).toBe(2);
    expect(againstTree.interval![0]).toBeCloseTo(-0.411292, 5);
    expect(againstTree.interval![1]).toBeCloseTo(0.861292, 5);
  });

  it('claims a crossover only where the sign of MLP - model is significant on both sides', () => {
    // kNN: -0.2 on every seed at 20 rows, +0.1 on both finished seeds at 60: a crossover.
    // Tree: the means cross too (0.6 vs 0.767, then 0.925 vs 0.7), but MLP - tree at 20 rows is
    // -0.167 with interval [-0.440, 0.107] (t(0.9875, 2)) and at 60 rows [-0.411, 0.861]: tied both times.
    expect(facts.crossovers).toEqual([{ model: 'knn', after: 20, size: 60, direction: 'mlp-overtakes' }]);
    const tree = facts.mlpAgainst.find((m) => m.model === 'decision-tree')!;
    expect(tree.level).toBe(0.975);
    expect(tree.differences.map((d) => d.sign)).toEqual([0, 0]);
    expect(tree.differences[0].interval![0]).toBeCloseTo(-0.440297, 5);
    expect(tree.differences[0].interval![1]).toBeCloseTo(0.106963, 5);
    expect(facts.mlpAgainst.find((m) => m.model === 'knn')!.differences.map((d) => d.sign)).toEqual([-1, 1]);
  });
});

describe('data-size: an MLP run that failed to learn is not scored', () => {
  it('records null accuracy for it, counts it, and keeps it out of the mean', async () => {
    await useNodeBackend('cpu');
    // Inputs scaled up to ~1e9 with a large step: the loss overflows to NaN (as in training.test.ts).
    const diverging = parseSpecOfKind(
      {
        ...spec,
        scaling: { kind: 'divide', by: 1e-9 },
        models: ['mlp'],
        sizes: [20, 40],
        seeds: 2,
        training: { ...spec.training, optimizer: { kind: 'sgd', lr: 10 } },
      },
      'data-size',
    );
    const doc = documentOfKind(await runStudy(diverging, { groupSize: 2 }), 'data-size');
    // One seed's run diverges at each size; the other's ReLUs die and it predicts one class, its
    // training loss no lower than a uniform guess's (ln 3): both failed to learn (engine 0.5.0).
    for (const p of doc.curves[0].points) {
      expect(p.diverged).toBe(2);
      expect(p.accuracies).toEqual([null, null]);
      expect(p.mean).toBeNull();
    }
    expect(doc.verdict[0].facts.divergedRuns).toBe(4);
  });
});
