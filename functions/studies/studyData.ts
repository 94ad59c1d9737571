import {
  checkRunsMatch,
  type ImportedRuns,
  isImportedSpec,
  keptRuns,
  keptTable,
  readDatasetCsv,
  readStoredRuns,
  SpecError,
  type StudySpec,
  uploadedDatasetIds,
  usingDatasets,
  usingImportedRuns,
} from '../../src/index.ts';
import { type KeyValueStore, readDatasetTable, readImportedRuns } from './store.ts';

/**
 * Runs `run` with every uploaded table and imported run set the spec names handed to the engine
 * and kept until it settles: the engine does no I/O, so the API (around a study's plan), the
 * queue consumer (around a unit) and finalize (around combine) call this. What the isolate already
 * keeps is not read again; a table read from KV is read through readDatasetCsv and runs through
 * readStoredRuns, so their ids are checked. A missing one is a SpecError on `dataset.id` or `runs.id`.
 */
export async function withStudyData<T>(kv: KeyValueStore, spec: StudySpec, run: () => Promise<T>): Promise<T> {
  const datasets = [];
  for (const id of uploadedDatasetIds(spec)) {
    const kept = keptTable(id);
    if (kept) {
      datasets.push({ id, table: kept });
      continue;
    }
    const text = await readDatasetTable(kv, id);
    if (text === null)
      throw new SpecError([
        { path: 'dataset.id', message: `no dataset ${id} is stored here: upload its table first (POST /api/datasets)` },
      ]);
    const dataset = await readDatasetCsv(text);
    if (dataset.id !== id) throw new Error(`dataset ${id}: its stored table reads as dataset ${dataset.id}`);
    datasets.push(dataset);
  }
  const runs: { id: string; runs: ImportedRuns }[] = [];
  if (isImportedSpec(spec)) {
    const { id } = spec.runs;
    const kept = keptRuns(id);
    const text = kept ? null : await readImportedRuns(kv, id);
    if (!kept && text === null)
      throw new SpecError([
        { path: 'runs.id', message: `no runs ${id} are stored here: post the study with its runs inline, or POST /api/imports` },
      ]);
    const stored = kept ?? (await readStoredRuns(text as string, spec));
    checkRunsMatch(spec, stored);
    runs.push({ id, runs: stored });
  }
  return usingDatasets(datasets, () => usingImportedRuns(runs, run));
}
