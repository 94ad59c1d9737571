import { z } from 'zod';
import {
  finiteOrNull,
  Measured,
  PairedComparison,
  SeedResult,
  SummaryOrNull,
  studyDocumentSchema,
  Tied,
  Undecided,
  V1_HEADER,
  V1Answer,
  Winner,
} from '../../document/parts.ts';
import { LrScheduleSpec } from './spec.ts';

export const LrScheduleVerdict = z.object({
  /**
   * The schedule with the highest mean wins when its paired intervals against every other schedule
   * (same seeds, Bonferroni-adjusted to `level`) lie above zero; otherwise it is tied with the
   * schedules it does not beat. One schedule alone is only measured.
   */
  question: z.literal('best-schedule'),
  outcome: z.discriminatedUnion('is', [Winner, Tied, Measured, Undecided]),
  facts: z.object({
    /** Schedules by mean accuracy, best first; those whose every run diverged are left out. */
    ranking: z.array(z.string()),
    leader: z.string().nullable(),
    tiedWith: z.array(z.string()),
    /** The leader minus each other schedule, seed by seed. */
    comparisons: z.array(PairedComparison),
    level: z.number(),
    /** Schedules whose last learning rate is not their lowest (a cycle cut short), which can bias their place. */
    notAtMinimum: z.array(z.string()),
  }),
});
export type LrScheduleVerdict = z.infer<typeof LrScheduleVerdict>;

const body = {
  schedules: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      lrCurve: z.object({ steps: z.array(z.number().int()), lrs: z.array(z.number()) }),
      /** The learning rate at the last step, the lowest it reaches, and whether the run ends there. */
      end: z.object({ lastLr: z.number(), lowestLr: z.number(), atMinimum: z.boolean() }),
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
  schedules: z.array(body.schedules.element.omit({ end: true })),
  best: z.string().nullable(),
  verdict: z.array(V1Answer),
});
