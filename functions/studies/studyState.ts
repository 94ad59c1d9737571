import { combineSeedVariance, type RunRecord, type RunUnit, type StudyDocument, type StudySpec } from '../../src/index.ts';
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
  units: RunUnit[];
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
  /** Units with every run stored. */
  doneUnits: Set<number>;
  failures: UnitFailure[];
  document: StudyDocument | null;
}

export const studyTitle = (spec: StudySpec) =>
  spec.title ?? `Seed variance: ${spec.dataset.name}, ${spec.model.hidden.join('-') || 'linear'} ${spec.model.activation}, ${spec.training.optimizer.kind}, ${spec.seeds.length} seeds`;

export function listingMeta(record: StudyRecord, status: StudyStatus, headline?: string): ListingMeta {
  return { id: record.id, kind: record.kind, title: record.title, dataset: record.spec.dataset.name, createdAt: record.createdAt, status, ...(headline ? { headline } : {}) };
}

export async function readRecord(env: SeedlabEnv, id: string): Promise<StudyRecord | null> {
  return env.STUDIES.get<StudyRecord>(keys.study(id), 'json');
}

/** Reads where a study stands: derived from the keys present, never from a mutable counter. */
export async function readStudyState(env: SeedlabEnv, id: string): Promise<StudyState | null> {
  const record = await readRecord(env, id);
  if (!record) return null;
  const document = await env.STUDIES.get<StudyDocument>(keys.doc(id), 'json');
  const runKeys = await listAllKeys(env.STUDIES, keys.runPrefix(id));
  const perUnit = new Map<number, number>();
  for (const k of runKeys) {
    const unit = Number(k.name.split(':')[2]);
    perUnit.set(unit, (perUnit.get(unit) ?? 0) + 1);
  }
  const doneUnits = new Set([...perUnit].filter(([u, n]) => n === record.units[u]?.seeds.length).map(([u]) => u));
  const failedKeys = await listAllKeys(env.STUDIES, keys.failedPrefix(id));
  const failures = await Promise.all(
    failedKeys.map(async (k) => {
      const unit = Number(k.name.split(':')[2]);
      const f = (await env.STUDIES.get<{ error: string; attempts: number }>(k.name, 'json')) ?? { error: 'unknown', attempts: 0 };
      return { unit, seeds: record.units[unit]?.seeds ?? [], ...f };
    }),
  );
  const settled = record.units.every((_, u) => doneUnits.has(u) || failures.some((f) => f.unit === u));
  const runsDone = runKeys.length;
  const status: StudyStatus = document ? 'done' : settled && failures.length ? 'failed' : runsDone > 0 || failures.length ? 'running' : 'queued';
  return { record, status, runsDone, doneUnits, failures, document };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function headlineOf(doc: StudyDocument): string {
  const s = doc.summary;
  const det = doc.repeatability.identical ? 'deterministic ✓' : 'not deterministic ✗';
  return s ? `${doc.runs.length} seeds: ${pct(s.mean)} ± ${(100 * s.std).toFixed(2)}, ${det}` : `${doc.runs.length} seeds: all diverged`;
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
    const runs = await Promise.all(
      record.units.map(async (unit, u) =>
        Promise.all(unit.seeds.map(async (seed) => (await env.STUDIES.get<RunRecord>(keys.run(id, u, seed), 'json'))!)),
      ),
    );
    const main = record.units.flatMap((unit, u) => (unit.purpose === 'main' ? runs[u] : []));
    const repeat = record.units.flatMap((unit, u) => (unit.purpose === 'repeat' ? runs[u] : []));
    const document = await combineSeedVariance(record.spec, main, repeat);
    await env.STUDIES.put(keys.doc(id), JSON.stringify(document));
    await env.STUDIES.put(keys.listing(Date.parse(record.createdAt), id), '', { metadata: listingMeta(record, 'done', headlineOf(document)) });
    await env.STUDIES.delete(keys.active(id));
    return { ...state, status: 'done', document };
  }
  if (state.status === 'failed') {
    await env.STUDIES.put(keys.listing(Date.parse(record.createdAt), id), '', { metadata: listingMeta(record, 'failed') });
    await env.STUDIES.delete(keys.active(id));
  }
  return state;
}
