import { SpecError } from '../spec/specError.ts';
import type { LabelledTable } from './table.ts';

/**
 * The uploaded tables the engine has been handed. The engine does no I/O and runs synchronously, so
 * a host reads a study's uploaded tables first (the Worker from KV, the CLI from a file, the browser
 * from the API) and hands them over here; a spec naming `{ name: "upload", id }` then trains on it.
 * Bounded: two tables are kept besides those in use (`usingDatasets`), the newest first: two tables
 * at the limit alive at once measured about 91 MB of heap and buffers with the engine (npm run
 * bench:dataset-memory), within an isolate's 128 MB. A table in use is never dropped, so a unit
 * that awaits between its steps keeps its data however many other studies the isolate serves.
 */
const MAX_KEPT = 2;
const provided = new Map<string, LabelledTable>();
const inUse = new Map<string, number>();

/** Drops the oldest tables not in use until at most MAX_KEPT are kept (tables in use may exceed it). */
function trim(): void {
  for (const id of [...provided.keys()]) {
    if (provided.size <= MAX_KEPT) return;
    if (!inUse.has(id)) provided.delete(id);
  }
}

export function provideDataset(dataset: { id: string; table: LabelledTable }): void {
  provided.delete(dataset.id);
  provided.set(dataset.id, dataset.table);
  trim();
}

/** The table handed over under this id, if it is still kept. */
export const keptTable = (id: string): LabelledTable | null => provided.get(id) ?? null;

/** Runs `run` with these tables handed over and kept until it settles. */
export async function usingDatasets<T>(datasets: { id: string; table: LabelledTable }[], run: () => Promise<T>): Promise<T> {
  for (const dataset of datasets) {
    inUse.set(dataset.id, (inUse.get(dataset.id) ?? 0) + 1);
    provideDataset(dataset);
  }
  try {
    return await run();
  } finally {
    for (const { id } of datasets) {
      const left = (inUse.get(id) ?? 1) - 1;
      if (left > 0) inUse.set(id, left);
      else inUse.delete(id);
    }
    trim();
  }
}

export function providedTable(id: string): LabelledTable {
  const table = provided.get(id);
  if (!table)
    throw new SpecError([
      { path: 'dataset.id', message: `the uploaded dataset ${id} is not loaded here (upload it with POST /api/datasets, or pass --data)` },
    ]);
  return table;
}

/** The ids of every uploaded dataset a spec names, wherever it names them (a compare arm has its own). */
export function uploadedDatasetIds(spec: unknown): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const { name, id } = value as { name?: unknown; id?: unknown };
      if (name === 'upload' && typeof id === 'string') ids.add(id);
      Object.values(value).forEach(visit);
    }
  };
  visit(spec);
  return [...ids];
}
