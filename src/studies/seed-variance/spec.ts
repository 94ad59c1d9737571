import { z } from 'zod';
import { commonFields, seedsOf, setupFields } from '../../spec/setup.ts';

/** The same network trained with many seeds: how far accuracy moves, and whether a seed repeats. */
export const SeedVarianceSpec = z.strictObject({
  kind: z.literal('seed-variance'),
  ...commonFields,
  ...setupFields,
  seeds: seedsOf(30),
});
export type SeedVarianceSpec = z.output<typeof SeedVarianceSpec>;
