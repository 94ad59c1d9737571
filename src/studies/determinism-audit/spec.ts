import { z } from 'zod';
import { LIMITS } from '../../spec/limits.ts';
import { commonFields, setupFields } from '../../spec/setup.ts';
import { classicFields, MLP_AND_CLASSIC } from '../data-size/spec.ts';

/** Same seed, another seed, rows reordered: which algorithms give the same model every time? */
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
  ...classicFields,
});
export type DeterminismAuditSpec = z.output<typeof DeterminismAuditSpec>;
