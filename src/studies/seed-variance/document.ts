import { z } from 'zod';
import { RegionMap } from '../../document/decisionRegions.ts';
import {
  EpochCurves,
  No,
  PartialStudy,
  RunRecord,
  Summary,
  studyDocumentSchema,
  Undecided,
  V1_HEADER,
  V1Answer,
  Yes,
} from '../../document/parts.ts';
import { CurveBands, Distribution, RunsInDocument } from '../../document/runSummaries.ts';
import { StepByStep } from '../../document/stepByStep.ts';
import { SeedVarianceSpec } from './spec.ts';

const Repeatability = z.object({
  seeds: z.array(z.number().int()),
  identical: z.boolean(),
  mismatches: z.array(z.object({ seed: z.number().int(), first: z.string(), second: z.string() })),
});

export const SeedVarianceVerdict = z.discriminatedUnion('question', [
  z.object({
    /** Re-training some seeds in another group gave bit-identical weights (yes) or not (no). */
    question: z.literal('same-seed-same-weights'),
    /** Undecided (not measured) in a partial study whose re-run failed. */
    outcome: z.discriminatedUnion('is', [Yes, No, Undecided]),
    facts: z.object({ example: z.object({ seed: z.number().int(), fingerprint: z.string() }) }),
  }),
  z.object({
    /** Test accuracy differs between seeds (yes) or is the same for all (no). */
    question: z.literal('seed-moves-accuracy'),
    outcome: z.discriminatedUnion('is', [Yes, No, Undecided]),
    facts: z.object({ finished: z.number().int(), diverged: z.number().int() }),
  }),
]);
export type SeedVarianceVerdict = z.infer<typeof SeedVarianceVerdict>;

const body = {
  /** Parameter count of the model and the run shape, for readers and cost estimates. */
  model: z.object({ layerSizes: z.array(z.number().int()), parameters: z.number().int() }),
  data: z.object({ trainRows: z.number().int(), testRows: z.number().int(), features: z.number().int(), classes: z.number().int() }),
  runs: z.array(RunRecord),
  /** Per-epoch median over the runs that did not diverge (for "thin lines plus median" charts). */
  medianCurves: EpochCurves,
  metric: z.literal('testAccuracy'),
  /** Over runs that did not diverge; `diverged` counts the others. */
  summary: Summary.extend({ diverged: z.number().int() }).nullable(),
  repeatability: Repeatability,
  /**
   * On a two-feature table: what the best, the median and the worst seed's networks predict over
   * the plane (each seed once; absent on wider tables and in documents before engine 0.5.0).
   */
  decisionRegions: z
    .array(RegionMap.extend({ role: z.enum(['best', 'median', 'worst']), seed: z.number().int(), accuracy: z.number() }))
    .optional(),
  /** On a two-feature table: the first seed's maps as it trained and its first step in numbers (absent before engine 0.6.0). */
  stepByStep: StepByStep.optional(),
};

const Interval = z.tuple([z.number(), z.number()]);
const Tail = z.object({ value: z.number(), interval: Interval.nullable() });
const Share = z.object({ count: z.number().int(), share: z.number(), interval: Interval });
const SeedScale = z.object({
  n: z.number().int(),
  tails: z.object({ p01: Tail, p05: Tail, p95: Tail, p99: Tail }),
  belowMedian: z.array(Share.extend({ points: z.number() })),
  belowThreshold: Share.extend({ threshold: z.number() }).nullable(),
  bestOf: z.array(z.object({ k: z.number().int(), expected: z.number(), inflation: z.number(), interval: Interval })),
  convergence: z.array(
    z.object({ seeds: z.number().int(), mean: z.number(), meanInterval: Interval, std: z.number(), stdInterval: Interval }),
  ),
});

/** Version 3: summaries that stay small at any seed count, and runs past RUNS_KEPT served from GET .../runs. */
const scaleBody = {
  /** How many runs the study has (the first run of every seed); `runs` holds them all, or the named ones. */
  runCount: z.number().int(),
  runsInDocument: RunsInDocument,
  /** The final test accuracy over the runs that did not diverge: exact quantiles and a histogram. */
  distribution: Distribution.nullable(),
  /** Per epoch, the 5-25-75-95th percentiles of each curve over the runs that did not diverge. */
  curveBands: CurveBands,
  /** The run whose accuracy is nearest the median (the lowest seed among equals), or null. */
  medianSeed: z.number().int().nullable(),
  /** How many seeds are outside Tukey's fences; `summary.outliers` lists at most OUTLIERS_NAMED of the most extreme. */
  outlierCount: z.number().int(),
  /** What many seeds measure (src/stats/tails.ts), over the finished runs; null under two. */
  scale: SeedScale.nullable(),
};

export const SeedVarianceDocument = studyDocumentSchema('seed-variance', SeedVarianceSpec, SeedVarianceVerdict, { ...body, ...scaleBody });

/** Version 2, frozen: every run in the document, no summaries. */
export const SeedVarianceDocumentV2 = z.object({
  spec: SeedVarianceSpec,
  verdict: z.array(SeedVarianceVerdict),
  partial: PartialStudy.optional(),
  ...body,
});
export type SeedVarianceDocument = z.infer<typeof SeedVarianceDocument>;

/** Version 1, frozen: English answers instead of a verdict, a title, no shared verdict header. */
export const SeedVarianceDocumentV1 = z.object({
  ...V1_HEADER,
  kind: z.literal('seed-variance'),
  spec: SeedVarianceSpec,
  ...body,
  answers: z.object({ deterministic: V1Answer, seedEffect: V1Answer }),
});
