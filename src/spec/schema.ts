import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { STREAM_NAMES } from '../random/seedStreams.ts';
import { CLASSIC_MODELS } from '../classic/classifiers.ts';
import { ScheduleSpec } from '../train/schedules.ts';

export const BUNDLED_DATASETS = ['digits', 'iris', 'wine', 'breast-cancer'] as const;
export const SYNTHETIC_DATASETS = ['circles', 'xor', 'blobs', 'spiral', 'moons'] as const;
export const DATASET_NAMES = [...BUNDLED_DATASETS, ...SYNTHETIC_DATASETS] as const;

const positiveInt = (max: number) => z.number().int().min(1).max(max);
const seedValue = z.number().int().min(1).max(LIMITS.maxSeed);

export const DatasetSpec = z.discriminatedUnion('name', [
  z.strictObject({ name: z.enum(BUNDLED_DATASETS) }),
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
});

/** `seeds` is a list or a count (count n means seeds 1..n); normalized to a sorted list. */
const seedsOf = (defaultCount: number) =>
  z
    .union([positiveInt(LIMITS.maxSeeds), z.array(seedValue).min(1).max(LIMITS.maxSeeds)], {
      error: `seeds must be a count from 1 to ${LIMITS.maxSeeds}, or a list of 1 to ${LIMITS.maxSeeds} integer seeds from 1 to ${LIMITS.maxSeed}`,
    })
    .default(defaultCount)
    .transform((s) => (typeof s === 'number' ? Array.from({ length: s }, (_, i) => i + 1) : [...s].sort((a, b) => a - b)))
    .refine((s) => new Set(s).size === s.length, { message: 'seeds must be distinct' });
export const SeedsSpec = seedsOf(30);

export const PinsSpec = z.strictObject(
  Object.fromEntries(STREAM_NAMES.map((n) => [n, seedValue.optional()])) as Record<
    (typeof STREAM_NAMES)[number],
    z.ZodOptional<typeof seedValue>
  >,
);

export const BackendName = z.enum(['cpu', 'wasm']);
export type BackendName = z.infer<typeof BackendName>;

/** What decides one seed's training; every kind that trains the MLP shares these fields. */
const setupFields = {
  dataset: DatasetSpec,
  split: SplitSpec,
  scaling: ScalingSpec.default({ kind: 'none' }),
  model: ModelSpec.default({ hidden: [32], activation: 'relu', initializer: 'glorotUniform', dropout: 0 }),
  training: TrainingSpec,
  /** Streams pinned to a fixed seed for every run (the others follow the run seed). */
  pins: PinsSpec.default({}),
};

const commonFields = {
  title: z.string().trim().min(1).max(LIMITS.maxTitleLength).optional(),
  notes: z.string().max(LIMITS.maxNotesLength).optional(),
  // wasm: about 6x faster than cpu on this engine's workloads (bench/README.md).
  backend: BackendName.default('wasm'),
};

const seedsDefault = seedsOf;

export const SeedVarianceSpec = z.strictObject({
  kind: z.literal('seed-variance'),
  ...commonFields,
  ...setupFields,
  seeds: SeedsSpec,
});

export const LrRangeTestSpec = z.strictObject({
  kind: z.literal('lr-range-test'),
  ...commonFields,
  ...setupFields,
  seeds: seedsDefault(30),
  /** The sweep: lr grows every batch from startLr to endLr over `iterations` batches. */
  range: z
    .strictObject({
      startLr: z.number().gt(0).max(100).default(1e-5),
      endLr: z.number().gt(0).max(1000).default(10),
      iterations: z.number().int().min(20).max(LIMITS.maxRangeIterations).default(100),
      mode: z.enum(['exponential', 'linear']).default('exponential'),
      smoothing: z.number().min(0).lt(1).default(0.98),
      divergeFactor: z.number().gt(1).max(100).default(4),
    })
    .default({ startLr: 1e-5, endLr: 10, iterations: 100, mode: 'exponential', smoothing: 0.98, divergeFactor: 4 })
    .refine((r) => r.endLr > r.startLr, { message: 'endLr must be greater than startLr', path: ['endLr'] }),
  /** Closing the loop: train at the suggestion times each multiplier (training.optimizer.lr is replaced). */
  verify: z
    .strictObject({
      suggestion: z.enum(['steepest', 'minOver10', 'valley']).default('steepest'),
      multipliers: z.array(z.number().gt(0).max(1000)).min(1).max(5).default([0.1, 1, 10]),
    })
    .default({ suggestion: 'steepest', multipliers: [0.1, 1, 10] }),
});

export const LrScheduleSpec = z.strictObject({
  kind: z.literal('lr-schedule'),
  ...commonFields,
  ...setupFields,
  seeds: seedsDefault(10),
  schedules: z
    .array(ScheduleSpec)
    .min(1)
    .max(8)
    .refine((xs) => new Set(xs.map((x) => x.name)).size === xs.length, { message: 'schedule names must be distinct' }),
});

export const MLP_AND_CLASSIC = ['mlp', ...CLASSIC_MODELS] as const;

