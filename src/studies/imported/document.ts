import { z } from 'zod';
import { Measured, Tied, untrainedDocumentSchema, Winner } from '../../document/parts.ts';
import { Distribution, RunsInDocument } from '../../document/runSummaries.ts';
import { ImportedSpec } from './spec.ts';

const Interval = z.tuple([z.number(), z.number()]);

/** Every number one arm's runs give, each with its 95% interval (src/stats/fewRuns.ts). */
const Statistics = z.object({
  n: z.number().int(),
  mean: z.number(),
  meanInterval: Interval,
  std: z.number(),
  stdInterval: Interval,
  median: z.number(),
  medianInterval: Interval,
  iqm: z.number(),
  iqmInterval: Interval,
  min: z.number(),
  max: z.number(),
});

/** A run as the document lists it: its seed, its value and the uploader's fingerprint when given. */
const ImportedRunInDocument = z.object({ seed: z.number().int(), value: z.number(), fingerprint: z.string().optional() });

/** The metric per epoch over the runs that have a curve: the median and the middle half, at most CURVE_EPOCHS_KEPT epochs. */
const CurveBand = z.object({
  runs: z.number().int(),
  epochs: z.array(z.number().int()),
  median: z.array(z.number()),
  q25: z.array(z.number()),
  q75: z.array(z.number()),
});

/** A tail quantile with its distribution-free 95% interval (null where the runs cannot bound it). */
const Tail = z.object({ q: z.number(), value: z.number(), interval: Interval.nullable() });

const Arm = z.object({
  label: z.string(),
  statistics: Statistics,
  runCount: z.number().int(),
  runsInDocument: RunsInDocument,
  /** Every run, or past RUNS_KEPT the ones the report names (best, worst, median, first); the rest: GET .../runs. */
  runs: z.array(ImportedRunInDocument),
  distribution: Distribution,
  medianSeed: z.number().int(),
  /** The best and the worst run by the metric's direction. */
  best: ImportedRunInDocument,
  worst: ImportedRunInDocument,
  curve: CurveBand.nullable(),
  /** With at least TAIL_RUNS runs: the 1st, 5th, 95th and 99th percentiles. */
  tails: z.array(Tail).nullable(),
  /** Runs for the mean's 95% interval to be ± the effect size at this spread (null without an effect size, or beyond a million). */
  runsForPrecision: z.object({ halfWidth: z.number(), runs: z.number().int().nullable() }).nullable(),
});

/** Arm `a` against arm `b` (indices into `arms`): paired on their shared seeds when they share at least two, else Welch. */
export const Comparison = z.object({
  a: z.number().int(),
  b: z.number().int(),
  sharedSeeds: z.number().int(),
  design: z.enum(['paired', 'unpaired']),
  /** mean(a) − mean(b) over what was compared (the shared seeds when paired), in the metric's unit. */
  meanDiff: z.number(),
  /** The paired t or Welch interval at `level`. */
  interval: Interval,
  level: z.number(),
  /** P(a is better than b) by the metric's direction, ties counting half: per shared seed when paired, Mann-Whitney when not. */
  probabilityOfImprovement: z.number(),
  /** Runs (per arm; paired: seeds trained with both) to detect the effect size at 5% with 80% power; null without an effect size. */
  runsNeeded: z.object({ effectSize: z.number(), runs: z.number().int() }).nullable(),
});
export type Comparison = z.infer<typeof Comparison>;

export const ImportedVerdict = z.discriminatedUnion('question', [
  /** One arm: how much the runs spread (the numbers are in the arm). */
  z.object({ question: z.literal('spread'), outcome: Measured, facts: z.object({}) }),
  /** Two arms: the better one when the interval of a − b excludes zero (by the metric's direction), else tied. */
  z.object({
    question: z.literal('a-better-than-b'),
    outcome: z.discriminatedUnion('is', [Winner, Tied]),
    facts: z.object({ withinEffectSize: z.boolean() }),
  }),
  /** Three to ten arms: the leader wins when it beats every other arm (Bonferroni); else it is tied with those it does not beat. */
  z.object({
    question: z.literal('best-arm'),
    outcome: z.discriminatedUnion('is', [Winner, Tied]),
    facts: z.object({ leader: z.string(), tiedWith: z.array(z.string()) }),
  }),
]);
export type ImportedVerdict = z.infer<typeof ImportedVerdict>;

export const ImportedDocument = untrainedDocumentSchema('imported', ImportedSpec, ImportedVerdict, {
  arms: z.array(Arm),
  /** Two arms: a against b. Three or more: the leader against every other arm. One: none. */
  comparisons: z.array(Comparison),
  /** The effect size the runs-needed answers use (spec.effectSize or the unit's default), or null. */
  effectSize: z.number().nullable(),
});
export type ImportedDocument = z.infer<typeof ImportedDocument>;
