import type { StudySpecInput } from '../src/index.ts';

/**
 * A small study whose fingerprints must match between Node and workerd (cpu backend). It touches
 * every stream: synthetic data, a seeded split, init, order and dropout.
 */
export const CROSS_RUNTIME_SPEC: StudySpecInput = {
  dataset: { name: 'moons', samples: 120, noise: 0.2 },
  split: { kind: 'stratified', testFraction: 0.25 },
  scaling: { kind: 'standardize' },
  model: { hidden: [8, 8], activation: 'tanh', initializer: 'heNormal', dropout: 0.1 },
  training: { optimizer: { kind: 'adam', lr: 0.01 }, batchSize: 16, epochs: 3 },
  seeds: [1, 2, 3, 4],
  backend: 'cpu',
};
