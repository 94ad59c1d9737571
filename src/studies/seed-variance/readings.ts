import { z } from 'zod';
import type { SeedVarianceDocument } from './document.ts';

/** Whether re-training seeds repeated them: every fingerprint matched, one did not, or no seed was re-trained. */
const repeatabilityOf = (doc: SeedVarianceDocument) =>
  !doc.repeatability.seeds.length ? 'not-measured' : doc.repeatability.identical ? 'identical' : 'differs';

/** What a one-line summary of the study needs (its title, headline and badge), without the document. */
export const SeedVarianceDigest = z.object({
  layerSizes: z.array(z.number().int()),
  optimizer: z.string(),
  runs: z.number().int(),
  mean: z.number().nullable(),
  /** Null when every run failed to learn, or one run learned (a spread of one value is undefined). */
  std: z.number().nullable(),
  /** Runs that failed to learn (absent in listings written before engine 0.5.0). */
  failed: z.number().int().optional(),
  repeatability: z.enum(['identical', 'differs', 'not-measured']),
});
export type SeedVarianceDigest = z.infer<typeof SeedVarianceDigest>;

export const seedVarianceDigest = (doc: SeedVarianceDocument): SeedVarianceDigest => ({
  layerSizes: doc.model.layerSizes,
  optimizer: doc.spec.training.optimizer.kind,
  runs: doc.runCount,
  mean: doc.summary?.mean ?? null,
  std: doc.summary && doc.summary.n >= 2 ? doc.summary.std : null,
  failed: doc.runCount - (doc.summary?.n ?? 0),
  repeatability: repeatabilityOf(doc),
});

/** What this kind's sentences read off its documents (the kind module's `readings`). */
export const readings = { repeatabilityOf };
