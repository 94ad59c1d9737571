import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { badgeOf, headlineOf, verdictOf } from '../site/src/presentation/index.ts';
import { headlineOfFacts } from '../site/src/presentation/studyWords.ts';
import { combineStudy, documentOfKind, parseSpecOfKind, runStudy } from '../src/index.ts';
import { summarizeProportions } from '../src/stats/summarize.ts';
import { failedToLearn } from '../src/studies/runSeeds.ts';

// Honest at the extremes: runs that learned nothing are counted apart, one seed has no spread, and an
// interval of a proportion stays in [0, 100%].

describe('failedToLearn', () => {
  // ln 10 = 2.302585…: a uniform guess over 10 classes.
  it('is a non-finite loss, or a final training loss at or above ln K', () => {
    expect(failedToLearn(null, [2.0, 2.31], 10)).toBe(true);
    expect(failedToLearn(null, [2.5, 2.3], 10)).toBe(false);
    expect(failedToLearn(null, [0.1, 0.7], 2)).toBe(true); // ln 2 = 0.6931
    expect(failedToLearn(null, [0.7, 0.69], 2)).toBe(false);
    expect(failedToLearn(null, [1.0, Number.NaN], 3)).toBe(true);
    expect(failedToLearn(3, [0.1], 3)).toBe(true);
    // Not evaluated: judged by divergence alone.
    expect(failedToLearn(null, [], 3)).toBe(false);
  });
});

describe('summarizeProportions', () => {
  it('cuts the t interval to [0, 1]', () => {
    // By hand: mean 0.98667, sd 0.015275, t(0.975, 2) = 4.3027, half-width 4.3027 · 0.015275 / √3 = 0.03795:
    // [0.94872, 1.02462], of which 1.02462 is past 100%.
    const s = summarizeProportions([
      { seed: 1, value: 0.97 },
      { seed: 2, value: 0.99 },
      { seed: 3, value: 1 },
    ]);
    expect(s.ci95.t[0]).toBeCloseTo(0.94872, 4);
    expect(s.ci95.t[1]).toBe(1);
  });
});

const iris = {
  dataset: { name: 'iris' },
  split: { kind: 'stratified', testFraction: 0.3 },
  scaling: { kind: 'standardize' },
  model: { hidden: [8], activation: 'relu', initializer: 'glorotUniform', dropout: 0 },
};

describe('a seed-variance study at the extremes, trained', () => {
  it('whose runs blew up (SGD, lr 10, momentum 0.9) counts them as failed and answers "undecided", saying so first', async () => {
    await useNodeBackend('cpu');
    const spec = parseSpecOfKind(
      { ...iris, training: { optimizer: { kind: 'sgd', lr: 10, momentum: 0.9 }, batchSize: 16, epochs: 5 }, seeds: 4 },
      'seed-variance',
    );
    const doc = documentOfKind(await runStudy(spec, { groupSize: 4 }), 'seed-variance');
    // Each run's own record: its final training loss at or above ln 3 = 1.0986, or not finite.
    // Measured: every loss stayed finite (no NaN: divergedAtEpoch is null) but ended above 1e12, far
    // past ln 3 = 1.0986, a uniform guess's; before engine 0.5.0 these runs counted as normal ones.
    for (const r of doc.runs) {
      expect(r.divergedAtEpoch).toBeNull();
      expect(r.trainLoss).toBeGreaterThan(1e12);
      expect(r.diverged).toBe(true);
    }
    expect(doc.verdict[0].question).toBe('seed-moves-accuracy');
    expect(doc.verdict[0].outcome.is).toBe('undecided');
    const [first] = verdictOf(doc, 'en');
    expect(first.answer).toMatch(/failed to learn/);
    expect(headlineOf(doc, 'en')).toBe('4 seeds: all failed to learn');
    expect(badgeOf(doc, 'en').value).toMatch(/failed to learn/);
  });

  it('with one seed answers the spread question "undecided", and headlines no std', async () => {
    await useNodeBackend('cpu');
    const spec = parseSpecOfKind(
      { ...iris, training: { optimizer: { kind: 'adam', lr: 0.02 }, batchSize: 16, epochs: 10 }, seeds: 1 },
      'seed-variance',
    );
    const doc = documentOfKind(await runStudy(spec, { groupSize: 1 }), 'seed-variance');
    expect(doc.verdict.find((v) => v.question === 'seed-moves-accuracy')?.outcome).toEqual({ is: 'undecided', because: 'one-run' });
    expect(headlineOf(doc, 'en')).toMatch(/^1 seed: [\d.]+%, spread undecided/);
    expect(headlineOf(doc, 'en')).not.toMatch(/std/);
  });
});