export const DataSizeSpec = z.strictObject({
  kind: z.literal('data-size'),
  ...commonFields,
  dataset: DatasetSpec,
  /** The fixed test set. */
  split: SplitSpec,
  scaling: ScalingSpec.default({ kind: 'none' }),
  model: setupFields.model,
  training: TrainingSpec,
  /** The MLP trains for this many gradient steps at every size (a fixed budget). */
  steps: z.number().int().min(1).max(LIMITS.maxSteps).default(1000),
  /** Training-set sizes; each is a seeded stratified subset (the split stream) of the training rows. */
  sizes: z
    .array(z.number().int().min(10).max(100_000))
    .min(2)
    .max(12)
    .transform((xs) => [...xs].sort((a, b) => a - b))
    .refine((xs) => new Set(xs).size === xs.length, { message: 'sizes must be distinct' }),
  seeds: seedsDefault(10),
  models: z
    .array(z.enum(MLP_AND_CLASSIC))
    .min(1)
    .default([...MLP_AND_CLASSIC]),
  knnK: z.number().int().min(1).max(50).default(5),
  forestTrees: z.number().int().min(1).max(300).default(100),
});

export const VARIANCE_SOURCES = ['init', 'order', 'split', 'dropout'] as const;

export const VarianceSourcesSpec = z.strictObject({
  kind: z.literal('variance-sources'),
  ...commonFields,
  ...setupFields,
  /** Runs per source: seeds 1..runs vary that source while the others stay at baseSeed. */
  runs: z.number().int().min(2).max(LIMITS.maxSeeds).default(30),
  baseSeed: z.number().int().min(1).max(LIMITS.maxSeed).default(1),
  /** Seeds trained on both cpu and wasm for the implementation-level comparison. */
  implementationSeeds: z.number().int().min(1).max(30).default(5),
});

export const DeterminismAuditSpec = z.strictObject({
  kind: z.literal('determinism-audit'),
  ...commonFields,
  ...setupFields,
  models: z
    .array(z.enum(MLP_AND_CLASSIC))
    .min(1)
    .default([...MLP_AND_CLASSIC]),
  seed: z.number().int().min(1).max(LIMITS.maxSeed).default(1),
  otherSeed: z.number().int().min(1).max(LIMITS.maxSeed).default(2),
  knnK: z.number().int().min(1).max(50).default(5),
  forestTrees: z.number().int().min(1).max(300).default(100),
});

const ArmSpec = z.strictObject({ label: z.string().trim().min(1).max(60), ...setupFields });

export const CompareSpec = z.strictObject({
  kind: z.literal('compare'),
  ...commonFields,
  a: ArmSpec,
  b: ArmSpec,
  seeds: seedsDefault(30),
});

export type SeedVarianceSpec = z.output<typeof SeedVarianceSpec>;
export type LrRangeTestSpec = z.output<typeof LrRangeTestSpec>;
export type LrScheduleSpec = z.output<typeof LrScheduleSpec>;
export type DataSizeSpec = z.output<typeof DataSizeSpec>;
export type VarianceSourcesSpec = z.output<typeof VarianceSourcesSpec>;
export type DeterminismAuditSpec = z.output<typeof DeterminismAuditSpec>;
export type CompareSpec = z.output<typeof CompareSpec>;
export type ArmSpec = z.output<typeof ArmSpec>;
export type DatasetSpec = z.output<typeof DatasetSpec>;
export type SplitSpec = z.output<typeof SplitSpec>;
export type ScalingSpec = z.output<typeof ScalingSpec>;
export type ModelSpec = z.output<typeof ModelSpec>;
export type OptimizerSpec = z.output<typeof OptimizerSpec>;
export type TrainingSpec = z.output<typeof TrainingSpec>;

export const STUDY_KINDS = [
  'seed-variance',
  'lr-range-test',
  'lr-schedule',
  'data-size',
  'variance-sources',
  'determinism-audit',
  'compare',
] as const;
export type StudyKind = (typeof STUDY_KINDS)[number];

/** Every study kind's spec. `kind` defaults to seed-variance. */
export const StudySpec = z.preprocess(
  (v) => (v && typeof v === 'object' && !Array.isArray(v) && !('kind' in v) ? { ...v, kind: 'seed-variance' } : v),
  z.discriminatedUnion('kind', [
    SeedVarianceSpec,
    LrRangeTestSpec,
    LrScheduleSpec,
    DataSizeSpec,
    VarianceSourcesSpec,
    DeterminismAuditSpec,
    CompareSpec,
  ]),
);
export type StudySpec = z.output<typeof StudySpec>;
export type StudySpecInput = Record<string, unknown>;

export interface SpecIssue {
  path: string;
  message: string;
}

export class SpecError extends Error {
  readonly issues: SpecIssue[];
  constructor(issues: SpecIssue[]) {
    super(`Invalid study spec:\n${issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`).join('\n')}`);
    this.name = 'SpecError';
    this.issues = issues;
  }
}

/** Validates and normalizes a spec (defaults filled in). Throws SpecError naming each bad field. */
export function parseStudySpec(input: unknown): StudySpec {
  const result = StudySpec.safeParse(input);
  if (!result.success) {
    throw new SpecError(result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
  }
  return result.data;
}

/** parseStudySpec for callers that need one kind (a spec of another kind is a SpecError on `kind`). */
export function parseSpecOfKind<K extends StudyKind>(input: unknown, kind: K): Extract<StudySpec, { kind: K }> {
  const spec = parseStudySpec(input);
  if (spec.kind !== kind) throw new SpecError([{ path: 'kind', message: `expected a ${kind} spec, got ${spec.kind}` }]);
  return spec as Extract<StudySpec, { kind: K }>;
}
