import { z } from 'zod';
import type { PairedComparison } from '../../document/parts.ts';
import type { LrRangeTestDocument } from './document.ts';
import { SUGGESTION_RULES } from './spec.ts';

/** The comparisons whose interval lies above zero: the multiples that train significantly better than ×1. */
export const significantlyBetter = <C extends Pick<PairedComparison, 'interval'>>(comparisons: readonly C[]) =>
  comparisons.filter((c) => c.interval !== null && c.interval[0] > 0);

/** The multiples of the suggestion that trained significantly better than the suggestion itself. */
function betterMultiples(doc: LrRangeTestDocument): string[] {
  const holds = doc.verdict.find((v) => v.question === 'holds-up');
  return holds?.question === 'holds-up' ? significantlyBetter(holds.facts.comparisons).map((c) => c.against) : [];
}

/** Whether the chosen rule suggested an lr for every seed (rather than some). */
const everySeedSuggested = (facts: { seedsWithSuggestion: number; seeds: number }) => facts.seedsWithSuggestion === facts.seeds;

export const LrRangeTestDigest = z.object({
  optimizer: z.string(),
  seeds: z.number().int(),
  rule: z.enum(SUGGESTION_RULES),
  median: z.number().nullable(),
  iqrDecades: z.number().nullable(),
  holdsUp: z.enum(['yes', 'no', 'undecided']),
});
export type LrRangeTestDigest = z.infer<typeof LrRangeTestDigest>;

export function lrRangeTestDigest(doc: LrRangeTestDocument): LrRangeTestDigest {
  const rule = doc.verification.suggestion;
  const holds = doc.verdict.find((v) => v.question === 'holds-up');
  return {
    optimizer: doc.spec.training.optimizer.kind,
    seeds: doc.spec.seeds.length,
    rule,
    median: doc.suggestions[rule].median,
    iqrDecades: doc.suggestions[rule].iqrDecades,
    holdsUp: holds?.outcome.is === 'yes' || holds?.outcome.is === 'no' ? holds.outcome.is : 'undecided',
  };
}

/** What this kind's sentences read off its documents (the kind module's `readings`). */
/** The rules that read a suggestion off a range test's curve, in the order reports list them. */
export const readings = { betterMultiples, everySeedSuggested, rules: SUGGESTION_RULES };
