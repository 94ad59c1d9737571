import { z } from 'zod';
import { DOCUMENT_VERSION } from '../version.ts';
import {
  CompareSpec,
  DataSizeSpec,
  DeterminismAuditSpec,
  LrRangeTestSpec,
  LrScheduleSpec,
  SeedVarianceSpec,
  VarianceSourcesSpec,
} from '../spec/schema.ts';

/**
 * The study document: the one contract between the engine, the API and the site. The site
 * validates every document with this schema before rendering it.
 */
const finiteOrNull = z.number().nullable(); // JSON has no NaN: a diverged loss is stored as null

export const Environment = z.object({
  tfjs: z.string(),
  backend: z.string(),
  wasmBinary: z.string().optional(),
  runtime: z.enum(['node', 'workerd', 'browser', 'unknown']),
  engine: z.string(),
});

export const RunRecord = z.object({
  seed: z.number().int(),
  /** The source seed behind each stream (the run seed, or a pinned one). */
  streams: z.object({ data: z.number(), split: z.number(), init: z.number(), order: z.number(), dropout: z.number() }),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  testAccuracy: finiteOrNull,
  testLoss: finiteOrNull,
  trainAccuracy: finiteOrNull,
  trainLoss: finiteOrNull,
  diverged: z.boolean(),
  divergedAtEpoch: z.number().int().nullable(),
  curves: z.object({
    trainLoss: z.array(finiteOrNull),
    trainAccuracy: z.array(finiteOrNull),
    testLoss: z.array(finiteOrNull),
    testAccuracy: z.array(finiteOrNull),
  }),
  environment: Environment,
});
export type RunRecord = z.infer<typeof RunRecord>;

const SeedValue = z.object({ seed: z.number().int(), value: z.number() });
export const Summary = z.object({
  n: z.number().int(),
  mean: z.number(),
  std: z.number(),
  min: z.number(),
  max: z.number(),
  median: z.number(),
  q25: z.number(),
  q75: z.number(),
  ci95: z.object({ t: z.tuple([z.number(), z.number()]), bootstrap: z.tuple([z.number(), z.number()]) }),
  best: SeedValue,
  worst: SeedValue,
  outliers: z.array(SeedValue),
});

export const Repeatability = z.object({
  seeds: z.array(z.number().int()),
  identical: z.boolean(),
  mismatches: z.array(z.object({ seed: z.number().int(), first: z.string(), second: z.string() })),
});

export const Answer = z.object({ question: z.string(), answer: z.string() });

export const SeedVarianceDocument = z.object({
  documentVersion: z.literal(DOCUMENT_VERSION),
  kind: z.literal('seed-variance'),
  id: z.string(),
  title: z.string(),
  spec: SeedVarianceSpec,
  environment: Environment,
  /** Parameter count of the model and the run shape, for readers and cost estimates. */
  model: z.object({ layerSizes: z.array(z.number().int()), parameters: z.number().int() }),
  data: z.object({ trainRows: z.number().int(), testRows: z.number().int(), features: z.number().int(), classes: z.number().int() }),
  runs: z.array(RunRecord),
  /** Per-epoch median over the runs that did not diverge (for "thin lines plus median" charts). */
  medianCurves: z.object({
    trainLoss: z.array(finiteOrNull),
    trainAccuracy: z.array(finiteOrNull),
    testLoss: z.array(finiteOrNull),
    testAccuracy: z.array(finiteOrNull),
  }),
  metric: z.literal('testAccuracy'),
  /** Over runs that did not diverge; `diverged` counts the others. */
  summary: Summary.extend({ diverged: z.number().int() }).nullable(),
  repeatability: Repeatability,
  answers: z.object({ deterministic: Answer, seedEffect: Answer }),
});
export type SeedVarianceDocument = z.infer<typeof SeedVarianceDocument>;

const header = {
  documentVersion: z.literal(DOCUMENT_VERSION),
  id: z.string(),
  title: z.string(),
  environment: Environment,
  /** The study's questions answered in plain words (English; the site words them per locale from the numbers). */
  verdict: z.array(Answer),
};

/** A short per-seed result: enough to plot, list and fingerprint. */
export const SeedResult = z.object({ seed: z.number().int(), fingerprint: z.string(), testAccuracy: finiteOrNull, diverged: z.boolean() });
export type SeedResult = z.infer<typeof SeedResult>;
const SummaryOrNull = Summary.nullable();

const SuggestionStats = z.object({
  median: z.number().nullable(),
  q25: z.number().nullable(),
  q75: z.number().nullable(),
  /** log10(q75) - log10(q25): how many decades the suggestion moves between seeds. */
  iqrDecades: z.number().nullable(),
  perSeed: z.array(z.number().nullable()),
});

