import type { StudyDocument } from '../../src/index.ts';

export interface GoldenFacts {
  fingerprints: Record<string, string[]>;
  numbers: Record<string, unknown>;
}

type Run = { seed: number; fingerprint: string; testAccuracy: number | null };
const prints = (runs: Run[]) => runs.map((r) => `${r.seed}:${r.fingerprint}`);
const accuracies = (runs: Run[]) => runs.map((r) => r.testAccuracy);

/** The range test's yes / no / no answer as recorded in version 1 (true, false, null). */
function holdsUp(doc: Extract<StudyDocument, { kind: 'lr-range-test' }>): boolean | null {
  const outcome = doc.verdict.find((v) => v.question === 'holds-up')?.outcome.is;
  return outcome === 'yes' ? true : outcome === 'no' ? false : null;
}

/**
 * The fingerprints and headline numbers of a study document, by name. Written against the
 * document's shape; when the shape changes, this changes with it, and golden.json must not.
 */
export function goldenFacts(doc: StudyDocument): GoldenFacts {
  switch (doc.kind) {
    case 'seed-variance':
      return {
        fingerprints: { runs: prints(doc.runs) },
        numbers: {
          accuracies: accuracies(doc.runs),
          testLosses: doc.runs.map((r) => r.testLoss),
          mean: doc.summary?.mean,
          std: doc.summary?.std,
          ci95: doc.summary?.ci95,
          repeatable: doc.repeatability.identical,
        },
      };
    case 'lr-range-test':
      return {
        fingerprints: Object.fromEntries(doc.verification.arms.map((a) => [`x${a.multiplier}`, prints(a.runs)])),
        numbers: {
          stoppedAt: doc.curves.map((c) => c.stoppedAt),
          medianCurve: doc.medianCurve,
          suggestions: doc.suggestions,
          arms: doc.verification.arms.map((a) => ({ multiplier: a.multiplier, lr: a.lr, mean: a.summary?.mean ?? null })),
          holdsUp: holdsUp(doc),
        },
      };
    case 'lr-schedule':
      return {
        fingerprints: Object.fromEntries(doc.schedules.map((s) => [s.name, prints(s.runs)])),
        numbers: Object.fromEntries(
          doc.schedules.map((s) => [
            s.name,
            { mean: s.summary?.mean ?? null, std: s.summary?.std ?? null, accuracies: accuracies(s.runs) },
          ]),
        ),
      };
    case 'data-size':
      return {
        fingerprints: {},
        numbers: Object.fromEntries(
          doc.curves.map((c) => [c.model, c.points.map((p) => ({ size: p.size, accuracies: p.accuracies, mean: p.mean, std: p.std }))]),
        ),
      };
    case 'variance-sources':
      return {
        fingerprints: {
          ...Object.fromEntries(doc.sources.map((s) => [s.name, prints(s.runs)])),
          implementation: doc.implementation.perSeed.map((r) => `${r.seed}:${r.cpu}:${r.wasm}`),
        },
        numbers: {
          sources: Object.fromEntries(doc.sources.map((s) => [s.name, { mean: s.mean, std: s.std, share: s.share }])),
          maxAbsWeightDiff: doc.implementation.maxAbsWeightDiff,
          maxAbsAccuracyDiff: doc.implementation.maxAbsAccuracyDiff,
        },
      };
    case 'determinism-audit':
      return {
        fingerprints: {},
        numbers: Object.fromEntries(
          doc.rows.map((r) => [
            r.model,
            {
              same: r.sameSeedIdentical,
              other: r.differentSeedIdentical,
              permuted: r.permutedRowsIdentical,
              predictions: r.predictions,
              accuracy: r.testAccuracy,
            },
          ]),
        ),
      };
    case 'compare':
      return {
        fingerprints: Object.fromEntries(doc.arms.map((a) => [a.label, prints(a.runs)])),
        numbers: {
          means: doc.arms.map((a) => a.summary?.mean ?? null),
          difference: doc.difference,
          probabilityABeatsB: doc.probabilityABeatsB,
          seedsNeeded: doc.seedsNeeded,
        },
      };
  }
}
