import { z } from 'zod';
import {
  finiteOrNull,
  No,
  PartialStudy,
  SeedResult,
  studyDocumentSchema,
  Tied,
  Undecided,
  V1_HEADER,
  V1Answer,
  Winner,
  Yes,
} from '../../document/parts.ts';
import { Distribution, RunsInDocument } from '../../document/runSummaries.ts';
import { VARIANCE_SOURCES, VarianceSourcesSpec } from './spec.ts';

export const SOURCE_NAMES = [...VARIANCE_SOURCES, 'all'] as const;
/** Why varying a source cannot move anything in this spec. */
export const UNUSED_REASONS = ['bundled-data', 'fixed-split', 'no-dropout'] as const;

const Interval = z.tuple([z.number(), z.number()]);

export const VarianceSourcesVerdict = z.discriminatedUnion('question', [
  z.object({
    /**
     * The single source with the largest standard deviation. It wins when the F interval of its
     * variance over every other source's lies above 1 (Bonferroni-adjusted to `level`; a source
     * measured with no spread at all is beaten outright); otherwise it is tied with `tiedWith`.
     */
    question: z.literal('largest-source'),
    outcome: z.discriminatedUnion('is', [Winner, Tied, Undecided]),
    facts: z.object({
      /** The single sources by standard deviation, largest first. */
      ranking: z.array(z.enum(VARIANCE_SOURCES)),
      leader: z.enum(VARIANCE_SOURCES).nullable(),
      tiedWith: z.array(z.enum(VARIANCE_SOURCES)),
      /** The leader's variance over each other source's: the ratio and its F interval (null when the other's is zero). */
      comparisons: z.array(z.object({ against: z.enum(VARIANCE_SOURCES), ratio: z.number().nullable(), interval: Interval.nullable() })),
      level: z.number(),
    }),
  }),
  z.object({
    /**
     * Do the single sources add up to "all"? Yes when the bootstrap interval of
     * variance(all) / sum of the single sources' variances contains 1; no when it lies above
     * (the sources amplify each other) or below (they overlap).
     */
    question: z.literal('sources-add-up'),
    outcome: z.discriminatedUnion('is', [Yes, No, Undecided]),
    facts: z.object({ sumOfSingleVariances: z.number(), allVariance: z.number().nullable(), ratioInterval: Interval.nullable() }),
  }),
  z.object({
    /** Every seed has the same fingerprint on cpu and on wasm (yes), or not (no). */
    question: z.literal('backends-agree'),
    /** Undecided (not measured) in a partial study whose cpu-against-wasm unit failed. */
    outcome: z.discriminatedUnion('is', [Yes, No, Undecided]),
    facts: z.object({ identical: z.number().int(), seeds: z.number().int() }),
  }),
]);
export type VarianceSourcesVerdict = z.infer<typeof VarianceSourcesVerdict>;

const Implementation = z.object({
  seeds: z.array(z.number().int()),
  identicalFingerprints: z.number().int(),
  maxAbsWeightDiff: z.number(),
  maxAbsAccuracyDiff: z.number(),
  perSeed: z.array(
    z.object({
      seed: z.number().int(),
      cpu: z.string(),
      wasm: z.string(),
      maxAbsWeightDiff: z.number(),
      cpuAccuracy: finiteOrNull,
      wasmAccuracy: finiteOrNull,
    }),
  ),
});

const SourceV2 = z.object({
  name: z.enum(SOURCE_NAMES),
  /** Over the runs that finished. */
  mean: z.number().nullable(),
  std: z.number().nullable(),
  /** The 95% chi-square interval of the standard deviation (normal runs assumed). */
  stdInterval: Interval.nullable(),
  /**
   * A single source's variance over the sum of the single sources' variances; for "all", its
   * variance over that same sum (1 when the sources add up).
   */
  share: z.number().nullable(),
  /** The 95% percentile bootstrap interval of the share (each source's runs resampled on their own). */
  shareInterval: Interval.nullable(),
  runs: z.array(SeedResult),
  unusedBecause: z.enum(UNUSED_REASONS).nullable(),
});
const Source = SourceV2.extend({
  /** How many runs the source has; `runs` holds them all, or past RUNS_KEPT its lowest, median and highest (the rest: GET .../runs). */
  runCount: z.number().int(),
  runsInDocument: RunsInDocument,
  /** The final test accuracy over the runs that finished: exact quantiles and a histogram (its n: how many finished). */
  distribution: Distribution.nullable(),
});

const body = {
  /**
   * How much one test accuracy moves from test-set sampling alone: the binomial standard error
   * sqrt(p (1 - p) / testRows) at the mean accuracy p of "all" (Bouthillier et al., MLSys 2021).
   */
  testSampling: z.object({ testRows: z.number().int(), accuracy: z.number().nullable(), standardError: z.number().nullable() }),
  implementation: Implementation,
};
export const VarianceSourcesDocument = studyDocumentSchema('variance-sources', VarianceSourcesSpec, VarianceSourcesVerdict, {
  ...body,
  sources: z.array(Source),
});
export type VarianceSourcesDocument = z.infer<typeof VarianceSourcesDocument>;

/** Version 2, frozen: every run of every source in the document. */
export const VarianceSourcesDocumentV2 = z.object({
  spec: VarianceSourcesSpec,
  verdict: z.array(VarianceSourcesVerdict),
  partial: PartialStudy.optional(),
  ...body,
  sources: z.array(SourceV2),
});

/** Version 1, frozen: four sources and "all", English notes on unused sources and an English verdict. */
export const VarianceSourcesDocumentV1 = z.object({
  ...V1_HEADER,
  kind: z.literal('variance-sources'),
  spec: VarianceSourcesSpec,
  sources: z.array(
    z.object({
      name: z.enum(['init', 'order', 'split', 'dropout', 'all']),
      mean: z.number().nullable(),
      std: z.number().nullable(),
      share: z.number().nullable(),
      runs: z.array(SeedResult),
      note: z.string().optional(),
    }),
  ),
  implementation: Implementation,
  verdict: z.array(V1Answer),
});
