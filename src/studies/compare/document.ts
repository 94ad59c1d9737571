import { z } from 'zod';
import { SeedResult, SummaryOrNull, studyDocumentSchema, Tied, Undecided, V1_HEADER, V1Answer, Winner } from '../../document/parts.ts';
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

const Arm = z.object({ label: z.string(), summary: SummaryOrNull, runs: z.array(SeedResult) });
/** P(A's accuracy > B's on fresh seeds): the share of (A seed, B seed) pairs where A wins, ties counting half. */
const probabilityABeatsB = z.number().nullable();

export const CompareDocument = studyDocumentSchema('compare', CompareSpec, CompareVerdict, {
  arms: z.array(Arm),
  /** The mean of the per-seed differences a - b, its 95% paired t interval and their standard deviation. */
  difference: z
    .object({ meanDiff: z.number(), ci95: z.tuple([z.number(), z.number()]), sdDiff: z.number(), pairs: z.number().int() })
    .nullable(),
  probabilityABeatsB,
  /** Seeds a paired comparison needs to detect spec.effectSize at 5% (two-sided) with 80% power, from the measured sdDiff. */
  seedsNeeded: z.object({ effectSize: z.number(), seeds: z.number().int() }).nullable(),
});
export type CompareDocument = z.infer<typeof CompareDocument>;

/** Version 1, frozen: a percentile bootstrap interval, post-hoc seeds for the observed difference, an English verdict. */
export const CompareDocumentV1 = z.object({
  ...V1_HEADER,
  kind: z.literal('compare'),
  spec: CompareSpec,
  arms: z.array(Arm),
  difference: z.object({ meanDiff: z.number(), ci95: z.tuple([z.number(), z.number()]), pairs: z.number().int() }).nullable(),
  probabilityABeatsB,
  seedsToDetect: z.number().int().nullable(),
  verdict: z.array(V1Answer),
});
