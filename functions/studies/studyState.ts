import { studyHeadline, studyKind, type StudyDocument, type StudySpec, type WorkUnit } from '../../src/index.ts';
import type { SeedlabEnv } from '../env.ts';
import { keys, listAllKeys } from './keys.ts';

export type StudyStatus = 'queued' | 'running' | 'done' | 'failed';

/** Written once when a study is created; everything that changes later lives in other keys. */
export interface StudyRecord {
  id: string;
  kind: StudySpec['kind'];
  title: string;
  spec: StudySpec;
  createdAt: string;
  units: WorkUnit[];
  runsTotal: number;
}

export interface ListingMeta {
  id: string;
  kind: string;
  title: string;
  dataset: string;
  createdAt: string;
  status: StudyStatus;
  /** e.g. "30 seeds: 94.3% ± 0.67, deterministic ✓", once done. */
  headline?: string;
}

export interface UnitFailure {
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
  failures: UnitFailure[];
  document: StudyDocument | null;
}

const datasetOf = (spec: StudySpec) => (spec.kind === 'compare' ? spec.a.dataset.name : spec.dataset.name);

/** The title until the document exists (which then supplies its own). */
export const studyTitle = (spec: StudySpec) => spec.title ?? `${spec.kind}: ${datasetOf(spec)}`;

export function listingMeta(record: StudyRecord, status: StudyStatus, headline?: string, title = record.title): ListingMeta {
  return {
    id: record.id,
    kind: record.kind,
    title,
    dataset: datasetOf(record.spec),
    createdAt: record.createdAt,
    status,
    ...(headline ? { headline } : {}),
  };
}

export async function readRecord(env: SeedlabEnv, id: string): Promise<StudyRecord | null> {
  return env.STUDIES.get<StudyRecord>(keys.study(id), 'json');
}

/** Reads where a study stands: derived from the keys present, never from a mutable counter. */
export async function readStudyState(env: SeedlabEnv, id: string): Promise<StudyState | null> {
  const record = await readRecord(env, id);
  if (!record) return null;
  const document = await env.STUDIES.get<StudyDocument>(keys.doc(id), 'json');
  const resultKeys = await listAllKeys(env.STUDIES, keys.resultPrefix(id));
  const doneUnits = new Set(resultKeys.map((k) => Number(k.name.split(':')[2])).filter((u) => u < record.units.length));
  const failedKeys = await listAllKeys(env.STUDIES, keys.failedPrefix(id));
  const failures = await Promise.all(
    failedKeys.map(async (k) => {
      const unit = Number(k.name.split(':')[2]);
      const f = (await env.STUDIES.get<{ error: string; attempts: number }>(k.name, 'json')) ?? { error: 'unknown', attempts: 0 };
      return { unit, seeds: record.units[unit]?.seeds ?? [], ...f };
    }),
  );
  const settled = record.units.every((_, u) => doneUnits.has(u) || failures.some((f) => f.unit === u));
  const runsDone = [...doneUnits].reduce((n, u) => n + record.units[u].seeds.length, 0);
  const status: StudyStatus = document
    ? 'done'
    : settled && failures.length
      ? 'failed'
      : runsDone > 0 || failures.length
        ? 'running'
        : 'queued';
  return { record, status, runsDone, doneUnits, failures, document };
}

/**
 * When every unit is settled, writes the final state once: the document (all runs in) or the
 * failed status. Safe to call any number of times, from any consumer or reader: the document is a
 * pure function of the stored runs.
 */
export async function finalizeIfComplete(env: SeedlabEnv, id: string): Promise<StudyState | null> {
  const state = await readStudyState(env, id);
  if (!state || state.document) return state;
  const { record } = state;
  const allDone = record.units.every((_, u) => state.doneUnits.has(u));
  if (allDone) {
    const results = await Promise.all(record.units.map((_, u) => env.STUDIES.get(keys.result(id, u), 'json')));
    const document = await studyKind(record.spec).combine(record.spec, record.units, results);
    await env.STUDIES.put(keys.doc(id), JSON.stringify(document));
    await env.STUDIES.put(keys.listing(Date.parse(record.createdAt), id), '', {
      metadata: listingMeta(record, 'done', studyHeadline(document), document.title),
    });
    await env.STUDIES.delete(keys.active(id));
    return { ...state, status: 'done', document };
  }
  if (state.status === 'failed') {
    await env.STUDIES.put(keys.listing(Date.parse(record.createdAt), id), '', { metadata: listingMeta(record, 'failed') });
    await env.STUDIES.delete(keys.active(id));
  }
  return state;
}
