import { z } from 'zod';
import { finiteOrNull, Measured, PairedComparison, studyDocumentSchema, V1_HEADER, V1Answer } from '../../document/parts.ts';
import { DataSizeSpec } from './spec.ts';

const CrossoverV1 = z.object({ model: z.string(), size: z.number().int(), direction: z.enum(['mlp-overtakes', 'model-overtakes']) });
const Crossover = CrossoverV1.extend({
  /** The last size at which the other model was significantly ahead; `size` is the first at which it is behind. */
  after: z.number().int(),
});

export const DataSizeVerdict = z.object({
  /** Which model leads at each size, and where the MLP and a classic model change places. */
  question: z.literal('learning-curves'),
  outcome: Measured,
  facts: z.object({
    /**
     * At each size (in the order of `spec.sizes`): the model with the highest mean, compared with
     * every other model seed by seed (the same subset for every model), Bonferroni-adjusted to
     * `level`. It leads outright when every interval lies above zero; otherwise it is tied with
     * `tiedWith`. Null when every run at that size diverged.
     */
    leaders: z.array(
      z.object({
        size: z.number().int(),
        leader: z.string().nullable(),
        tiedWith: z.array(z.string()),
        comparisons: z.array(PairedComparison),
        level: z.number(),
      }),
    ),
    /**
     * MLP minus each classic model at every size, paired by seed, at `level` (Bonferroni over the
     * sizes). `sign` is +1 or -1 when the interval excludes zero, else 0 (tied).
     */
    mlpAgainst: z.array(
      z.object({
        model: z.string(),
        level: z.number(),
        differences: z.array(PairedComparison.omit({ against: true }).extend({ size: z.number().int(), sign: z.number().int() })),
      }),
    ),
    /** Where the significant sign of (MLP - model) flips between two sizes; ties in between do not count. */
    crossovers: z.array(Crossover),
    /** MLP runs that diverged (left out of every mean and comparison). */
    divergedRuns: z.number().int(),
  }),
});
export type DataSizeVerdict = z.infer<typeof DataSizeVerdict>;

const body = {
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
};

const Point = z.object({
  size: z.number().int(),
  /** Over the runs that did not diverge; null when none finished. */
  mean: finiteOrNull,
  std: finiteOrNull,
  min: finiteOrNull,
  max: finiteOrNull,
  /** The seeds, ascending, and each one's test accuracy (null: the run diverged). */
  seeds: z.array(z.number().int()),
  accuracies: z.array(finiteOrNull),
  /** Runs that diverged (the loss became NaN or infinite); null in documents migrated from version 1, which did not record them. */
  diverged: z.number().int().nullable(),
});

export const DataSizeDocument = studyDocumentSchema('data-size', DataSizeSpec, DataSizeVerdict, {
  trainRows: body.trainRows,
  testRows: body.testRows,
  curves: z.array(z.object({ model: z.string(), points: z.array(Point) })),
});
export type DataSizeDocument = z.infer<typeof DataSizeDocument>;

/** Version 1, frozen: crossovers and the leaders at the ends were body fields; the verdict was English. */
export const DataSizeDocumentV1 = z.object({
  ...V1_HEADER,
  kind: z.literal('data-size'),
  spec: DataSizeSpec,
  ...body,
  crossovers: z.array(CrossoverV1),
  leaders: z.object({ smallest: z.string(), largest: z.string() }),
  verdict: z.array(V1Answer),
});
