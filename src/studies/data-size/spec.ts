import { z } from 'zod';
import { CLASSIC_MODELS } from '../../classic/classifiers.ts';
import { LIMITS } from '../../spec/limits.ts';
import { commonFields, DatasetSpec, ScalingSpec, SplitSpec, seedsOf, setupFields, TrainingSpec } from '../../spec/setup.ts';

export const MLP_AND_CLASSIC = ['mlp', ...CLASSIC_MODELS] as const;

/** The classic models' settings a spec holds; the SVMs' defaults are scikit-learn's (SVC, LinearSVC). */
export const classicFields = {
  knnK: z.number().int().min(1).max(50).default(5),
  forestTrees: z.number().int().min(1).max(300).default(100),
  svm: z
    .strictObject({
      C: z.number().gt(0).max(1e4).default(1),
      /** "scale": 1 / (features · variance of the training values). */
      gamma: z.union([z.literal('scale'), z.number().gt(0).max(1e4)]).default('scale'),
      tol: z.number().min(1e-6).max(1).default(1e-3),
    })
    .default({ C: 1, gamma: 'scale', tol: 1e-3 }),
  linearSvm: z
    .strictObject({ C: z.number().gt(0).max(1e4).default(1), tol: z.number().min(1e-6).max(1).default(1e-4) })
    .default({ C: 1, tol: 1e-4 }),
};

/** Learning curves: the MLP against classic models as the training set grows, on a fixed test set. */
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
  seeds: seedsOf(10),
  models: z
    .array(z.enum(MLP_AND_CLASSIC))
    .min(1)
    .default([...MLP_AND_CLASSIC]),
  ...classicFields,
});
export type DataSizeSpec = z.output<typeof DataSizeSpec>;
