import { z } from 'zod';
import {
  PartialStudy,
  SeedResult,
  SummaryOrNull,
  studyDocumentSchema,
  Tied,
  Undecided,
  V1_HEADER,
  V1Answer,
  Winner,
} from '../../document/parts.ts';
import { Distribution, RunsInDocument } from '../../document/runSummaries.ts';
import { CompareSpec } from './spec.ts';

export const CompareVerdict = z.object({
  /**
   * Arm "a" or "b" wins when the 95% paired t interval of a - b excludes zero; else tied. A tie
   * whose interval lies inside (-effectSize, effectSize) also rules out a difference that large.
   */
  question: z.literal('a-better-than-b'),
  outcome: z.discriminatedUnion('is', [Winner, Tied, Undecided]),
  facts: z.object({ excludesZero: z.boolean(), withinEffectSize: z.boolean(), effectSize: z.number() }),
});
export type CompareVerdict = z.infer<typeof CompareVerdict>;

const ArmV2 = z.object({ label: z.string(), summary: SummaryOrNull, runs: z.array(SeedResult) });
const Arm = ArmV2.extend({
  /** How many runs the arm has; `runs` holds them all, or past RUNS_KEPT the named ones (the rest: GET .../runs). */
  runCount: z.number().int(),
  runsInDocument: RunsInDocument,
  /** The final test accuracy over the runs that did not diverge: exact quantiles and a histogram. */
  distribution: Distribution.nullable(),
  /** The run whose accuracy is nearest the median (the lowest seed among equals), or null. */
  medianSeed: z.number().int().nullable(),
  /** Seeds outside Tukey's fences; `summary.outliers` names at most 20 of the most extreme. */
  outlierCount: z.number().int(),
});
/** P(A's accuracy > B's on fresh seeds): the share of (A seed, B seed) pairs where A wins, ties counting half. */
const probabilityABeatsB = z.number().nullable();

const body = {
  /** The mean of the per-seed differences a - b, its 95% paired t interval and their standard deviation. */
  difference: z
    .object({ meanDiff: z.number(), ci95: z.tuple([z.number(), z.number()]), sdDiff: z.number(), pairs: z.number().int() })
    .nullable(),
  probabilityABeatsB,
  /** Seeds a paired comparison needs to detect spec.effectSize at 5% (two-sided) with 80% power, from the measured sdDiff. */
  seedsNeeded: z.object({ effectSize: z.number(), seeds: z.number().int() }).nullable(),
};
export const CompareDocument = studyDocumentSchema('compare', CompareSpec, CompareVerdict, { ...body, arms: z.array(Arm) });
/** Version 2, frozen: every run in each arm, no counts or distributions. */
export const CompareDocumentV2 = z.object({
  spec: CompareSpec,
  verdict: z.array(CompareVerdict),
  partial: PartialStudy.optional(),
  ...body,
  arms: z.array(ArmV2),
});
export type CompareDocument = z.infer<typeof CompareDocument>;

/** Version 1, frozen: a percentile bootstrap interval, post-hoc seeds for the observed difference, an English verdict. */
export const CompareDocumentV1 = z.object({
  ...V1_HEADER,
  kind: z.literal('compare'),
  spec: CompareSpec,
  arms: z.array(ArmV2),
  difference: z.object({ meanDiff: z.number(), ci95: z.tuple([z.number(), z.number()]), pairs: z.number().int() }).nullable(),
  probabilityABeatsB,
  seedsToDetect: z.number().int().nullable(),
  verdict: z.array(V1Answer),
});
