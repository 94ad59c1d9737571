import { z } from 'zod';
import { DOCUMENT_VERSION } from '../version.ts';
import { StudySpec } from '../spec/schema.ts';

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
  spec: StudySpec,
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

/** Every study kind's document. Later kinds join this union. */
export const StudyDocument = SeedVarianceDocument;
export type StudyDocument = SeedVarianceDocument;
