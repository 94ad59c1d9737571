import { type RunRow, runRowJson, runRowsOf, runsCsvHeader, runsCsvLines, runTableColumns } from '../../src/index.ts';
import { readUnitResults } from './store.ts';
import type { StudyState } from './studyState.ts';

/**
 * Every run of a settled study, read from its units' stored results (a document past RUNS_KEPT
 * runs holds summaries, not runs): a page at a time for the API, a seed's runs for a reader's check,
 * or the whole table as CSV. Reads are bulk gets of up to 100 units, so even the whole table of
 * 10,000 seeds is a few KV operations.
 */

/** The most runs a page holds; a page ends at a unit's end, so it may hold fewer. */
export const RUNS_PER_PAGE = 1000;
/** Units per read of the whole table (one bulk get each): a bounded amount of results in memory at a time. */
const UNITS_PER_READ = 100;

export interface RunsPage {
  columns: string[];
  runs: ReturnType<typeof runRowJson>[];
  /** The unit the next page starts at, or null on the last page. */
  next: number | null;
}

/** The settled study's units that have a result, in unit order (a partial study lacks its failed ones). */
const doneUnits = (state: StudyState) => [...state.doneUnits].sort((a, b) => a - b);

async function rowsOf(state: StudyState, env: { STUDIES: Parameters<typeof readUnitResults>[0] }, units: number[]): Promise<RunRow[]> {
  const { record } = state;
  const results = await readUnitResults(env.STUDIES, record.id, units);
  return units.flatMap((u, i) => {
    const read = results[i];
    // The document was built from these results; one unreadable now leaves its rows out, not the table.
    try {
      return read ? runRowsOf(record.spec, { unit: record.units[u], result: read.result }) : [];
    } catch {
      console.warn(`study ${record.id}: unit ${u}'s stored result cannot be read; its runs are left out`);
      return [];
    }
  });
}

/** A page of runs from unit `from` on (units are whole: a page ends where the next unit would pass `limit` runs). */
export async function runsPage(
  env: { STUDIES: Parameters<typeof readUnitResults>[0] },
  state: StudyState,
  columns: readonly string[],
  from: number,
  limit: number,
): Promise<RunsPage> {
  const units = doneUnits(state).filter((u) => u >= from);
  const page: number[] = [];
  let seeds = 0;
  for (const u of units) {
    const size = state.record.units[u].seeds.length;
    if (page.length && seeds + size > limit) break;
    page.push(u);
    seeds += size;
  }
  const rows = await rowsOf(state, env, page);
  const next = units[page.length] ?? null;
  return { columns: runTableColumns(columns), runs: rows.map((r) => runRowJson(r, columns)), next };
}

/** Every run of `seed` (each arm's, its re-run): only the units that trained it are read. */
export async function runsOfSeed(
  env: { STUDIES: Parameters<typeof readUnitResults>[0] },
  state: StudyState,
  columns: readonly string[],
  seed: number,
): Promise<ReturnType<typeof runRowJson>[]> {
  const units = doneUnits(state).filter((u) => state.record.units[u].seeds.includes(seed));
  return (await rowsOf(state, env, units)).filter((r) => r.seed === seed).map((r) => runRowJson(r, columns));
}

/** The whole table as CSV, produced as it is read: a bulk get per 100 units, one chunk of lines each. */
export function runsCsv(env: { STUDIES: Parameters<typeof readUnitResults>[0] }, state: StudyState, columns: readonly string[]) {
  const units = doneUnits(state);
  const encoder = new TextEncoder();
  let at = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(runsCsvHeader(columns)));
    },
    async pull(controller) {
      if (at >= units.length) return controller.close();
      const batch = units.slice(at, at + UNITS_PER_READ);
      at += batch.length;
      controller.enqueue(encoder.encode(runsCsvLines(await rowsOf(state, env, batch), columns)));
    },
  });
}
