import { z } from 'zod';
import { seedCount } from '../../spec/seedSet.ts';
import type { CompareDocument } from './document.ts';

/** The label of the arm the verdict names better, or null (tied, undecided). */
function winningArm(doc: CompareDocument): string | null {
  const { outcome } = doc.verdict[0];
  return outcome.is === 'winner' ? (outcome.who === 'a' ? doc.spec.a.label : doc.spec.b.label) : null;
}

export const CompareDigest = z.object({
  a: z.string(),
  b: z.string(),
  seeds: z.number().int(),
  difference: z.object({ meanDiff: z.number(), ci95: z.tuple([z.number(), z.number()]) }).nullable(),
  /** The verdict: the better arm, or tied (null); absent in listings written before it was kept. */
  better: z.enum(['a', 'b', 'tied']).optional(),
});
export type CompareDigest = z.infer<typeof CompareDigest>;

export const compareDigest = (doc: CompareDocument): CompareDigest => ({
  a: doc.spec.a.label,
  b: doc.spec.b.label,
  seeds: seedCount(doc.spec.seeds),
  difference: doc.difference && { meanDiff: doc.difference.meanDiff, ci95: doc.difference.ci95 },
  // Undecided (an arm's runs mostly failed to learn): no verdict, the numbers alone.
  ...(doc.verdict[0]?.outcome.is === 'undecided'
    ? {}
    : { better: winningArm(doc) === null ? ('tied' as const) : winningArm(doc) === doc.spec.a.label ? ('a' as const) : ('b' as const) }),
});

/** What this kind's sentences read off its documents (the kind module's `readings`). */
export const readings = { winningArm };
