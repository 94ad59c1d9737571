import { csvRecords } from '../data/csvRecords.ts';

/**
 * One row per run, for `GET /api/studies/<id>/runs` and `runs.csv`: every kind that has runs
 * turns a stored unit into rows (its `training.runRows`), with the seed, the kind's grouping
 * columns (arm, source, size, model, schedule, multiplier, backend, rerun) and the run's outcome.
 * A field the kind does not record (a classic fit has no loss or fingerprint) is null, an empty
 * CSV cell.
 */
export type GroupValue = string | number | boolean;

export interface RunRow {
  seed: number;
  /** The kind's grouping columns, named as in `columns`. */
  groups: Record<string, GroupValue>;
  testAccuracy: number | null;
  testLoss: number | null;
  fingerprint: string | null;
  diverged: boolean | null;
  divergedAtEpoch: number | null;
}

/** A kind's rows: its grouping column names, in order, and a unit's rows. */
export interface KindRunRows<Spec, Unit, Result> {
  columns: readonly string[];
  rows(spec: Spec, unit: Unit, result: Result): RunRow[];
}

/** The outcome columns every row has, after the seed and the grouping columns (named as in the README). */
const OUTCOME_COLUMNS = ['test_accuracy', 'test_loss', 'fingerprint', 'diverged', 'diverged_at_epoch'] as const;

/** A run's row as JSON (the paged API): flat, with the CSV's column names. */
export function runRowJson(row: RunRow, columns: readonly string[]): Record<string, GroupValue | null> {
  return {
    seed: row.seed,
    ...Object.fromEntries(columns.map((c) => [c, row.groups[c] ?? null])),
    test_accuracy: row.testAccuracy,
    test_loss: row.testLoss,
    fingerprint: row.fingerprint,
    diverged: row.diverged,
    diverged_at_epoch: row.divergedAtEpoch,
  };
}

/** Every column of a kind's run table, in order: the seed, its grouping columns, the outcome columns. */
export const runTableColumns = (columns: readonly string[]): string[] => ['seed', ...columns, ...OUTCOME_COLUMNS];

export const runsCsvHeader = (columns: readonly string[]): string => `${runTableColumns(columns).join(',')}\r\n`;

/** Rows as CSV lines (RFC 4180: a cell with a comma, quote or line break is quoted; numbers in their shortest round-trip form). */
export function runsCsvLines(rows: RunRow[], columns: readonly string[]): string {
  let out = '';
  for (const row of rows) out += `${Object.values(runRowJson(row, columns)).map(csvCell).join(',')}\r\n`;
  return out;
}

/** One RFC 4180 cell: quoted when it holds a comma, quote or line break; null is empty. */
export function csvCell(value: GroupValue | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A row from the fields a RunRecord, a RunResult or a SeedResult share (missing ones are null). */
export function rowOf(
  run: {
    seed: number;
    testAccuracy: number | null;
    fingerprint: string;
    diverged: boolean;
    testLoss?: number | null;
    divergedAtEpoch?: number | null;
  },
  groups: Record<string, GroupValue> = {},
): RunRow {
  return {
    seed: run.seed,
    groups,
    testAccuracy: run.testAccuracy,
    testLoss: run.testLoss ?? null,
    fingerprint: run.fingerprint,
    diverged: run.diverged,
    divergedAtEpoch: run.divergedAtEpoch ?? null,
  };
}

const NUMBER_COLUMNS = new Set(['seed', 'value', 'test_accuracy', 'test_loss', 'diverged_at_epoch', 'size', 'multiplier', 'lr']);
const BOOLEAN_COLUMNS = new Set(['diverged', 'rerun']);

/**
 * runs.csv read back into the API's rows (a static export has the file, not the API): RFC 4180
 * cells, typed by column (numbers, booleans, text; an empty cell is null).
 */
export function runRowsFromCsv(text: string): Record<string, GroupValue | null>[] {
  const records = csvRecords(text).map((r) => r.cells);
  const [header, ...lines] = records;
  if (!header) return [];
  return lines
    .filter((cells) => cells.length === header.length)
    .map((cells) =>
      Object.fromEntries(
        header.map((column, i) => {
          const cell = cells[i];
          if (cell === '') return [column, null];
          if (NUMBER_COLUMNS.has(column)) return [column, Number(cell)];
          if (BOOLEAN_COLUMNS.has(column)) return [column, cell === 'true'];
          return [column, cell];
        }),
      ),
    );
}
