import { z } from 'zod';
import { RegionMap, RunRegions } from './decisionRegions.ts';

/**
 * "Training, step by step": one seed's network as it trained on a two-feature table. Its map of
 * the plane before training and after a few epochs (from the run itself, read back as it trained),
 * and the numbers of its first step. Kept for the study's first seed, which every plan trains.
 */

/** How many epochs are shown after training starts (the first, the last and a few between). */
const EPOCHS_SHOWN = 5;

/** The epochs shown: 1 and the last, and between them a geometric ladder (early epochs change the map most). */
export function snapshotEpochs(epochs: number): number[] {
  const ladder = Array.from({ length: EPOCHS_SHOWN }, (_, i) => Math.round(epochs ** (i / (EPOCHS_SHOWN - 1))));
  return [...new Set(ladder)];
}

const Numbers = z.array(z.number());

/** The first step's numbers (src/train/firstStep.ts), as a document keeps them. */
const FirstStep = z.object({
  /** The tfjs backend whose ops computed these numbers. */
  backend: z.string(),
  batchRows: z.number().int(),
  learningRate: z.number(),
  row: z.object({
    /** The training row, by its place in the seed's training set. */
    index: z.number().int(),
    x: Numbers,
    label: z.number().int(),
    /** Each hidden layer's first units, before and after the activation. */
    hidden: z.array(z.object({ units: z.number().int(), pre: Numbers, post: Numbers })),
    logits: Numbers,
    probabilities: Numbers,
    loss: z.number(),
  }),
  batchLoss: z.number(),
  gradientNorms: Numbers,
  parameters: z.array(
    z.object({
      layer: z.number().int(),
      kind: z.enum(['weight', 'bias']),
      unit: z.number().int(),
      input: z.number().int().nullable(),
      before: z.number(),
      gradient: z.number(),
      after: z.number(),
    }),
  ),
  /**
   * The largest difference between these updated parameters and the ones the study's own trainer
   * leaves after the same step: on wasm the fused kernel, which keeps its gradients inside the
   * module; null on cpu, where these ops are the training path.
   */
  kernelDifference: z.number().nullable(),
});

/** A map after an epoch, with the run's training loss and test accuracy then (null: not finite). */
export const EpochSnapshot = RunRegions.extend({
  epoch: z.number().int(),
  trainLoss: z.number().nullable(),
  testAccuracy: z.number().nullable(),
});
export type EpochSnapshot = z.infer<typeof EpochSnapshot>;

/** What the first seed's run keeps in its unit's part. */
export const RunStepByStep = z.object({ initial: RunRegions, snapshots: z.array(EpochSnapshot), firstStep: FirstStep });
export type RunStepByStep = z.infer<typeof RunStepByStep>;

/** What a document keeps: the run's walk-through, its seed and a sample of its training rows. */
export const StepByStep = RunStepByStep.extend({ seed: z.number().int(), points: RegionMap.shape.points });
export type StepByStep = z.infer<typeof StepByStep>;
