import { z } from 'zod';
import type { ImportedDocument } from './document.ts';
import { MetricUnit } from './spec.ts';

/**
 * What a one-line summary of an imported study needs (its title, headline and badge), within a
 * listing entry's 1,024 bytes: the metric, the arms' count and the runs, and the answer (the
 * single arm's mean and spread, the two arms' difference, or the ranking's leader).
 */
export const ImportedDigest = z.object({
  metric: z.object({ name: z.string(), unit: MetricUnit, higherIsBetter: z.boolean() }),
  arms: z.number().int(),
  runs: z.number().int(),
  /** One arm: its mean, interval and standard deviation. */
  spread: z.object({ mean: z.number(), meanInterval: z.tuple([z.number(), z.number()]), std: z.number() }).nullable(),
  /** Two arms: their labels, a − b with its interval, and which is better (null: tied). */
  difference: z
    .object({
      a: z.string(),
      b: z.string(),
      meanDiff: z.number(),
      interval: z.tuple([z.number(), z.number()]),
      better: z.enum(['a', 'b']).nullable(),
    })
    .nullable(),
  /** Three or more: the leader, and whether it won. */
  leader: z.object({ label: z.string(), wins: z.boolean() }).nullable(),
});
export type ImportedDigest = z.infer<typeof ImportedDigest>;

/** The label of the arm the verdict names better or best, or null (tied, or one arm). */
function winningArm(doc: ImportedDocument): string | null {
  const { outcome } = doc.verdict[0];
  return outcome.is === 'winner' ? outcome.who : null;
}

export function importedDigest(doc: ImportedDocument): ImportedDigest {
  const [first, second] = doc.arms;
  const [c] = doc.comparisons;
  const verdict = doc.verdict[0];
  return {
    metric: { name: doc.spec.metric.name, unit: doc.spec.metric.unit, higherIsBetter: doc.spec.metric.higherIsBetter },
    arms: doc.arms.length,
    runs: doc.arms.reduce((n, a) => n + a.runCount, 0),
    spread:
      doc.arms.length === 1
        ? { mean: first.statistics.mean, meanInterval: first.statistics.meanInterval, std: first.statistics.std }
        : null,
    difference:
      doc.arms.length === 2 && c
        ? {
            a: first.label,
            b: second.label,
            meanDiff: c.meanDiff,
            interval: c.interval,
            better: winningArm(doc) === null ? null : winningArm(doc) === first.label ? 'a' : 'b',
          }
        : null,
    leader: verdict.question === 'best-arm' ? { label: verdict.facts.leader, wins: verdict.outcome.is === 'winner' } : null,
  };
}

/** The arms the leader of a ranking is tied with, in the document's order (empty when it wins or there is no ranking). */
const tiedWithLeader = (doc: ImportedDocument): string[] => (doc.verdict[0].question === 'best-arm' ? doc.verdict[0].facts.tiedWith : []);

/** What this kind's sentences read off its documents (the kind module's `readings`). */
export const readings = { winningArm, tiedWithLeader };
