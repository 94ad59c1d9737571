import { combineStudy, isImportedSpec, isValidPart, type StudyDocument, type StudyStatus } from '../../src/index.ts';
import type { SeedlabEnv } from '../env.ts';
import { listingFacts } from './listing.ts';
import {
  CorruptStudyError,
  discardUnitResult,
  markSettled,
  putDocument,
  putListing,
  readDocument,
  readRecord,
  readUnitOutcomes,
  readUnitResults,
  type StudyRecord,
} from './store.ts';
import { withStudyData } from './studyData.ts';
import { countUnit } from './unitCounts.ts';

export interface StudyFailure {
  unit: number;
  seeds: number[];
  error: string;
  attempts: number;
}

export interface StudyState {
  record: StudyRecord;
  status: StudyStatus;
  runsDone: number;
  /** Units whose result is stored. */
  doneUnits: Set<number>;
  failures: StudyFailure[];
  document: StudyDocument | null;
}

/** A new study's record: its spec and its units. */
export function newStudyRecord(id: string, spec: StudyRecord['spec'], units: StudyRecord['units'], createdAt: Date): StudyRecord {
  // Imported runs have no units: their runs count as the study's, done once the document is built.
  const runsTotal = isImportedSpec(spec) ? spec.runs.arms.reduce((n, a) => n + a.runs, 0) : units.reduce((n, u) => n + u.seeds.length, 0);
  return { id, kind: spec.kind, spec, createdAt: createdAt.toISOString(), units, runsTotal };
}

/** Reads where a study stands: derived from the keys present, never from a mutable counter. */
export async function readStudyState(env: SeedlabEnv, id: string): Promise<StudyState | null> {
  const record = await readRecord(env.STUDIES, id);
  if (!record) return null;
  const stored = await readDocument(env.STUDIES, id);
  if (stored && 'error' in stored) throw new CorruptStudyError(id, `its stored document cannot be read (${stored.error})`);
  const document = stored?.document ?? null;
  const outcomes = await readUnitOutcomes(env.STUDIES, id);
  const doneUnits = new Set([...outcomes.done].filter((u) => u < record.units.length));
  const failures = outcomes.failures.map((f) => ({ ...f, seeds: record.units[f.unit]?.seeds ?? [] }));
  const settled = record.units.every((_, u) => doneUnits.has(u) || failures.some((f) => f.unit === u));
  const runsDone = record.units.length
    ? [...doneUnits].reduce((n, u) => n + record.units[u].seeds.length, 0)
    : document
      ? record.runsTotal
      : 0;
  const status: StudyStatus = document
    ? document.partial
      ? 'partial'
      : 'done'
    : settled && failures.length
      ? 'failed'
      : runsDone > 0 || failures.length
        ? 'running'
        : 'queued';
  return { record, status, runsDone, doneUnits, failures, document };
}

/**
 * When every unit is settled, writes the final state once: the document from the units that
 * finished (partial, naming the failed seeds, when some failed for good), or the failed status when
 * no document can be built without them. Safe to call any number of times, from any consumer or
 * reader: the document is a pure function of the stored runs.
 */
export async function finalizeIfComplete(env: SeedlabEnv, id: string): Promise<StudyState | null> {
  const state = await readStudyState(env, id);
  if (!state || state.document) return state;
  const { record } = state;
  const failedUnits = new Set(state.failures.map((f) => f.unit));
  if (!record.units.every((_, u) => state.doneUnits.has(u) || failedUnits.has(u))) return state;

  const done = [...state.doneUnits].sort((a, b) => a - b);
  const results = await readUnitResults(env.STUDIES, id, done);
  const parts = done.map((u, i) => ({
    u,
    unit: record.units[u],
    result: results[i]?.result,
    environment: results[i]?.environment,
    read: results[i],
  }));
  // A result that cannot be read or is not this unit's counts as missing: it is set aside and the unit trains again.
  const corrupt = parts.filter((p) => p.read === null || !isValidPart(record.spec, p)).map((p) => p.u);
  if (corrupt.length) {
    for (const u of corrupt) {
      console.warn(`study ${id}: unit ${u}'s stored result cannot be read; it will be trained again`);
      await discardUnitResult(env.STUDIES, id, u);
      await countUnit(env, id, u, 'reopened');
      state.doneUnits.delete(u);
    }
    const runsDone = [...state.doneUnits].reduce((n, u) => n + record.units[u].seeds.length, 0);
    return { ...state, status: 'running', runsDone };
  }
  const failed = state.failures.map((f) => ({ unit: record.units[f.unit], error: f.error, attempts: f.attempts }));
  let document: StudyDocument;
  try {
    document = await withStudyData(env.STUDIES, record.spec, () => combineStudy(record.spec, parts, failed));
  } catch (e) {
    if (!failed.length) throw e; // every unit finished: a combine that fails is a bug, not a state
    // Too much is missing for this kind to say anything (an lr-range-test without its sweep).
    console.warn(`study ${id}: no partial document (${(e as Error).message})`);
    await putListing(env.STUDIES, record, listingFacts(record, 'failed'));
    await markSettled(env.STUDIES, id);
    return { ...state, status: 'failed' };
  }
  const status: StudyStatus = failed.length ? 'partial' : 'done';
  await putDocument(env.STUDIES, document);
  await putListing(env.STUDIES, record, listingFacts(record, status, document));
  await markSettled(env.STUDIES, id);
  // Imported runs (no units) are all done once their document is.
  return { ...state, status, document, runsDone: record.units.length ? state.runsDone : record.runsTotal };
}
