import { z } from 'zod';
import {
  finiteOrNull,
  SeedResult,
  SummaryOrNull,
  studyDocumentSchema,
  Undecided,
  V1_HEADER,
  V1Answer,
  Winner,
} from '../../document/parts.ts';
import { LrScheduleSpec } from './spec.ts';

export const LrScheduleVerdict = z.object({
  /** The schedule with the highest mean test accuracy over the same seeds. */
  question: z.literal('best-schedule'),
  outcome: z.discriminatedUnion('is', [Winner, Undecided]),
  /** Schedules by mean accuracy, best first; those whose every run diverged are left out. */
  facts: z.object({ ranking: z.array(z.string()) }),
});
export type LrScheduleVerdict = z.infer<typeof LrScheduleVerdict>;

const body = {
  schedules: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      lrCurve: z.object({ steps: z.array(z.number().int()), lrs: z.array(z.number()) }),
      summary: SummaryOrNull,
      runs: z.array(SeedResult),
      medianCurves: z.object({ testAccuracy: z.array(finiteOrNull), trainLoss: z.array(finiteOrNull) }),
    }),
  ),
};

export const LrScheduleDocument = studyDocumentSchema('lr-schedule', LrScheduleSpec, LrScheduleVerdict, body);
export type LrScheduleDocument = z.infer<typeof LrScheduleDocument>;

/** Version 1, frozen: the best schedule was a body field and the verdict was English. */
export const LrScheduleDocumentV1 = z.object({
  ...V1_HEADER,
  kind: z.literal('lr-schedule'),
  spec: LrScheduleSpec,
  ...body,
  best: z.string().nullable(),
  verdict: z.array(V1Answer),
});
