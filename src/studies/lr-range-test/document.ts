import { z } from 'zod';
import {
  finiteOrNull,
  Measured,
  No,
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
    /** Training at the suggestion (x1) is best, or its 95% t interval overlaps the best arm's. */
    question: z.literal('holds-up'),
    outcome: z.discriminatedUnion('is', [Yes, No, Undecided]),
    facts: z.object({ bestMultiplier: z.number().nullable() }),
  }),
]);
export type LrRangeTestVerdict = z.infer<typeof LrRangeTestVerdict>;

const RangeCurve = z.object({
  seed: z.number().int(),
  losses: z.array(finiteOrNull),
  smoothed: z.array(finiteOrNull),
  stoppedAt: z.number().int(),
});
export const VerificationArm = z.object({ multiplier: z.number(), lr: z.number(), summary: SummaryOrNull, runs: z.array(SeedResult) });

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
  verification: body.verification.extend({ bestMultiplier: z.number().nullable(), holdsUp: z.boolean().nullable() }),
  verdict: z.array(V1Answer),
});
