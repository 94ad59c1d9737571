import { z } from 'zod';
import { SpecError, specIssues } from '../spec/specError.ts';
import { canonicalJson } from '../spec/studyId.ts';
import { parseStudySpec, type StudySpec, type StudySpecInput } from '../studies/registry.ts';

/** The digits-reference data, split and MLP, shared by every digits-* preset. */
const digits = {
  dataset: { name: 'digits' },
  split: { kind: 'index-mod', k: 4, r: 3 },
  scaling: { kind: 'divide', by: 16 },
  model: { hidden: [32], activation: 'relu', initializer: 'glorotUniform', dropout: 0 },
};
const referenceAdam = { optimizer: { kind: 'adam', lr: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }, batchSize: 32, epochs: 20 };
const sgdMomentum = { optimizer: { kind: 'sgd', lr: 0.05, momentum: 0.9 }, batchSize: 32, epochs: 20 };

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
    // Picard (2021) scanned 10^4 seeds on CIFAR-10: tails need thousands of seeds, not 30.
    name: 'digits-10k-seeds',
    description:
      'The digits-reference setup over seeds 1..10,000: the tails, the chance of a seed far below the median, and what reporting the best of k seeds inflates.',
    spec: { title: 'Ten thousand seeds: how far can the seed move a digits MLP?', ...digits, training: referenceAdam, seeds: 10_000 },
  },
  {
    name: 'moons-dropout',
    description:
      'Noisy two moons, stratified split that changes with the seed, MLP 2-32-32-2 tanh with dropout 0.2, SGD momentum, 10 seeds.',
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

PRESETS.push(
  {
    name: 'digits-lr-range',
    description:
      "Smith's range test on digits: plain SGD, batch 32, lr 1e-5 to 10 exponentially over 100 batches, EMA 0.98, diverge x4, seeds 1..30; then trains at the suggestion, /10 and x10.",
    spec: {
      kind: 'lr-range-test',
      title: 'Which learning rate? A range test over 30 seeds (digits, SGD)',
      ...digits,
      training: { optimizer: { kind: 'sgd', lr: 0.01, momentum: 0 }, batchSize: 32, epochs: 20 },
      range: { startLr: 1e-5, endLr: 10, iterations: 100, mode: 'exponential', smoothing: 0.98, divergeFactor: 4 },
      verify: { suggestion: 'steepest', multipliers: [0.1, 1, 10] },
      seeds: 30,
    },
  },
  {
    name: 'digits-lr-schedules',
    description:
      'Digits, SGD momentum 0.9, batch 32, 20 epochs, seeds 1..10: constant 0.05, step 0.1/0.01/0.001, exponential, triangular 0.001-0.1, one-cycle.',
    spec: {
      kind: 'lr-schedule',
      title: 'From high to low, or in cycles? Five learning-rate schedules on digits',
      ...digits,
      training: sgdMomentum,
      seeds: 10,
      schedules: [
        { name: 'constant', type: 'constant', lr: 0.05 },
        { name: 'step', type: 'step', boundaries: [7, 14], rates: [0.1, 0.01, 0.001] },
        { name: 'exponential', type: 'exponential', lr: 0.1, gamma: 0.8 },
        // Two full cycles in 20 epochs: the run ends at the base rate, as Smith (2015) stops at a cycle's end.
        { name: 'triangular', type: 'triangular', minLr: 0.001, maxLr: 0.1, halfCycleEpochs: 5 },
        { name: 'one-cycle', type: 'one-cycle', maxLr: 0.1 },
      ],
    },
  },
  {
    name: 'digits-data-size',
    description:
      'Learning curves on digits: sizes 50..1348, subset seeds 1..10, MLP for 1000 Adam steps against logistic regression, kNN (k=5), a tree and a forest of 100.',
    spec: {
      kind: 'data-size',
      title: 'Does deep learning need more data? Learning curves on digits',
      ...digits,
      training: referenceAdam,
      steps: 1000,
      sizes: [50, 100, 200, 400, 800, 1348],
      seeds: 10,
      knnK: 5,
      forestTrees: 100,
    },
  },
  {
    name: 'digits-variance-sources',
    description:
      'The digits-reference training with a seeded stratified split (a quarter of the rows tested, so the split is a source too), 30 runs per source and all at once, plus cpu against wasm.',
    spec: {
      kind: 'variance-sources',
      title: 'Why does every run give a different accuracy? Sources of variance on digits',
      ...digits,
      // A fixed index split would hide test-set sampling: every run would be scored on the same rows.
      split: { kind: 'stratified', testFraction: 0.25 },
      training: referenceAdam,
      runs: 30,
      implementationSeeds: 5,
    },
  },
  {
    name: 'digits-determinism',
    description:
      'Same seed, another seed, rows reordered: which algorithms give the same model every time? MLP and four classic models on digits.',
    spec: {
      kind: 'determinism-audit',
      title: 'Does every algorithm give the same model every time? (digits)',
      ...digits,
      training: referenceAdam,
    },
  },
  {
    name: 'digits-adam-vs-sgd',
    description: 'Compare the reference Adam against SGD with momentum 0.9 at lr 0.05 on digits, seeds 1..30.',
    spec: {
      kind: 'compare',
      title: 'Adam or SGD with momentum? 30 seeds on digits',
      a: { label: 'Adam 0.001', ...digits, training: referenceAdam },
      b: { label: 'SGD 0.05, momentum 0.9', ...digits, training: sgdMomentum },
      seeds: 30,
    },
  },
  {
    name: 'spiral-data-size',
    description: 'Learning curves on a 3-arm spiral (synthetic, noise 0.1): a curved boundary a linear model cannot draw.',
    spec: {
      kind: 'data-size',
      title: 'Learning curves on a spiral: the MLP against classic models',
      dataset: { name: 'spiral', samples: 3000, noise: 0.1, classes: 3 },
      split: { kind: 'index-mod', k: 4, r: 3 },
      scaling: { kind: 'standardize' },
      model: { hidden: [64, 64], activation: 'relu', initializer: 'heUniform', dropout: 0 },
      training: { optimizer: { kind: 'adam', lr: 0.01 }, batchSize: 32, epochs: 20 },
      steps: 1500,
      sizes: [30, 100, 300, 1000, 2250],
      seeds: 5,
      forestTrees: 50,
    },
  },
);

export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}

let normalized: Map<string, Preset> | undefined;
/** The preset a normalized spec is exactly (pages word a preset's title per locale), or undefined. */
export function presetOfSpec(spec: StudySpec): Preset | undefined {
  normalized ??= new Map(PRESETS.map((p) => [canonicalJson(parseStudySpec(p.spec)), p]));
  return normalized.get(canonicalJson(spec));
}

/** A request for a preset by name, the other body `POST /api/studies` takes. */
export const PresetRequest = z.strictObject({ preset: z.string().max(100) });

/**
 * A study request as the API and the CLI take it: a preset by name, or a spec. The one parser: the
 * spec's schema and free-text rules (parseStudySpec), every problem a SpecError naming its field.
 */
export function parseStudyRequest(input: unknown): StudySpec {
  if (!input || typeof input !== 'object' || Array.isArray(input) || !('preset' in input)) return parseStudySpec(input);
  const request = PresetRequest.safeParse(input);
  if (!request.success) throw new SpecError(specIssues(request.error));
  const preset = findPreset(request.data.preset);
  if (!preset)
    throw new SpecError([
      { path: 'preset', message: `unknown preset "${request.data.preset}"; known: ${PRESETS.map((p) => p.name).join(', ')}` },
    ]);
  return parseStudySpec(preset.spec);
}
