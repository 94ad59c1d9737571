import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESETS, parseStudySpec, planWithinLimits, StudyTooLongError, UNIT_SHARE_OF_CPU_LIMIT, unitSeconds } from '../src/index.ts';
import { classicFitWork, mlpTraining, rangeSweep, type TimeModel } from '../src/spec/timeModel.ts';

const shape = { rows: 100, testRows: 40, parameters: 1000, layers: 2, units: 50 };

describe('the work a unit does', () => {
  it('training: steps, parameter updates and flops, by hand', () => {
    // 100 rows in batches of 32: 4 steps an epoch (the last partial), 3 epochs: 12 steps.
    // Updates: 12 steps x 5 seeds x 1000 parameters = 60,000.
    // Flops: 5 seeds x 1000 x (6 x 3 epochs x 100 rows + 2 x 40 test rows x 3 evaluations) = 10,200,000.
    expect(mlpTraining('wasm', shape, { seeds: 5, batchSize: 32, epochs: 3 })).toEqual({
      training: [
        { backend: 'wasm', seeds: 5, steps: 12, layers: 2, updates: 60_000, flops: 10_200_000, activations: 5 * 50 * (300 + 120) },
      ],
      classic: [],
    });
  });

  it('a step budget caps the steps and counts the examples it draws', () => {
    // maxSteps 5 of batch 32: 160 examples; one evaluation: 2 x (6 x 160 + 2 x 40) x 1000 = 2,080,000.
    expect(mlpTraining('cpu', shape, { seeds: 2, batchSize: 32, epochs: 100, maxSteps: 5, evaluations: 1 }).training[0]).toEqual({
      backend: 'cpu',
      seeds: 2,
      steps: 5,
      layers: 2,
      updates: 10_000,
      flops: 2_080_000,
      activations: 2 * 50 * (160 + 40), // 160 examples drawn, one evaluation of 40 test rows
    });
  });

  it('a range sweep: one batch a step, no evaluation', () => {
    // 20 iterations x 3 seeds x 1000 parameters updates; 3 x 1000 x 6 x 32 x 20 flops.
    expect(rangeSweep('wasm', shape, { seeds: 3, batchSize: 32, iterations: 20 }).training[0]).toEqual({
      backend: 'wasm',
      seeds: 3,
      steps: 20,
      layers: 2,
      updates: 60_000,
      flops: 11_520_000,
      activations: 3 * 50 * 32 * 20,
    });
  });

  it('classic fits: each in the terms its algorithm scales with', () => {
    const data = { rows: 1024, testRows: 100, features: 16, classes: 10, forestTrees: 50 };
    expect(classicFitWork('logistic-regression', data).work).toBe(300 * 1024 * 16 * 10);
    expect(classicFitWork('knn', data).work).toBe(1024 * 100 * 16);
    expect(classicFitWork('decision-tree', data).work).toBe(1024 * 10 * 16); // log2(1024) = 10
    expect(classicFitWork('random-forest', data).work).toBe(50 * 1024 * 10 * 4); // sqrt(16) = 4 features per split
  });

  it('seconds from a model: each term, and the upper bound at the model’s factor', () => {
    const model: TimeModel = {
      measuredOn: 'by hand',
      mlp: {
        cpu: {
          msPerTraining: 5,
          msPerSeed: 1,
          msPerStepLayer: 1,
          msPerMegaUpdate: 10,
          msPerMegaActivation: 1000,
          msPerMegaflop: 100,
          upperFactor: 2,
        },
        wasm: {
          msPerTraining: 0,
          msPerSeed: 0,
          msPerStepLayer: 0,
          msPerMegaUpdate: 0,
          msPerMegaActivation: 0,
          msPerMegaflop: 0,
          upperFactor: 1,
        },
      },
      classic: {
        'logistic-regression': { msPerFit: 0, msPerMegaWork: 0, upperFactor: 1 },
        knn: { msPerFit: 7, msPerMegaWork: 1000, upperFactor: 3 },
        'decision-tree': { msPerFit: 0, msPerMegaWork: 0, upperFactor: 1 },
        'random-forest': { msPerFit: 0, msPerMegaWork: 0, upperFactor: 1 },
        svm: { msPerFit: 0, msPerMegaWork: 0, upperFactor: 1 },
        'linear-svm': { msPerFit: 0, msPerMegaWork: 0, upperFactor: 1 },
      },
    };
    // Training: 5 + 1 x 5 seeds + 1 x 12 x 2 + 10 x 0.06 updates + 1000 x 0.105 activations + 100 x 10.2 Mflop
    // = 5 + 5 + 24 + 0.6 + 105 + 1020 = 1159.6 ms; upper x2 = 2319.2 ms.
    // kNN: 7 + 1000 x 1.6384 = 1645.4 ms; upper x3 = 4936.2 ms.
    const work = {
      training: mlpTraining('cpu', shape, { seeds: 5, batchSize: 32, epochs: 3 }).training,
      classic: [classicFitWork('knn', { rows: 1024, testRows: 100, features: 16, classes: 10, forestTrees: 1 })],
    };
    const s = unitSeconds(work, model);
    expect(s.estimate).toBeCloseTo(1.1596 + 1.6454, 9);
    expect(s.upper).toBeCloseTo(2.3192 + 4.9362, 9);
  });
});

