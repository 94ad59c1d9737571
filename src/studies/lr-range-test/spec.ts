import { z } from 'zod';
import { LIMITS } from '../../spec/limits.ts';
import { commonFields, seedsOf, setupFields } from '../../spec/setup.ts';

export const SUGGESTION_RULES = ['steepest', 'minOver10', 'valley'] as const;

/** Smith's learning-rate range test over seeds, then training at the suggestion to check it. */
export const LrRangeTestSpec = z.strictObject({
  kind: z.literal('lr-range-test'),
  ...commonFields,
  ...setupFields,
  seeds: seedsOf(30),
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
      suggestion: z.enum(SUGGESTION_RULES).default('steepest'),
      multipliers: z
        .array(z.number().gt(0).max(1000))
        .min(1)
        .max(5)
        .default([0.1, 1, 10])
        // The check compares the suggestion (x1) with other multiples: with nothing to compare it would "hold up" by default.
        .refine((ms) => ms.includes(1) && ms.some((m) => m !== 1), {
          message: 'must hold 1 (the suggestion itself) and at least one other multiple to compare it with, e.g. [0.1, 1, 10]',
        }),
    })
    .default({ suggestion: 'steepest', multipliers: [0.1, 1, 10] }),
});
export type LrRangeTestSpec = z.output<typeof LrRangeTestSpec>;
