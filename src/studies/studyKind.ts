import type { BackendName, StudySpec } from '../spec/schema.ts';
import type { RunRecord, SeedResult, StudyDocument } from '../document/studyDocument.ts';
import { summarizeSeeds } from '../stats/summarize.ts';
import type { TrainingProgress } from '../train/trainGroup.ts';

/** A unit of work: one queue message in the Worker, one step of the loop in the CLI. JSON only. */
export interface WorkUnit {
  purpose: string;
  /** The seeds this unit trains (its progress weight). */
  seeds: number[];
  [detail: string]: unknown;
}

export interface UnitContext {
  onEpoch?: (progress: TrainingProgress) => void | Promise<void>;
  /** Switches the engine's backend; given by the host, which knows how to start wasm. */
  switchBackend?: (name: BackendName) => Promise<void>;
}

/**
 * A study kind: plans units, runs one unit (pure given the spec: a unit run twice gives the same
 * result), and combines all units' results into the document. The CLI runs the units in process;
 * the Worker sends each through its queue. The same plan either way, so the paths cannot drift.
 */
export interface StudyKindModule<S extends StudySpec = StudySpec> {
  plan(spec: S, seedsPerUnit: number): WorkUnit[];
  runUnit(spec: S, unit: WorkUnit, context: UnitContext): Promise<unknown>;
  combine(spec: S, units: WorkUnit[], results: unknown[]): Promise<StudyDocument>;
}

export function chunk<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

export const seedResult = (r: RunRecord): SeedResult => ({
  seed: r.seed,
  fingerprint: r.fingerprint,
  testAccuracy: r.testAccuracy,
  diverged: r.diverged,
});

/** The accuracy summary of the runs that did not diverge, or null. */
export function summarizeRuns(runs: SeedResult[]) {
  const ok = runs.filter((r) => !r.diverged && r.testAccuracy !== null);
  return ok.length ? summarizeSeeds(ok.map((r) => ({ seed: r.seed, value: r.testAccuracy as number }))) : null;
}

export const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
