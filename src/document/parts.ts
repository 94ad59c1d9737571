import { z } from 'zod';
import { STUDY_ID } from '../spec/studyId.ts';
import { DOCUMENT_VERSION } from '../version.ts';
import { RunRegions } from './decisionRegions.ts';
import { RunStepByStep } from './stepByStep.ts';

/**
 * The pieces every study document is built from: the shared header, verdict outcomes, runs and
 * summaries. Each kind's document schema (src/studies/<kind>/document.ts) composes them. The
 * document is the one contract between the engine, the Worker and the pages.
 */

/** JSON has no NaN: a diverged loss or accuracy is stored as null. */
export const finiteOrNull = z.number().nullable();

export const Environment = z.object({
  tfjs: z.string(),
  backend: z.string(),
  wasmBinary: z.string().optional(),
  runtime: z.enum(['node', 'workerd', 'browser', 'unknown']),
  engine: z.string(),
});
export type Environment = z.infer<typeof Environment>;

export const EpochCurves = z.object({
  trainLoss: z.array(finiteOrNull),
  trainAccuracy: z.array(finiteOrNull),
  testLoss: z.array(finiteOrNull),
  testAccuracy: z.array(finiteOrNull),
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
  /**
   * The run failed to learn (runSeeds.ts `failedToLearn`): its loss became NaN or infinite (at
   * `divergedAtEpoch`), or its final training loss is at least ln K, a uniform guess's. Counted
   * apart, out of every mean and spread. (Engines before 0.5.0 set it for a non-finite loss only.)
   */
  diverged: z.boolean(),
  /** The first epoch whose loss was NaN or infinite; null when every loss was finite. */
  divergedAtEpoch: z.number().int().nullable(),
  curves: EpochCurves,
  environment: Environment,
  /**
   * On a two-feature table: what the trained network predicts over the plane (decisionRegions.ts).
   * Kept in a unit's part, where the run trained; a document keeps the best, median and worst
   * seeds' maps only (`decisionRegions`).
   */
  regions: RunRegions.optional(),
  /** The study's first seed on a two-feature table: its maps as it trained and its first step (stepByStep.ts); the document keeps it as `stepByStep`. */
  stepByStep: RunStepByStep.optional(),
});
export type RunRecord = z.infer<typeof RunRecord>;

/** A short per-seed result: enough to plot, list and fingerprint. */
export const SeedResult = z.object({ seed: z.number().int(), fingerprint: z.string(), testAccuracy: finiteOrNull, diverged: z.boolean() });
export type SeedResult = z.infer<typeof SeedResult>;

/** A run as a unit stores it where the document lists a SeedResult: with its loss and divergence epoch for GET .../runs (absent in results stored before). */
export const RunResult = SeedResult.extend({ testLoss: finiteOrNull.optional(), divergedAtEpoch: z.number().int().nullable().optional() });
export type RunResult = z.infer<typeof RunResult>;

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
export const SummaryOrNull = Summary.nullable();

/**
 * What a verdict concluded, for pages to word and never to re-decide. `measured` answers a
 * "how much" question: the numbers are in the document. `undecided` says why no answer exists.
 */
export const Yes = z.strictObject({ is: z.literal('yes') });
export const No = z.strictObject({ is: z.literal('no') });
export const Tied = z.strictObject({ is: z.literal('tied') });
export const Winner = z.strictObject({ is: z.literal('winner'), who: z.string() });
export const Measured = z.strictObject({ is: z.literal('measured') });
/** Why a question has no answer: the runs failed to learn, one run cannot answer it, no seed gave a suggestion, or the study did not measure it. */
export const Undecided = z.strictObject({
  is: z.literal('undecided'),
  /**
   * all-diverged: every run failed to learn; mostly-failed: more than half did; one-run: one run
   * learned (a spread of one value is undefined); no-suggestion; not-measured.
   */
  because: z.enum(['all-diverged', 'mostly-failed', 'one-run', 'no-suggestion', 'not-measured']),
});

export const ALL_DIVERGED = { is: 'undecided', because: 'all-diverged' } as const;

/**
 * The schema of one kind's document: the shared header (version, kind, id, the normalized spec,
 * the environment the runs recorded, the verdict list) plus the kind's own measured body.
 */
export function studyDocumentSchema<K extends string, S extends z.ZodType, V extends z.ZodType, Body extends z.ZodRawShape>(
  kind: K,
  spec: S,
  verdict: V,
  body: Body,
) {
  return z.object({
    documentVersion: z.literal(DOCUMENT_VERSION),
    kind: z.literal(kind),
    id: z.string().regex(STUDY_ID),
    spec,
    environment: Environment,
    verdict: z.array(verdict).min(1),
    /** Present when some units failed for good: the numbers come from the runs that finished. */
    partial: PartialStudy.optional(),
    ...body,
  });
}

/** The schema of a kind that trains nothing (runs trained elsewhere): the same header without an environment of its own. */
export function untrainedDocumentSchema<K extends string, S extends z.ZodType, V extends z.ZodType, Body extends z.ZodRawShape>(
  kind: K,
  spec: S,
  verdict: V,
  body: Body,
) {
  return studyDocumentSchema(kind, spec, verdict, body).omit({ environment: true });
}

/** The units a partial document lacks: their seeds, why they failed, and after how many attempts. */
export const PartialStudy = z.object({
  failedSeeds: z.array(z.number().int()),
  failures: z.array(z.object({ purpose: z.string(), seeds: z.array(z.number().int()), error: z.string(), attempts: z.number().int() })),
});
export type PartialStudy = z.infer<typeof PartialStudy>;

/** The header fields of a version-1 document that version 2 dropped (titles and sentences are words now). */
export const V1_HEADER = {
  documentVersion: z.literal(1),
  id: z.string(),
  title: z.string(),
  environment: Environment,
};
export const V1Answer = z.object({ question: z.string(), answer: z.string() });

/** A paired comparison as a document stores it: the mean difference over shared seeds and its interval. */
export const PairedComparison = z.object({
  against: z.string(),
  meanDiff: z.number(),
  /** The two-sided paired t interval at the verdict's level, or null with fewer than two pairs. */
  interval: z.tuple([z.number(), z.number()]).nullable(),
  pairs: z.number().int(),
});
export type PairedComparison = z.infer<typeof PairedComparison>;
