import type { StudySpecInput } from '../../src/index.ts';

/**
 * A fast case of every study kind (small data, few seeds and epochs). Their fingerprints and
 * headline numbers are recorded in golden.json; tests/golden.test.ts proves that refactors leave
 * them bit for bit unchanged on both backends. A change that alters numbers on purpose re-records
 * the file (`npm run golden -- --record`) and lists what changed in its commit message.
 */
const iris = {
  dataset: { name: 'iris' },
  split: { kind: 'index-mod', k: 4, r: 3 },
  scaling: { kind: 'standardize' },
  model: { hidden: [8] },
};
const quick = { optimizer: { kind: 'adam', lr: 0.02 }, batchSize: 16, epochs: 3 };

export const GOLDEN_CASES: { name: string; spec: StudySpecInput }[] = [
  {
    name: 'seed-variance-moons',
    spec: {
      dataset: { name: 'moons', samples: 160, noise: 0.2 },
      split: { kind: 'stratified', testFraction: 0.25 },
      scaling: { kind: 'standardize' },
      model: { hidden: [8, 8], activation: 'tanh', initializer: 'heNormal', dropout: 0.1 },
      training: { optimizer: { kind: 'sgd', lr: 0.1, momentum: 0.9 }, batchSize: 16, epochs: 3 },
      seeds: 4,
    },
  },
  {
    name: 'seed-variance-digits',
    spec: {
      dataset: { name: 'digits' },
      split: { kind: 'index-mod', k: 4, r: 3 },
      scaling: { kind: 'divide', by: 16 },
      model: { hidden: [50] },
      training: { optimizer: { kind: 'adam', lr: 0.001 }, batchSize: 64, epochs: 1 },
      seeds: 3,
    },
  },
  {
    name: 'lr-range-test',
    spec: {
      kind: 'lr-range-test',
      ...iris,
      training: { ...quick, optimizer: { kind: 'sgd', lr: 0.01 } },
      seeds: 3,
      range: { startLr: 1e-4, endLr: 100, iterations: 40 },
      verify: { multipliers: [0.1, 1] },
    },
  },
  {
    name: 'lr-schedule',
    spec: {
      kind: 'lr-schedule',
      ...iris,
      training: { optimizer: { kind: 'sgd', lr: 0.1, momentum: 0.9 }, batchSize: 16, epochs: 4 },
      seeds: 3,
      schedules: [
        { name: 'constant', type: 'constant', lr: 0.05 },
        { name: 'step', type: 'step', boundaries: [2], rates: [0.1, 0.01] },
        { name: 'exponential', type: 'exponential', lr: 0.1, gamma: 0.7 },
        { name: 'triangular', type: 'triangular', minLr: 0.001, maxLr: 0.1, halfCycleEpochs: 1 },
        { name: 'one-cycle', type: 'one-cycle', maxLr: 0.1 },
      ],
    },
  },
  { name: 'data-size', spec: { kind: 'data-size', ...iris, training: quick, steps: 40, sizes: [20, 60, 111], seeds: 3, forestTrees: 5 } },
  { name: 'variance-sources', spec: { kind: 'variance-sources', ...iris, training: quick, runs: 3, implementationSeeds: 2 } },
  { name: 'determinism-audit', spec: { kind: 'determinism-audit', ...iris, training: { ...quick, epochs: 2 }, forestTrees: 5 } },
  {
    name: 'compare',
    spec: {
      kind: 'compare',
      a: { label: 'adam', ...iris, training: quick },
      b: { label: 'sgd', ...iris, training: { ...quick, optimizer: { kind: 'sgd', lr: 0.05, momentum: 0.9 } } },
      seeds: 4,
    },
  },
];
