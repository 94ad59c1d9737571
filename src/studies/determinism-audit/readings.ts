import { z } from 'zod';
import { DETERMINISM_CLASSES, type DeterminismAuditDocument } from './document.ts';

/** The classes that have algorithms in them, in the classes' order, each with its algorithms (spec order). */
const occupiedClasses = (facts: Record<(typeof DETERMINISM_CLASSES)[number], string[]>) =>
  DETERMINISM_CLASSES.flatMap((c) => (facts[c].length ? [{ category: c, models: facts[c] }] : []));

/**
 * The MLP's drift between two runs of the same seed, when the audit recorded one: per epoch, and
 * how far it grew by the last epoch (null when the runs stayed bit-identical throughout).
 */
function driftOf(doc: DeterminismAuditDocument) {
  const drift = doc.rows.find((r) => r.drift !== null)?.drift ?? null;
  if (!drift) return null;
  const last = drift.at(-1)?.maxAbsWeightDiff ?? 0;
  return { drift, grewTo: last > 0 ? last : null };
}

export const DeterminismAuditDigest = z.object({
  algorithms: z.number().int(),
  classes: z.array(z.object({ category: z.enum(DETERMINISM_CLASSES), models: z.array(z.string()) })),
  deterministic: z.number().int(),
});
export type DeterminismAuditDigest = z.infer<typeof DeterminismAuditDigest>;

export const determinismAuditDigest = (doc: DeterminismAuditDocument): DeterminismAuditDigest => ({
  algorithms: doc.rows.length,
  classes: occupiedClasses(doc.verdict[0].facts),
  deterministic: doc.verdict[0].facts.deterministic.length,
});

/** What this kind's sentences read off its documents (the kind module's `readings`). */
export const readings = { occupiedClasses, driftOf };