describe('a headline over runs that partly failed', () => {
  const facts = (failed: number) => ({
    kind: 'seed-variance' as const,
    dataset: 'digits',
    digest: { layerSizes: [64, 10], optimizer: 'sgd', runs: 10, mean: 0.5, std: 0.1, failed, repeatability: 'identical' as const },
  });
  it('leads with the failures when more than half failed, and gives no accuracy', () => {
    expect(headlineOfFacts(facts(6), 'en')).toBe('10 seeds: 6 failed to learn; deterministic ✓');
  });
  it('counts them beside the accuracy of the rest otherwise', () => {
    expect(headlineOfFacts(facts(5), 'en')).toBe('10 seeds: 50.0%, std 10.00 points, 5 failed to learn; deterministic ✓');
  });
});

describe('a comparison at the extremes, trained', () => {
  const arm = (label: string, optimizer: object) => ({ label, ...iris, training: { optimizer, batchSize: 16, epochs: 5 } });
  it('of an arm whose runs blew up is undecided, with the reason, and its headline claims no verdict', async () => {
    await useNodeBackend('cpu');
    const spec = parseSpecOfKind(
      {
        kind: 'compare',
        a: arm('adam', { kind: 'adam', lr: 0.02 }),
        b: arm('sgd at lr 10', { kind: 'sgd', lr: 10, momentum: 0.9 }),
        seeds: 3,
      },
      'compare',
    );
    const doc = documentOfKind(await runStudy(spec, { groupSize: 3 }), 'compare');
    // Measured (as in the seed-variance case above): every run of arm b ends above 1e12, ln 3 = 1.0986.
    expect(doc.verdict[0].outcome).toEqual({ is: 'undecided', because: 'all-diverged' });
    expect(verdictOf(doc, 'en')[0].answer).toMatch(/failed to learn/);
    expect(headlineOf(doc, 'en')).not.toMatch(/better|Tied/);
  });
  it('of one seed is undecided: one difference has no interval', async () => {
    await useNodeBackend('cpu');
    const spec = parseSpecOfKind(
      { kind: 'compare', a: arm('adam', { kind: 'adam', lr: 0.02 }), b: arm('adam slow', { kind: 'adam', lr: 0.01 }), seeds: 1 },
      'compare',
    );
    const doc = documentOfKind(await runStudy(spec, { groupSize: 1 }), 'compare');
    expect(doc.verdict[0].outcome).toEqual({ is: 'undecided', because: 'one-run' });
  });
  it('of an arm whose runs mostly failed is undecided, though three pairs remain', async () => {
    // Combined from hand-made runs: arm b failed on 4 of its 7 seeds.
    const seeds = [1, 2, 3, 4, 5, 6, 7];
    const spec = parseSpecOfKind({ kind: 'compare', a: arm('A', { kind: 'adam' }), b: arm('B', { kind: 'adam' }), seeds }, 'compare');
    const runs = (arm: string, failed: number[]) =>
      seeds.map((seed) => ({ seed, fingerprint: `${arm}${seed}`, testAccuracy: 0.9 + seed / 100, diverged: failed.includes(seed) }));
    const parts = [
      { unit: { purpose: 'arm', arm: 'a', seeds }, result: runs('a', []) },
      { unit: { purpose: 'arm', arm: 'b', seeds }, result: runs('b', [1, 2, 3, 4]) },
    ];
    const doc = documentOfKind(await combineStudy(spec, parts), 'compare');
    expect(doc.difference?.pairs).toBe(3);
    expect(doc.verdict[0].outcome).toEqual({ is: 'undecided', because: 'mostly-failed' });
  });
});

