import { z } from 'zod';
import { Measured, studyDocumentSchema, V1_HEADER, V1Answer } from '../../document/parts.ts';
import { DataSizeSpec } from './spec.ts';

const Crossover = z.object({ model: z.string(), size: z.number().int(), direction: z.enum(['mlp-overtakes', 'model-overtakes']) });

export const DataSizeVerdict = z.object({
  /** Which model leads at each size, and where the MLP and a classic model change places. */
  question: z.literal('learning-curves'),
  outcome: z.discriminatedUnion('is', [Measured]),
  facts: z.object({
    /** The model with the highest mean accuracy at each size, in the order of `spec.sizes`. */
    leaders: z.array(z.object({ size: z.number().int(), model: z.string() })),
    /** Sizes at which the sign of (MLP mean - model mean) changes from the previous size. */
    crossovers: z.array(Crossover),
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

export const DataSizeDocument = studyDocumentSchema('data-size', DataSizeSpec, DataSizeVerdict, body);
export type DataSizeDocument = z.infer<typeof DataSizeDocument>;

/** Version 1, frozen: crossovers and the leaders at the ends were body fields; the verdict was English. */
export const DataSizeDocumentV1 = z.object({
  ...V1_HEADER,
  kind: z.literal('data-size'),
  spec: DataSizeSpec,
  ...body,
  crossovers: z.array(Crossover),
  leaders: z.object({ smallest: z.string(), largest: z.string() }),
  verdict: z.array(V1Answer),
});
