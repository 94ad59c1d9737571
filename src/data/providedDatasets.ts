import { SpecError } from '../spec/specError.ts';
import { keptValues } from './keptValues.ts';
import type { LabelledTable } from './table.ts';

/**
 * The uploaded tables the engine has been handed (a spec naming `{ name: "upload", id }` trains on
 * one). Two tables are kept besides those in use: two tables at the limit alive at once measured
 * about 91 MB of heap and buffers with the engine (npm run bench:dataset-memory), within an
 * isolate's 128 MB.
 */
const tables = keptValues<LabelledTable>(2);

export function provideDataset(dataset: { id: string; table: LabelledTable }): void {
  tables.provide(dataset.id, dataset.table);
}

/** The table handed over under this id, if it is still kept. */
export const keptTable = tables.kept;

/** Runs `run` with these tables handed over and kept until it settles. */
export const usingDatasets = <T>(datasets: { id: string; table: LabelledTable }[], run: () => Promise<T>): Promise<T> =>
  tables.using(
    datasets.map((d) => ({ id: d.id, value: d.table })),
    run,
  );

export function providedTable(id: string): LabelledTable {
  const table = keptTable(id);
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