describe('a schedules study at the extremes, trained', () => {
  const schedules = (blownUp: number) => [
    { name: 'adam-like', type: 'constant', lr: 0.05 },
    ...Array.from({ length: blownUp }, (_, i) => ({ name: `lr 10, ${i + 1}`, type: 'constant', lr: 10 })),
  ];
  const study = async (blownUp: number) => {
    await useNodeBackend('cpu');
    const spec = parseSpecOfKind(
      {
        kind: 'lr-schedule',
        ...iris,
        training: { optimizer: { kind: 'sgd', lr: 0.05, momentum: 0.9 }, batchSize: 16, epochs: 5 },
        schedules: schedules(blownUp),
        seeds: [1, 2, 3],
      },
      'lr-schedule',
    );
    return documentOfKind(await runStudy(spec, { groupSize: 3 }), 'lr-schedule');
  };
  it('whose runs mostly failed (two schedules at lr 10 of three: 6 of 9 runs) is undecided, and its headline counts them', async () => {
    const doc = await study(2);
    // Measured: SGD with momentum 0.9 at lr 10 on iris ends every run above ln 3 (as in the seed-variance case above).
    expect(doc.schedules.map((s) => s.runs.filter((r) => r.diverged).length)).toEqual([0, 3, 3]);
    expect(doc.verdict[0].outcome).toEqual({ is: 'undecided', because: 'mostly-failed' });
    expect(headlineOf(doc, 'en')).toBe('6 of 9 runs failed to learn');
    expect(badgeOf(doc, 'en').value).toBe('6/9 failed to learn');
    expect(verdictOf(doc, 'en')[0].answer).toMatch(/more than half of the runs failed to learn/);
  });
  it('whose runs failed in one schedule of two (3 of 6) still ranks the schedules that learned', async () => {
    const doc = await study(1);
    expect(doc.verdict[0].outcome.is).not.toBe('undecided');
    expect(headlineOf(doc, 'en')).not.toMatch(/failed to learn/);
  });
});

describe('a variance-sources study whose runs mostly failed', () => {
  it('names no source and does not sum the spreads, and its headline counts the failures', async () => {
    const spec = parseSpecOfKind(
      {
        kind: 'variance-sources',
        ...iris,
        training: { optimizer: { kind: 'adam', lr: 0.01 }, epochs: 5 },
        runs: 4,
        implementationSeeds: 1,
      },
      'variance-sources',
    );
    // Combined from hand-made runs: 4 runs per source, 3 of each failed (18 of 24), the one left differs by source.
    const sources = ['data', 'split', 'init', 'order', 'dropout', 'all'] as const;
    const parts = [
      ...sources.map((source, k) => ({
        unit: { purpose: 'source', source, seeds: [1, 2, 3, 4] },
        result: [1, 2, 3, 4].map((seed) => ({
          seed,
          fingerprint: `${source}${seed}`,
          testAccuracy: 0.8 + (k * seed) / 100,
          diverged: seed > 1,
        })),
      })),
      {
        unit: { purpose: 'implementation', seeds: [1] },
        result: [{ seed: 1, cpu: 'a', wasm: 'a', maxAbsWeightDiff: 0, cpuAccuracy: 0.9, wasmAccuracy: 0.9 }],
      },
    ];
    const doc = documentOfKind(await combineStudy(spec, parts), 'variance-sources');
    expect(doc.verdict.find((v) => v.question === 'largest-source')?.outcome).toEqual({ is: 'undecided', because: 'mostly-failed' });
    expect(doc.verdict.find((v) => v.question === 'sources-add-up')?.outcome.is).toBe('undecided');
    expect(headlineOf(doc, 'en')).toBe('18 of 24 runs failed to learn');
    expect(headlineOf(doc, 'zh')).toBe('24 次运行中 18 次没有学会');
  });
});
