import { z } from 'zod';
import { LIMITS } from '../../spec/limits.ts';
import { seedSetOf } from '../../spec/seedSet.ts';
import { commonFields, setupFields } from '../../spec/setup.ts';

const ArmSpec = z.strictObject({ label: z.string().trim().min(1).max(60), ...setupFields });

/** A/B: two labelled training setups over the same seeds. */
export const CompareSpec = z.strictObject({
  kind: z.literal('compare'),
  ...commonFields,
  a: ArmSpec,
  b: ArmSpec,
  seeds: seedSetOf(30, LIMITS.maxScaledSeeds),
  /**
   * The smallest difference in test accuracy worth detecting (0.005 = half a percentage point):
   * the report says how many seeds a paired comparison needs to detect it, and whether a tie
   * rules out a difference this large.
   */
  effectSize: z.number().gt(0).max(1).default(0.005),
});
export type CompareSpec = z.output<typeof CompareSpec>;
