import { isDatasetProvided, provideDataset, readDatasetCsv, SpecError, uploadedDatasetIds } from '../../src/index.ts';
import { type KeyValueStore, readDatasetTable } from './store.ts';

/**
 * Hands the engine every uploaded table a spec names, read from KV: the engine does no I/O, so the
 * API (before a study's id and plan), the queue consumer and finalize call this first. A table the
 * isolate already holds is not read again. A missing one is a SpecError on `dataset.id`.
 */
export async function provideStudyData(kv: KeyValueStore, spec: unknown): Promise<void> {
  for (const id of uploadedDatasetIds(spec)) {
    if (isDatasetProvided(id)) continue;
    const text = await readDatasetTable(kv, id);
    if (text === null)
      throw new SpecError([
        { path: 'dataset.id', message: `no dataset ${id} is stored here: upload its table first (POST /api/datasets)` },
      ]);
    const dataset = await readDatasetCsv(text);
    if (dataset.id !== id) throw new Error(`dataset ${id}: its stored table reads as dataset ${dataset.id}`);
    provideDataset(dataset);
  }
}
