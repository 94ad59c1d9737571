import { z } from 'zod';
import { LIMITS } from '../../spec/limits.ts';
import { commonFields, setupFields } from '../../spec/setup.ts';

/** The streams a run draws from (seedStreams.ts), upstream first: data (synthetic sets), split, init, order, dropout. */
export const VARIANCE_SOURCES = ['data', 'split', 'init', 'order', 'dropout'] as const;

/** One source of randomness varied at a time, all at once, and the same seeds on cpu and wasm. */
export const VarianceSourcesSpec = z.strictObject({
  kind: z.literal('variance-sources'),
  ...commonFields,
  ...setupFields,
  /** Runs per source: seeds 1..runs vary that source while the others stay at baseSeed. */
  runs: z.number().int().min(2).max(LIMITS.maxRunsPerSource).default(30),
  baseSeed: z.number().int().min(1).max(LIMITS.maxSeed).default(1),
  /** Seeds trained on both cpu and wasm for the implementation-level comparison. */
  implementationSeeds: z.number().int().min(1).max(30).default(5),
});
export type VarianceSourcesSpec = z.output<typeof VarianceSourcesSpec>;
