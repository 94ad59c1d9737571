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

/**
 * For each of the audit's comparisons (same seed again, another seed, rows reordered), how many of
 * the algorithms gave a bit-identical model: `k` of `n`, and whether that is all, some or none.
 */
const identicalCounts = (doc: DeterminismAuditDocument) => {
  const n = doc.rows.length;
  const count = (key: keyof DeterminismAuditDocument['rows'][number]['comparisons']) => {
    const k = doc.rows.filter((r) => r.comparisons[key].outcome === 'bit-identical').length;
    return { k, n, which: k === n ? ('all' as const) : k === 0 ? ('none' as const) : ('some' as const) };
  };
  return { sameSeed: count('sameSeed'), differentSeed: count('differentSeed'), permutedRows: count('permutedRows') };
};

/** How many algorithms are deterministic: all of them, some, or none (the verdict's words differ). */
const deterministicShare = (doc: DeterminismAuditDocument): 'all' | 'some' | 'none' => {
  const k = doc.verdict[0].facts.deterministic.length;
  return k === doc.rows.length ? 'all' : k === 0 ? 'none' : 'some';
};

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
export const readings = { occupiedClasses, driftOf, identicalCounts, deterministicShare };
