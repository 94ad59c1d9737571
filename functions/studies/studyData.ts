import { keptTable, readDatasetCsv, SpecError, uploadedDatasetIds, usingDatasets } from '../../src/index.ts';
import { type KeyValueStore, readDatasetTable } from './store.ts';

/**
 * Runs `run` with every uploaded table the spec names handed to the engine and kept until it
 * settles: the engine does no I/O, so the API (around a study's plan), the queue consumer (around
 * a unit) and finalize (around combine) call this. A table the isolate already keeps is not read
 * again; one read from KV is read through readDatasetCsv, so its id is checked. A missing one is a
 * SpecError on `dataset.id`.
 */
export async function withStudyData<T>(kv: KeyValueStore, spec: unknown, run: () => Promise<T>): Promise<T> {
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
  return usingDatasets(datasets, run);
}
