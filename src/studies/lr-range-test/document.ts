import { z } from 'zod';
import {
  finiteOrNull,
  Measured,
  No,
  PairedComparison,
  SeedResult,
  SummaryOrNull,
  studyDocumentSchema,
  Undecided,
  V1_HEADER,
  V1Answer,
  Yes,
} from '../../document/parts.ts';
import { LrRangeTestSpec, SUGGESTION_RULES } from './spec.ts';

const SuggestionStats = z.object({
  median: z.number().nullable(),
  q25: z.number().nullable(),
  q75: z.number().nullable(),
  /** log10(q75) - log10(q25): how many decades the suggestion moves between seeds. */
  iqrDecades: z.number().nullable(),
  perSeed: z.array(z.number().nullable()),
});
export type SuggestionStats = z.infer<typeof SuggestionStats>;

export const LrRangeTestVerdict = z.discriminatedUnion('question', [
  z.object({
    /** The chosen rule's median suggestion over the seeds (the numbers are in `suggestions`). */
    question: z.literal('suggested-lr'),
    outcome: z.discriminatedUnion('is', [Measured, Undecided]),
    facts: z.object({ rule: z.enum(SUGGESTION_RULES), seedsWithSuggestion: z.number().int(), seeds: z.number().int() }),
  }),
  z.object({
    /** How far each rule's suggestion moves between seeds (interquartile range in decades). */
    question: z.literal('suggestion-spread'),
    outcome: z.discriminatedUnion('is', [Measured, Undecided]),
    facts: z.object({ rule: z.enum(SUGGESTION_RULES) }),
  }),
  z.object({
    /**
     * Yes when no other multiple of the suggestion trains significantly better than x1 on the same
     * seeds (paired differences other - x1, Bonferroni-adjusted to `level`); no when one does, or
     * when every x1 run diverged.
     */
    question: z.literal('holds-up'),
    outcome: z.discriminatedUnion('is', [Yes, No, Undecided]),
    facts: z.object({
      /** The multiplier with the highest mean accuracy. */
      bestMultiplier: z.number().nullable(),
      /** Each other arm minus x1, seed by seed (`against` is the other arm's multiplier). */
      comparisons: z.array(PairedComparison),
      level: z.number(),
      x1Diverged: z.boolean(),
    }),
  }),
]);
export type LrRangeTestVerdict = z.infer<typeof LrRangeTestVerdict>;

const RangeCurveV1 = z.object({
  seed: z.number().int(),
  losses: z.array(finiteOrNull),
  smoothed: z.array(finiteOrNull),
  /** Batches recorded: up to and including the first whose smoothed loss passed divergeFactor x the best. */
  stoppedAt: z.number().int(),
});
const RangeCurve = RangeCurveV1.extend({
  /** The batches the rules read, [start, end): fastai's recorded[num_it // 10 : -5], cut at a non-finite loss. Null in documents migrated from version 1. */
  window: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
});
const VerificationArm = z.object({ multiplier: z.number(), lr: z.number(), summary: SummaryOrNull, runs: z.array(SeedResult) });

const body = {
  lrs: z.array(z.number()),
  curves: z.array(RangeCurve),
  medianCurve: z.array(finiteOrNull),
  suggestions: z.object({ steepest: SuggestionStats, minOver10: SuggestionStats, valley: SuggestionStats }),
  verification: z.object({ suggestion: z.enum(SUGGESTION_RULES), baseLr: z.number().nullable(), arms: z.array(VerificationArm) }),
};

export const LrRangeTestDocument = studyDocumentSchema('lr-range-test', LrRangeTestSpec, LrRangeTestVerdict, body);
export type LrRangeTestDocument = z.infer<typeof LrRangeTestDocument>;

/** Version 1, frozen: the decisions lived in `verification` and the verdict was English. */
export const LrRangeTestDocumentV1 = z.object({
  ...V1_HEADER,
  kind: z.literal('lr-range-test'),
  spec: LrRangeTestSpec,
  ...body,
  curves: z.array(RangeCurveV1),
  verification: body.verification.extend({ bestMultiplier: z.number().nullable(), holdsUp: z.boolean().nullable() }),
  verdict: z.array(V1Answer),
});
