import { SpecError } from '../spec/specError.ts';
import type { LabelledTable } from './table.ts';

/**
 * The uploaded tables the engine has been handed. The engine does no I/O and runs synchronously, so
 * a host reads a study's uploaded tables first (the Worker from KV, the CLI from a file, the browser
 * from the API) and hands them over here; a spec naming `{ name: "upload", id }` then trains on it.
 * Bounded: two tables at a time, the newest kept: two tables at the limit alive at once measured
 * about 91 MB of heap and buffers with the engine (npm run bench:dataset-memory), within an isolate's 128 MB.
 */
const MAX_PROVIDED = 2;
const provided = new Map<string, LabelledTable>();

export function provideDataset(dataset: { id: string; table: LabelledTable }): void {
  provided.delete(dataset.id);
  provided.set(dataset.id, dataset.table);
  while (provided.size > MAX_PROVIDED) provided.delete(provided.keys().next().value as string);
}

export const isDatasetProvided = (id: string) => provided.has(id);

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