export const LrRangeTestDocument = z.object({
  kind: z.literal('lr-range-test'),
  ...header,
  spec: LrRangeTestSpec,
  lrs: z.array(z.number()),
  curves: z.array(
    z.object({ seed: z.number().int(), losses: z.array(finiteOrNull), smoothed: z.array(finiteOrNull), stoppedAt: z.number().int() }),
  ),
  medianCurve: z.array(finiteOrNull),
  suggestions: z.object({ steepest: SuggestionStats, minOver10: SuggestionStats, valley: SuggestionStats }),
  verification: z.object({
    suggestion: z.enum(['steepest', 'minOver10', 'valley']),
    baseLr: z.number().nullable(),
    arms: z.array(z.object({ multiplier: z.number(), lr: z.number(), summary: SummaryOrNull, runs: z.array(SeedResult) })),
    bestMultiplier: z.number().nullable(),
    holdsUp: z.boolean().nullable(),
  }),
});
export type LrRangeTestDocument = z.infer<typeof LrRangeTestDocument>;

export const LrScheduleDocument = z.object({
  kind: z.literal('lr-schedule'),
  ...header,
  spec: LrScheduleSpec,
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
  best: z.string().nullable(),
});
export type LrScheduleDocument = z.infer<typeof LrScheduleDocument>;

export const DataSizeDocument = z.object({
  kind: z.literal('data-size'),
  ...header,
  spec: DataSizeSpec,
  trainRows: z.number().int(),
  testRows: z.number().int(),
  curves: z.array(
    z.object({
      model: z.string(),
      points: z.array(
        z.object({
          size: z.number().int(),
          mean: z.number(),
          std: z.number(),
          min: z.number(),
          max: z.number(),
          accuracies: z.array(z.number()),
        }),
      ),
    }),
  ),
  crossovers: z.array(z.object({ model: z.string(), size: z.number().int(), direction: z.enum(['mlp-overtakes', 'model-overtakes']) })),
  /** Best model by mean accuracy at the smallest and the largest size. */
  leaders: z.object({ smallest: z.string(), largest: z.string() }),
});
export type DataSizeDocument = z.infer<typeof DataSizeDocument>;

export const VarianceSourcesDocument = z.object({
  kind: z.literal('variance-sources'),
  ...header,
  spec: VarianceSourcesSpec,
  sources: z.array(
    z.object({
      name: z.enum(['init', 'order', 'split', 'dropout', 'all']),
      mean: z.number().nullable(),
      std: z.number().nullable(),
      /** This source's variance over the sum of the single sources' variances (null for "all"). */
      share: z.number().nullable(),
      runs: z.array(SeedResult),
      note: z.string().optional(),
    }),
  ),
  implementation: z.object({
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
  }),
});
export type VarianceSourcesDocument = z.infer<typeof VarianceSourcesDocument>;

export const DeterminismAuditDocument = z.object({
  kind: z.literal('determinism-audit'),
  ...header,
  spec: DeterminismAuditSpec,
  rows: z.array(
    z.object({
      model: z.string(),
      /** What "identical" compares: the learned parameters bit for bit, or (kNN) the test predictions. */
      comparedBy: z.enum(['parameters', 'predictions']),
      sameSeedIdentical: z.boolean(),
      differentSeedIdentical: z.boolean(),
      permutedRowsIdentical: z.boolean(),
      predictions: z.object({ sameSeed: z.boolean(), differentSeed: z.boolean(), permutedRows: z.boolean() }),
      testAccuracy: z.number(),
      category: z.enum(['always-same', 'varies']),
    }),
  ),
});
export type DeterminismAuditDocument = z.infer<typeof DeterminismAuditDocument>;

export const CompareDocument = z.object({
  kind: z.literal('compare'),
  ...header,
  spec: CompareSpec,
  arms: z.array(z.object({ label: z.string(), summary: SummaryOrNull, runs: z.array(SeedResult) })),
  difference: z.object({ meanDiff: z.number(), ci95: z.tuple([z.number(), z.number()]), pairs: z.number().int() }).nullable(),
  /** P(A's accuracy > B's on fresh seeds): the share of (A seed, B seed) pairs where A wins, ties counting half. */
  probabilityABeatsB: z.number().nullable(),
  /** Seeds per arm to detect the observed difference at 95% (two-sided) with 80% power. */
  seedsToDetect: z.number().int().nullable(),
});
export type CompareDocument = z.infer<typeof CompareDocument>;

/** Every study kind's document. */
export const StudyDocument = z.discriminatedUnion('kind', [
  SeedVarianceDocument,
  LrRangeTestDocument,
  LrScheduleDocument,
  DataSizeDocument,
  VarianceSourcesDocument,
  DeterminismAuditDocument,
  CompareDocument,
]);
export type StudyDocument = z.infer<typeof StudyDocument>;
