import { countBelow } from '../document/runSummaries.ts';
import type { Environment } from '../fingerprint/environment.ts';
import { seedList } from '../spec/seedSet.ts';
import type { TrainingSetup } from '../spec/setup.ts';
import { isTrainedDocument, type StudyDocument } from '../studies/registry.ts';
import { runSeeds } from '../studies/runSeeds.ts';
import type { TrainingProgress } from '../train/trainGroup.ts';
import { ENGINE_VERSION } from '../version.ts';

/**
 * Re-training one run of a shared study, so a reader can check its fingerprint: the same code the
 * Worker trained it with, run again wherever the reader is (a browser, a terminal).
 */

/** Which setup a run belongs to: a compare study's arm, or the study's one setup (null). */
export type ArmName = 'a' | 'b';

/** A run a reader can re-train on its own: one seed of one setup, with what the study recorded. */
export interface CheckableRun {
  arm: ArmName | null;
  seed: number;
  fingerprint: string;
  /** Null when the run diverged. */
  testAccuracy: number | null;
}

/** The study was trained by another engine version: its fingerprints are not this engine's to check. */
export class EngineVersionError extends Error {
  constructor(readonly documentEngine: string) {
    super(`the study was trained by engine ${documentEngine}; this is engine ${ENGINE_VERSION}, whose fingerprints can differ`);
    this.name = 'EngineVersionError';
  }
}

/** The kind has no run that is one seed of one setup (its runs share sweeps, subsets or backends). */
export class NotCheckableError extends Error {
  constructor(readonly kind: string) {
    super(`a ${kind} study has no run a reader can re-train on its own; seed-variance and compare studies do`);
    this.name = 'NotCheckableError';
  }
}

/** Every run of `doc` a reader can re-train, in the document's order, or null for a kind that has none. */
export function checkableRuns(doc: StudyDocument): CheckableRun[] | null {
  const run = (arm: ArmName | null, r: { seed: number; fingerprint: string; testAccuracy: number | null; diverged: boolean }) => ({
    arm,
    seed: r.seed,
    fingerprint: r.fingerprint,
    testAccuracy: r.diverged ? null : r.testAccuracy,
  });
  if (doc.kind === 'seed-variance') return doc.runs.map((r) => run(null, r));
  if (doc.kind === 'compare') return (['a', 'b'] as const).flatMap((arm, i) => doc.arms[i].runs.map((r) => run(arm, r)));
  return null;
}

/** Every seed `doc` ran (per arm, for compare), from its spec: the document may list only the runs it names. */
export function studySeeds(doc: StudyDocument): number[] | null {
  return doc.kind === 'seed-variance' || doc.kind === 'compare' ? seedList(doc.spec.seeds) : null;
}

/**
 * A run as GET /api/studies/<id>/runs (or runs.csv) gives it, for a seed the document does not list:
 * the first run of the seed (not its re-run) of the arm asked for, or null.
 */
export function checkableRunOfRows(rows: Record<string, unknown>[], arm: ArmName | null, seed: number): CheckableRun | null {
  const row = rows.find((r) => r.seed === seed && (arm === null || r.arm === arm) && r.rerun !== true);
  if (!row || typeof row.fingerprint !== 'string') return null;
  const accuracy = typeof row.test_accuracy === 'number' && row.diverged !== true ? row.test_accuracy : null;
  return { arm, seed, fingerprint: row.fingerprint, testAccuracy: accuracy };
}

/**
 * Where a new seed's accuracy lands among the study's (of an arm): how many of its finished seeds
 * are below, from the document's distribution (exact from a count per value, else interpolated).
 */
export function rankAmongStudy(
  doc: StudyDocument,
  arm: ArmName | null,
  accuracy: number,
): { below: number; count: number; exact: boolean } | null {
  const distribution =
    doc.kind === 'seed-variance' ? doc.distribution : doc.kind === 'compare' ? doc.arms[arm === 'b' ? 1 : 0].distribution : null;
  if (!distribution) return null;
  return { ...countBelow(distribution, accuracy), count: distribution.n };
}

/** This engine can re-train `doc`'s runs: a kind with single-seed runs, trained by this engine version. */
export const retrainableHere = (doc: StudyDocument): boolean =>
  checkableRuns(doc) !== null && isTrainedDocument(doc) && doc.environment.engine === ENGINE_VERSION;

/** The setup that trained a run of `doc`. */
function setupOf(doc: StudyDocument, arm: ArmName | null): TrainingSetup {
  if (doc.kind === 'seed-variance') return doc.spec;
  if (doc.kind === 'compare') {
    const { label: _label, ...setup } = doc.spec[arm ?? 'a'];
    return setup;
  }
  throw new NotCheckableError(doc.kind);
}

export interface RetrainedRun {
  arm: ArmName | null;
  seed: number;
  fingerprint: string;
  testAccuracy: number | null;
  diverged: boolean;
  /** Where it ran: compare backend and wasm binary with the study's `environment`. */
  environment: Environment;
}

/**
 * Trains one seed of `doc`'s setup (an arm's, for a compare study) on the active backend, exactly
 * as the study did, and fingerprints its weights. The seed need not be one the study ran. A seed
 * trains alone here and in a group in the study: the engine gives each seed the same weights in any
 * group (tests/groupIndependence.test.ts).
 */
export async function retrainSeed(
  doc: StudyDocument,
  run: { arm: ArmName | null; seed: number },
  options: { onEpoch?: (progress: TrainingProgress) => void | Promise<void> } = {},
): Promise<RetrainedRun> {
  if (!isTrainedDocument(doc)) throw new NotCheckableError(doc.kind);
  if (doc.environment.engine !== ENGINE_VERSION) throw new EngineVersionError(doc.environment.engine);
  const setup = setupOf(doc, run.arm);
  const [outcome] = await runSeeds(setup, [run.seed], { onEpoch: options.onEpoch });
  const { record } = outcome;
  return {
    arm: run.arm,
    seed: run.seed,
    fingerprint: record.fingerprint,
    testAccuracy: record.testAccuracy,
    diverged: record.diverged,
    environment: record.environment,
  };
}