describe('fitting studies to the CPU limit', () => {
  const cpuMs = Number(/CPU_MS = "(\d+)"/.exec(readFileSync('wrangler.toml', 'utf8'))?.[1]);
  const limits = {
    maxSeedsPerUnit: 10,
    unitSecondsLimit: (UNIT_SHARE_OF_CPU_LIMIT * cpuMs) / 1000,
    studySecondsLimit: Number(/STUDY_SECONDS = "(\d+)"/.exec(readFileSync('wrangler.toml', 'utf8'))?.[1]),
  };

  it('the Worker reads the same CPU limit the platform enforces', () => {
    const toml = readFileSync('wrangler.toml', 'utf8');
    expect(cpuMs).toBe(Number(/cpu_ms = (\d+)/.exec(toml)?.[1]));
    expect(limits.unitSecondsLimit).toBe(15);
  });

  it('refuses the issue’s example: one seed alone is far over a unit’s limit', () => {
    const spec = parseStudySpec({
      dataset: { name: 'moons', samples: 5000, noise: 0.1 },
      split: { kind: 'stratified' },
      training: { optimizer: { kind: 'adam' }, batchSize: 1, epochs: 200 },
      seeds: 100,
      backend: 'cpu',
    });
    expect(() => planWithinLimits(spec, limits)).toThrow(StudyTooLongError);
  });

  it('shrinks units until each fits, and takes the largest size that does', () => {
    const spec = parseStudySpec({
      dataset: { name: 'digits' },
      split: { kind: 'index-mod', k: 4, r: 3 },
      model: { hidden: [128] },
      training: { optimizer: { kind: 'adam' }, batchSize: 32, epochs: 20 },
      seeds: 10,
      backend: 'cpu',
    });
    const { seedsPerUnit, seconds } = planWithinLimits(spec, limits);
    expect(seconds.every((s) => s.upper <= limits.unitSecondsLimit)).toBe(true);
    if (seedsPerUnit < 10)
      expect(() => planWithinLimits(spec, { ...limits, maxSeedsPerUnit: seedsPerUnit + 1 }).seedsPerUnit).not.toBe(seedsPerUnit + 1);
    expect(seedsPerUnit).toBeLessThan(10); // 20 epochs of a 128-wide layer on cpu: ten seeds at once are too many
  });

  it('every preset fits, in units of at most ten seeds', () => {
    for (const p of PRESETS) expect(() => planWithinLimits(parseStudySpec(p.spec), limits), p.name).not.toThrow();
  });
});
