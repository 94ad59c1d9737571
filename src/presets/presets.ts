import type { StudySpecInput } from '../spec/schema.ts';

export interface Preset {
  name: string;
  description: string;
  spec: StudySpecInput;
}

/** Named, exact protocols. `digits-reference` matches a protocol with independent reference results. */
export const PRESETS: Preset[] = [
  {
    name: 'digits-reference',
    description:
      'Digits (/16), test = index % 4 == 3 (449 rows), MLP 64-32-10 relu, Glorot-uniform, Adam 0.001, batch 32, 20 epochs, seeds 1..30.',
    spec: {
      title: 'How much does the seed move accuracy? Digits MLP, 30 seeds',
      dataset: { name: 'digits' },
      split: { kind: 'index-mod', k: 4, r: 3 },
      scaling: { kind: 'divide', by: 16 },
      model: { hidden: [32], activation: 'relu', initializer: 'glorotUniform', dropout: 0 },
      training: { optimizer: { kind: 'adam', lr: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }, batchSize: 32, epochs: 20 },
      seeds: 30,
    },
  },
  {
    name: 'moons-dropout',
    description: 'Noisy two moons, stratified split that changes with the seed, MLP 2-32-32-2 tanh with dropout 0.2, SGD momentum, 10 seeds.',
    spec: {
      title: 'Seed variance on noisy moons with dropout',
      dataset: { name: 'moons', samples: 400, noise: 0.25 },
      split: { kind: 'stratified', testFraction: 0.25 },
      scaling: { kind: 'standardize' },
      model: { hidden: [32, 32], activation: 'tanh', initializer: 'glorotNormal', dropout: 0.2 },
      training: { optimizer: { kind: 'sgd', lr: 0.05, momentum: 0.9 }, batchSize: 32, epochs: 30 },
      seeds: 10,
    },
  },
  {
    name: 'iris-small',
    description: 'Iris, standardized, stratified split, MLP 4-8-3, Adam 0.01, 30 epochs, 10 seeds: a tiny study for a quick look.',
    spec: {
      title: 'Seed variance on iris (tiny network)',
      dataset: { name: 'iris' },
      split: { kind: 'stratified', testFraction: 0.3 },
      scaling: { kind: 'standardize' },
      model: { hidden: [8], activation: 'relu', initializer: 'heUniform', dropout: 0 },
      training: { optimizer: { kind: 'adam', lr: 0.01 }, batchSize: 16, epochs: 30 },
      seeds: 10,
    },
  },
];

export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}
