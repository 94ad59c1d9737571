import type { StudySpecInput } from '../src/index.ts';

/**
 * A small study whose fingerprints must match between Node and workerd (cpu backend). It touches
 * every stream: synthetic data, a seeded split, init, order and dropout.
 */
/** The smallest study that trains (one seed of iris, one epoch, cpu): for tests of the API's machinery, not its numbers. */
export const TINY_SPEC = {
  dataset: { name: 'iris' },
  split: { kind: 'stratified' },
  model: { hidden: [2] },
  training: { optimizer: { kind: 'adam', lr: 0.05 }, batchSize: 32, epochs: 1 },
  seeds: 1,
  backend: 'cpu',
};

export const CROSS_RUNTIME_SPEC: StudySpecInput = {
  dataset: { name: 'moons', samples: 120, noise: 0.2 },
  split: { kind: 'stratified', testFraction: 0.25 },
  scaling: { kind: 'standardize' },
  model: { hidden: [8, 8], activation: 'tanh', initializer: 'heNormal', dropout: 0.1 },
  training: { optimizer: { kind: 'adam', lr: 0.01 }, batchSize: 16, epochs: 3 },
  seeds: [1, 2, 3, 4],
  backend: 'cpu',
};

/**
 * A study the Worker splits with a lone seed in its last unit (units of 2 seeds in the workerd
 * tests), while the CLI trains all three in one group: on wasm, with a second hidden layer wider
 * than 48, the same seed must still get the same fingerprint.
 */
export const LONE_SEED_SPEC: StudySpecInput = {
  title: 'a lone seed in the last unit',
  dataset: { name: 'digits' },
  split: { kind: 'index-mod', k: 4, r: 3 },
  scaling: { kind: 'divide', by: 16 },
  model: { hidden: [32, 64] },
  training: { optimizer: { kind: 'adam', lr: 0.001 }, batchSize: 64, epochs: 1 },
  seeds: 3,
  backend: 'wasm',
};
