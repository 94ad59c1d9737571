import { z } from 'zod';
import { DATASET_ID_PATTERN } from '../data/uploadedDataset.ts';
import { STREAM_NAMES } from '../random/seedStreams.ts';
import { LIMITS } from './limits.ts';

/**
 * The spec fields every study kind shares: the data, the model, the training and the seeds. Each
 * kind's spec (src/studies/<kind>/spec.ts) composes them; the union of all kinds is derived in
 * src/studies/registry.ts.
 */
export const BUNDLED_DATASETS = ['digits', 'iris', 'wine', 'breast-cancer'] as const;
export const SYNTHETIC_DATASETS = ['circles', 'xor', 'blobs', 'spiral', 'moons'] as const;

const positiveInt = (max: number) => z.number().int().min(1).max(max);
const seedValue = z.number().int().min(1).max(LIMITS.maxSeed);

export const DatasetSpec = z.discriminatedUnion('name', [
  z.strictObject({ name: z.enum(BUNDLED_DATASETS) }),
  /** A table uploaded with POST /api/datasets (src/data/uploadedDataset.ts), named by its content address. */
  z.strictObject({
    name: z.literal('upload'),
    id: z
      .string()
      .regex(new RegExp(`^${DATASET_ID_PATTERN}$`), { error: 'an uploaded dataset id is 20 hex digits (POST /api/datasets answers it)' }),
  }),
  z.strictObject({
    name: z.enum(SYNTHETIC_DATASETS),
    /** Number of points, split evenly over the classes. */
    samples: z.number().int().min(20).max(LIMITS.maxSyntheticSamples).default(600),
    /** Noise level (a standard deviation, in the set's own units). */
    noise: z.number().min(0).max(5).default(0.1),
    /** Number of classes; only `blobs` and `spiral` use more than 2. */
    classes: z.number().int().min(2).max(10).default(2),
  }),
]);

/**
 * How titles, listings and badges name a dataset: its name, or, for an uploaded table, "upload-" and
 * the first 8 digits of its id (the name its owner gave is the table's, not the spec's: pages that
 * read the table's description show it).
 */
export const datasetLabel = (dataset: z.output<typeof DatasetSpec>): string =>
  dataset.name === 'upload' ? `upload-${dataset.id.slice(0, 8)}` : dataset.name;

export const SplitSpec = z
  .discriminatedUnion('kind', [
    /** test = rows with index % k == r (a fixed split, no randomness). */
    z.strictObject({ kind: z.literal('index-mod'), k: z.number().int().min(2).max(100), r: z.number().int().min(0).max(99) }),
    /** Seeded stratified split from the `split` stream. */
    z.strictObject({ kind: z.literal('stratified'), testFraction: z.number().gt(0).lt(1).default(0.25) }),
  ])
  .refine((s) => s.kind !== 'index-mod' || s.r < s.k, { message: 'r must be less than k', path: ['r'] });

export const ScalingSpec = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('divide'), by: z.number().positive().max(1e12) }),
  /** Standardize each feature with the training set's mean and std (test rows never leak in). */
  z.strictObject({ kind: z.literal('standardize') }),
]);

export const ModelSpec = z.strictObject({
  hidden: z.array(positiveInt(LIMITS.maxWidth)).max(LIMITS.maxHiddenLayers).default([32]),
  activation: z.enum(['relu', 'tanh', 'sigmoid']).default('relu'),
  initializer: z.enum(['glorotUniform', 'glorotNormal', 'heUniform', 'heNormal']).default('glorotUniform'),
  /** Dropout rate after each hidden layer, 0 for none. Masks come from the `dropout` stream. */
  dropout: z.number().min(0).lt(1).default(0),
});

const learningRate = z.number().gt(0, { message: 'lr must be > 0' }).max(100);

export const OptimizerSpec = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sgd'), lr: learningRate, momentum: z.number().min(0).lt(1).default(0) }),
  z.strictObject({
    kind: z.literal('adam'),
    lr: learningRate.default(0.001),
    beta1: z.number().min(0).lt(1).default(0.9),
    beta2: z.number().min(0).lt(1).default(0.999),
    epsilon: z.number().gt(0).max(1).default(1e-7),
  }),
]);

export const TrainingSpec = z.strictObject({
  optimizer: OptimizerSpec,
  batchSize: positiveInt(LIMITS.maxBatchSize).default(32),
  epochs: positiveInt(LIMITS.maxEpochs).default(20),
  /**
   * Opt-in: "shuffled" permutes the rows of every batch before the sums, from a stream that
   * differs between two runs of the same seed, as unordered parallel reductions do on GPUs. The
   * rows, masks and maths stay the same; only the order of the additions changes.
   */
  reductionOrder: z.enum(['fixed', 'shuffled']).optional(),
});

/** `seeds` is a list or a count (count n means seeds 1..n); normalized to a sorted list. */
export const seedsOf = (defaultCount: number) =>
  z
    .union([positiveInt(LIMITS.maxSeeds), z.array(seedValue).min(1).max(LIMITS.maxSeeds)], {
      error: `seeds must be a count from 1 to ${LIMITS.maxSeeds}, or a list of 1 to ${LIMITS.maxSeeds} integer seeds from 1 to ${LIMITS.maxSeed}`,
    })
    .default(defaultCount)
    .transform((s) => (typeof s === 'number' ? Array.from({ length: s }, (_, i) => i + 1) : [...s].sort((a, b) => a - b)))
    .refine((s) => new Set(s).size === s.length, { message: 'seeds must be distinct' });

const PinsSpec = z.strictObject(
  Object.fromEntries(STREAM_NAMES.map((n) => [n, seedValue.optional()])) as Record<
    (typeof STREAM_NAMES)[number],
    z.ZodOptional<typeof seedValue>
  >,
);

export const BackendName = z.enum(['cpu', 'wasm']);
export type BackendName = z.infer<typeof BackendName>;

/** What decides one seed's training; every kind that trains the MLP shares these fields. */
export const setupFields = {
  dataset: DatasetSpec,
  split: SplitSpec,
  scaling: ScalingSpec.default({ kind: 'none' }),
  model: ModelSpec.default({ hidden: [32], activation: 'relu', initializer: 'glorotUniform', dropout: 0 }),
  training: TrainingSpec,
  /** Streams pinned to a fixed seed for every run (the others follow the run seed). */
  pins: PinsSpec.default({}),
};

/** Fields every kind's spec has, besides `kind`. */
export const commonFields = {
  title: z.string().trim().min(1).max(LIMITS.maxTitleLength).optional(),
  notes: z.string().max(LIMITS.maxNotesLength).optional(),
  // wasm: about 6x faster than cpu on this engine's workloads (bench/README.md).
  backend: BackendName.default('wasm'),
};

export type DatasetSpec = z.output<typeof DatasetSpec>;
export type SplitSpec = z.output<typeof SplitSpec>;
export type ScalingSpec = z.output<typeof ScalingSpec>;
export type ModelSpec = z.output<typeof ModelSpec>;
export type OptimizerSpec = z.output<typeof OptimizerSpec>;
export type TrainingSpec = z.output<typeof TrainingSpec>;
type StreamPinsSpec = z.output<typeof PinsSpec>;

/** Everything that decides one seed's training, shared by every kind that trains the MLP. */
export interface TrainingSetup {
  dataset: DatasetSpec;
  split: SplitSpec;
  scaling: ScalingSpec;
  model: ModelSpec;
  training: TrainingSpec;
  pins: StreamPinsSpec;
}
