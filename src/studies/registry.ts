import type { SeedVarianceDocument, StudyDocument } from '../document/studyDocument.ts';
import type { BackendName, StudyKind, StudySpec } from '../spec/schema.ts';
import { compare } from './compare.ts';
import { dataSize } from './dataSize.ts';
import { determinismAudit } from './determinismAudit.ts';
import { lrRangeTest } from './lrRangeTest.ts';
import { lrSchedule } from './lrSchedule.ts';
import { seedVariance } from './seedVariance.ts';
import type { StudyKindModule, WorkUnit } from './studyKind.ts';
import { varianceSources } from './varianceSources.ts';

const MODULES: { [K in StudyKind]: StudyKindModule<Extract<StudySpec, { kind: K }>> } = {
  'seed-variance': seedVariance,
  'lr-range-test': lrRangeTest,
  'lr-schedule': lrSchedule,
  'data-size': dataSize,
  'variance-sources': varianceSources,
  'determinism-audit': determinismAudit,
  compare,
};

/** The module of a spec's kind. */
export function studyKind(spec: StudySpec): StudyKindModule<StudySpec> {
  return MODULES[spec.kind] as unknown as StudyKindModule<StudySpec>;
}

export const planStudy = (spec: StudySpec, seedsPerUnit: number): WorkUnit[] => studyKind(spec).plan(spec, seedsPerUnit);

export interface StudyProgress {
  runsDone: number;
  runsTotal: number;
  /** 0..1, counting partly trained units by their epochs. */
  fraction: number;
}

export interface RunStudyOptions {
  /** Seeds per batched group; see bench/README.md for how the default was chosen. */
  groupSize?: number;
  onProgress?: (progress: StudyProgress) => void | Promise<void>;
  switchBackend?: (name: BackendName) => Promise<void>;
}

export const DEFAULT_GROUP_SIZE = 30;

/** Runs a whole study in this process (CLI, tests). The Worker runs the same units through its queue. */
export async function runStudy(spec: StudySpec, options: RunStudyOptions = {}): Promise<StudyDocument> {
  const kind = studyKind(spec);
  const units = kind.plan(spec, options.groupSize ?? DEFAULT_GROUP_SIZE);
  const runsTotal = units.reduce((n, u) => n + u.seeds.length, 0);
  let runsDone = 0;
  const results: unknown[] = [];
  for (const unit of units) {
    results.push(
      await kind.runUnit(spec, unit, {
        switchBackend: options.switchBackend,
        onEpoch: (p) =>
          options.onProgress?.({ runsDone, runsTotal, fraction: (runsDone + (unit.seeds.length * p.epoch) / p.epochs) / runsTotal }),
      }),
    );
    runsDone += unit.seeds.length;
    await options.onProgress?.({ runsDone, runsTotal, fraction: runsDone / runsTotal });
  }
  return kind.combine(spec, units, results);
}

/** runStudy for a seed-variance spec, typed as its document. */
export async function runSeedVarianceStudy(spec: StudySpec, options: RunStudyOptions = {}): Promise<SeedVarianceDocument> {
  const doc = await runStudy(spec, options);
  if (doc.kind !== 'seed-variance') throw new Error(`expected a seed-variance study, got ${doc.kind}`);
  return doc;
}
