import { z } from 'zod';
import { commonFields, seedsOf, setupFields } from '../../spec/setup.ts';
import { ScheduleSpec } from './schedules.ts';

/** Several learning-rate schedules, each trained over the same seeds. */
export const LrScheduleSpec = z.strictObject({
  kind: z.literal('lr-schedule'),
  ...commonFields,
  ...setupFields,
  seeds: seedsOf(10),
  schedules: z
    .array(ScheduleSpec)
    .min(1)
    .max(8)
    .refine((xs) => new Set(xs.map((x) => x.name)).size === xs.length, { message: 'schedule names must be distinct' }),
});
export type LrScheduleSpec = z.output<typeof LrScheduleSpec>;
