import { z } from 'zod';
import { No, studyDocumentSchema, V1_HEADER, V1Answer, Yes } from '../../document/parts.ts';
import { DeterminismAuditSpec } from './spec.ts';

export const AuditRow = z.object({
  model: z.string(),
  /** What "identical" compares: the learned parameters bit for bit, or (kNN) the test predictions. */
  comparedBy: z.enum(['parameters', 'predictions']),
  sameSeedIdentical: z.boolean(),
  differentSeedIdentical: z.boolean(),
  permutedRowsIdentical: z.boolean(),
  predictions: z.object({ sameSeed: z.boolean(), differentSeed: z.boolean(), permutedRows: z.boolean() }),
  testAccuracy: z.number(),
  category: z.enum(['always-same', 'varies']),
});
export type AuditRow = z.infer<typeof AuditRow>;

export const DeterminismAuditVerdict = z.object({
  /** Every algorithm gave the same model for the same seed, another seed and reordered rows (yes), or not (no). */
  question: z.literal('always-same-model'),
  outcome: z.discriminatedUnion('is', [Yes, No]),
  facts: z.object({ alwaysSame: z.array(z.string()), varies: z.array(z.string()) }),
});
export type DeterminismAuditVerdict = z.infer<typeof DeterminismAuditVerdict>;

const body = { rows: z.array(AuditRow) };

export const DeterminismAuditDocument = studyDocumentSchema('determinism-audit', DeterminismAuditSpec, DeterminismAuditVerdict, body);
export type DeterminismAuditDocument = z.infer<typeof DeterminismAuditDocument>;

/** Version 1, frozen: an English verdict and a title. */
export const DeterminismAuditDocumentV1 = z.object({
  ...V1_HEADER,
  kind: z.literal('determinism-audit'),
  spec: DeterminismAuditSpec,
  ...body,
  verdict: z.array(V1Answer),
});
