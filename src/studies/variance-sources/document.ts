import { z } from 'zod';
import {
  finiteOrNull,
  No,
  SeedResult,
  studyDocumentSchema,
  Tied,
  Undecided,
  V1_HEADER,
  V1Answer,
  Winner,
  Yes,
} from '../../document/parts.ts';
import { VARIANCE_SOURCES, VarianceSourcesSpec } from './spec.ts';

export const SOURCE_NAMES = [...VARIANCE_SOURCES, 'all'] as const;

export const VarianceSourcesVerdict = z.discriminatedUnion('question', [
  z.object({
    /** The single source with the largest standard deviation (tied when the top two are equal). */
    question: z.literal('largest-source'),
    outcome: z.discriminatedUnion('is', [Winner, Tied, Undecided]),
    /** The single sources by standard deviation, largest first. */
    facts: z.object({ ranking: z.array(z.enum(VARIANCE_SOURCES)) }),
  }),
  z.object({
    /** Every seed has the same fingerprint on cpu and on wasm (yes), or not (no). */
    question: z.literal('backends-agree'),
    outcome: z.discriminatedUnion('is', [Yes, No]),
    facts: z.object({ identical: z.number().int(), seeds: z.number().int() }),
  }),
]);
export type VarianceSourcesVerdict = z.infer<typeof VarianceSourcesVerdict>;

const Source = z.object({
  name: z.enum(SOURCE_NAMES),
  mean: z.number().nullable(),
  std: z.number().nullable(),
  /** This source's variance over the sum of the single sources' variances (null for "all"). */
  share: z.number().nullable(),
  runs: z.array(SeedResult),
});

const body = {
  sources: z.array(
    Source.extend({
      /** Why varying this source cannot move anything in this spec, or null. */
      unusedBecause: z.enum(['fixed-split', 'no-dropout']).nullable(),
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
};

export const VarianceSourcesDocument = studyDocumentSchema('variance-sources', VarianceSourcesSpec, VarianceSourcesVerdict, body);
export type VarianceSourcesDocument = z.infer<typeof VarianceSourcesDocument>;

/** Version 1, frozen: English notes on unused sources and an English verdict. */
export const VarianceSourcesDocumentV1 = z.object({
  ...V1_HEADER,
  kind: z.literal('variance-sources'),
  spec: VarianceSourcesSpec,
  ...body,
  sources: z.array(Source.extend({ note: z.string().optional() })),
  verdict: z.array(V1Answer),
});
