import { z } from 'zod';
import { No, studyDocumentSchema, V1_HEADER, V1Answer, Yes } from '../../document/parts.ts';
import { DeterminismAuditSpec } from './spec.ts';

/** How two fits of one algorithm compare. */
export const Comparison = z.object({
  outcome: z.enum(['bit-identical', 'same-predictions', 'different-predictions']),
  /** The largest absolute difference between the two parameter vectors, when they have the same shape (not kNN, not trees of two shapes). */
  maxAbsParameterDiff: z.number().nullable(),
});
export type Comparison = z.infer<typeof Comparison>;

/**
 * The class of an algorithm, from its comparisons: the same model whatever the seed and the row
 * order; a model that changes only with the row order; one that changes with the seed (and repeats
 * with it); or one that changes between two runs of the same seed on the same rows.
 */
export const DETERMINISM_CLASSES = ['deterministic', 'order-dependent', 'seed-dependent', 'nondeterministic'] as const;

const AuditRowBase = z.object({
  model: z.string(),
  /** What "identical" compares: the learned parameters bit for bit, or (kNN) the test predictions. */
  comparedBy: z.enum(['parameters', 'predictions']),
  /** Bit-identical: the same seed again, another seed, the same seed with the training rows in another order. */
  sameSeedIdentical: z.boolean(),
  differentSeedIdentical: z.boolean(),
  permutedRowsIdentical: z.boolean(),
  predictions: z.object({ sameSeed: z.boolean(), differentSeed: z.boolean(), permutedRows: z.boolean() }),
  testAccuracy: z.number(),
});

export const AuditRow = AuditRowBase.extend({
  comparisons: z.object({ sameSeed: Comparison, differentSeed: Comparison, permutedRows: Comparison }),
  category: z.enum(DETERMINISM_CLASSES),
  /** The MLP: after each epoch, the largest weight difference between the two runs of the same seed. */
  drift: z.array(z.object({ epoch: z.number().int(), maxAbsWeightDiff: z.number() })).nullable(),
});
export type AuditRow = z.infer<typeof AuditRow>;

export const DeterminismAuditVerdict = z.object({
  /** Every algorithm gave the same model for the same seed, another seed and reordered rows (yes), or not (no). */
  question: z.literal('always-same-model'),
  outcome: z.discriminatedUnion('is', [Yes, No]),
  /** The algorithms by class, in the spec's order. */
  facts: z.object(
    Object.fromEntries(DETERMINISM_CLASSES.map((c) => [c, z.array(z.string())])) as Record<
      (typeof DETERMINISM_CLASSES)[number],
      z.ZodArray<z.ZodString>
    >,
  ),
});
export type DeterminismAuditVerdict = z.infer<typeof DeterminismAuditVerdict>;

const body = { rows: z.array(AuditRow) };

export const DeterminismAuditDocument = studyDocumentSchema('determinism-audit', DeterminismAuditSpec, DeterminismAuditVerdict, body);
export type DeterminismAuditDocument = z.infer<typeof DeterminismAuditDocument>;

/** Version 1, frozen: two categories, booleans only, an English verdict and a title. */
export const DeterminismAuditDocumentV1 = z.object({
  ...V1_HEADER,
  kind: z.literal('determinism-audit'),
  spec: DeterminismAuditSpec,
  rows: z.array(AuditRowBase.extend({ category: z.enum(['always-same', 'varies']) })),
  verdict: z.array(V1Answer),
});
