import { z } from 'zod';
import { LIMITS } from '../../spec/limits.ts';
import { seedSetOf } from '../../spec/seedSet.ts';
import { commonFields, setupFields } from '../../spec/setup.ts';

/** The same network trained with many seeds: how far accuracy moves, and whether a seed repeats. */
export const SeedVarianceSpec = z.strictObject({
  kind: z.literal('seed-variance'),
  ...commonFields,
  ...setupFields,
  seeds: seedSetOf(30, LIMITS.maxScaledSeeds),
  /** Optional: the accuracy a seed must reach; the report says how many fall below it (absent from the id when absent). */
  threshold: z.number().gt(0).max(1).optional(),
});
export type SeedVarianceSpec = z.output<typeof SeedVarianceSpec>;
