import { z } from 'zod';
import { SeedResult, SummaryOrNull, studyDocumentSchema, Tied, Undecided, V1_HEADER, V1Answer, Winner } from '../../document/parts.ts';
import { CompareSpec } from './spec.ts';

export const CompareVerdict = z.object({
  /** Arm "a" or "b" wins when the 95% interval of the paired difference (a - b) excludes zero; else tied. */
  question: z.literal('a-better-than-b'),
  outcome: z.discriminatedUnion('is', [Winner, Tied, Undecided]),
  facts: z.object({ excludesZero: z.boolean() }),
});
export type CompareVerdict = z.infer<typeof CompareVerdict>;

const body = {
  arms: z.array(z.object({ label: z.string(), summary: SummaryOrNull, runs: z.array(SeedResult) })),
  difference: z.object({ meanDiff: z.number(), ci95: z.tuple([z.number(), z.number()]), pairs: z.number().int() }).nullable(),
  /** P(A's accuracy > B's on fresh seeds): the share of (A seed, B seed) pairs where A wins, ties counting half. */
  probabilityABeatsB: z.number().nullable(),
  /** Seeds per arm to detect the observed difference at 95% (two-sided) with 80% power. */
  seedsToDetect: z.number().int().nullable(),
};

export const CompareDocument = studyDocumentSchema('compare', CompareSpec, CompareVerdict, body);
export type CompareDocument = z.infer<typeof CompareDocument>;

/** Version 1, frozen: an English verdict and a title. */
export const CompareDocumentV1 = z.object({
  ...V1_HEADER,
  kind: z.literal('compare'),
  spec: CompareSpec,
  ...body,
  verdict: z.array(V1Answer),
});
