import { z } from 'zod';
import { sha256Hex } from '../fingerprint/sha256Hex.ts';
import { forbiddenCharacter } from '../spec/freeText.ts';
import { STUDY_ID_PATTERN } from '../spec/studyId.ts';
import { type CsvRecord, CsvSyntaxError, eachCsvRecord } from './csvRecords.ts';
import type { LabelledTable } from './table.ts';

/**
 * A user's table: a header row, numeric feature columns and one label column, read strictly (every
 * bad cell is an error naming its row and column, nothing is guessed) and written back in a
 * canonical form whose SHA-256 is the dataset's id. The same table uploaded twice, with other line
 * ends, quoting, separators, number spellings or column order of the label, is one dataset.
 */
export const DATASET_LIMITS = {
  /** Bytes of the uploaded file (UTF-8). */
  maxBytes: 5_000_000,
  /** Data cells, the label column included (a row of 64 features and a label is 65 cells). */
  maxCells: 1_000_000,
  minClasses: 2,
  maxClasses: 50,
  /** Feature columns: the model's input width, and the size of a dataset's description. */
  maxFeatures: 1000,
  /** Characters of a column name, a label and the dataset's name. */
  maxTextLength: 100,
  maxNameLength: 200,
} as const;

/** What a dataset id looks like: the first 20 hex digits of the canonical table's SHA-256, as study ids are. */
export const DATASET_ID_PATTERN = STUDY_ID_PATTERN;
const DATASET_ID = new RegExp(`^${DATASET_ID_PATTERN}$`);
export const isDatasetId = (id: string) => DATASET_ID.test(id);

/**
 * Why a table cannot be read. `row` counts the file's lines from 1 (the header is row 1), as a
 * spreadsheet numbers them; `column` is the header's name of the column (or its position, from 1,
 * when the header itself is at fault). `tooLarge`: over a size limit (HTTP 413), else 400.
 */
export class DatasetError extends Error {
  readonly row?: number;
  readonly column?: string | number;
  readonly tooLarge: boolean;
  /** The request field at fault: the table itself, the `label` that names no column, or the `name`. */
  readonly field: 'body' | 'label' | 'name';
  constructor(message: string, at: { row?: number; column?: string | number; tooLarge?: boolean; field?: 'body' | 'label' | 'name' } = {}) {
    const where = [at.row !== undefined ? `row ${at.row}` : '', at.column !== undefined ? `column ${JSON.stringify(at.column)}` : '']
      .filter(Boolean)
      .join(', ');
    super(where ? `${where}: ${message}` : message);
    this.name = 'DatasetError';
    this.row = at.row;
    this.column = at.column;
    this.tooLarge = at.tooLarge ?? false;
    this.field = at.field ?? 'body';
  }
}

export interface UploadedDataset {
  id: string;
  /** The canonical table: features in their order, the label last, numbers in shortest round-trip form, LF line ends. */
  canonicalCsv: string;
  table: LabelledTable;
  /** The label column's name. */
  label: string;
}

/**
 * What the API, the dataset page and a report's dataset card show of a dataset: the one schema the
 * store reads a stored description with and the API's contract describes.
 */
export const DatasetDescription = z.object({
  id: z.string(),
  name: z.string(),
  rows: z.number().int(),
  features: z.number().int(),
  label: z.string(),
  classes: z.array(z.string()),
  classCounts: z.array(z.number().int()),
  featureRanges: z.array(z.object({ name: z.string(), min: z.number(), max: z.number() })),
});
export type DatasetDescription = z.output<typeof DatasetDescription>;

// A decimal number as people and programs write it; anything else (a thousands separator, a unit, a
// decimal comma, hex) is refused rather than guessed.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;

/** The separator of a file: a comma, or a semicolon or tab where the header holds no comma. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes(';')) return ';';
  if (firstLine.includes('\t')) return '\t';
  return ',';
}

function numberOf(cell: string, delimiter: string, at: { row: number; column: string }): number {
  const text = cell.trim();
  if (text === '') throw new DatasetError('the cell is empty (a missing value cannot train: fill or drop the row)', at);
  if (NOT_FINITE.test(text)) throw new DatasetError(`"${text}" is not a finite number (NaN and infinity cannot train)`, at);
  if (!NUMBER.test(text)) {
    const hint = delimiter === ';' && /^[+-]?\d*,\d+$/.test(text) ? ' (a decimal comma: write the decimal point as ".")' : '';
    throw new DatasetError(`"${shortText(text)}" is not a number${hint}`, at);
  }
  const value = Number(text);
  if (!Number.isFinite(value)) throw new DatasetError(`"${shortText(text)}" is beyond float64's range (about 1.8e308)`, at);
  return value;
}

const shortText = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** A column name or a label: trimmed, not empty, within the text limit, without control characters. */
function textOf(cell: string, what: string, at: { row: number; column: string | number }): string {
  const text = cell.trim();
  if (text === '') throw new DatasetError(`the ${what} is empty`, at);
  if (text.length > DATASET_LIMITS.maxTextLength)
    throw new DatasetError(`the ${what} is longer than ${DATASET_LIMITS.maxTextLength} characters`, at);
  const bad = forbiddenCharacter(text);
  if (bad) throw new DatasetError(`the ${what} holds a control or unpaired character (${bad})`, at);
  return text;
}

/** Code-point order (not UTF-16 units: "\u{1F600}" sorts after "\uFFFD"), the order classes are numbered in. */
const byCodePoint = (a: string, b: string) => {
  const x = Array.from(a, (c) => c.codePointAt(0) as number);
  const y = Array.from(b, (c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
};

/** A number in its shortest round-trip form (ECMAScript's Number::toString), keeping the sign of zero. */
const shortestNumber = (v: number) => (Object.is(v, -0) ? '-0' : String(v));
const csvCell = (text: string) => (/[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text);

/** Reads a table (see DATASET_LIMITS); `label` names the label column (default: the last one). Throws DatasetError. */
export async function readDatasetCsv(file: string, label?: string): Promise<UploadedDataset> {
  const bytes = new TextEncoder().encode(file).length;
  if (bytes > DATASET_LIMITS.maxBytes)
    throw new DatasetError(`the file is ${bytes} bytes, over the limit of ${DATASET_LIMITS.maxBytes} bytes (5 MB)`, { tooLarge: true });
  const text = file.startsWith('\uFEFF') ? file.slice(1) : file;
  if (text.trim() === '') throw new DatasetError('the file is empty: send a header row and at least one row of data');
  const delimiter = delimiterOf(text);
  // Set by the first record read (a `let` assigned in a callback: typed by a cast, not narrowed to null).
  let header = null as string[] | null;
  let labelName = '';
  let labelAt = -1;
  let featureAt: number[] = [];
  const values: number[] = [];
  const labels: string[] = [];
  const readHeader = ({ cells, line }: CsvRecord) => {
    const names = cells.map((cell, i) => textOf(cell, 'column name', { row: line, column: i + 1 }));
    if (names.every((name) => NUMBER.test(name)))
      throw new DatasetError('the first row holds only numbers: the file needs a header row naming its columns', { row: line });
    names.forEach((name, i) => {
      const first = names.indexOf(name);
      if (first !== i)
        throw new DatasetError(`the column name "${name}" appears twice (columns ${first + 1} and ${i + 1})`, { row: line, column: i + 1 });
    });
    if (names.length < 2) throw new DatasetError('the table needs at least one feature column and the label column', { row: line });
    labelName = label ?? names[names.length - 1];
    labelAt = names.indexOf(labelName);
    if (labelAt < 0)
      throw new DatasetError(`no column is named "${shortText(labelName)}" (the label column); the columns are ${names.join(', ')}`, {
        column: labelName,
        field: 'label',
      });
    featureAt = names.flatMap((_, i) => (i === labelAt ? [] : [i]));
    if (featureAt.length > DATASET_LIMITS.maxFeatures)
      throw new DatasetError(`${featureAt.length} feature columns, over the limit of ${DATASET_LIMITS.maxFeatures}`, { tooLarge: true });
    header = names;
  };
  const readRow = (names: string[], { cells, line }: CsvRecord) => {
    const cellCount = (labels.length + 1) * names.length;
    if (cellCount > DATASET_LIMITS.maxCells)
      throw new DatasetError(
        `more than ${DATASET_LIMITS.maxCells} cells (the limit): ${names.length} columns, ${labels.length + 1} rows and more`,
        {
          tooLarge: true,
        },
      );
    if (cells.length !== names.length)
      throw new DatasetError(`the row has ${cells.length} cells, the header ${names.length}`, { row: line });
    for (const c of featureAt) values.push(numberOf(cells[c], delimiter, { row: line, column: names[c] }));
    labels.push(textOf(cells[labelAt], 'label', { row: line, column: labelName }));
  };
  try {
    eachCsvRecord(text, delimiter, (record) => {
      if (record.cells.length === 1 && record.cells[0].trim() === '') return; // a blank line
      if (header) readRow(header, record);
      else readHeader(record);
    });
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new DatasetError(e.message, { row: e.line });
    throw e;
  }
  const rows = labels.length;
  if (rows === 0) throw new DatasetError('the file has a header but no rows of data');
  const features = featureAt.length;
  const x = Float64Array.from(values);
  values.length = 0;

  const classNames = [...new Set(labels)].sort(byCodePoint);
  if (classNames.length < DATASET_LIMITS.minClasses)
    throw new DatasetError(`every row has the label "${classNames[0]}": a classifier needs at least 2 classes`, { column: labelName });
  if (classNames.length > DATASET_LIMITS.maxClasses)
    throw new DatasetError(`${classNames.length} distinct labels, over the limit of ${DATASET_LIMITS.maxClasses} classes`, {
      column: labelName,
    });
  const classOf = new Map(classNames.map((name, i) => [name, i]));
  const y = Int32Array.from(labels, (name) => classOf.get(name) as number);
  const names = header ?? [];
  const featureNames = featureAt.map((c) => names[c]);
  const table: LabelledTable = { rows, features, classes: classNames.length, featureNames, classNames, x, y };
  const canonicalCsv = canonicalDatasetCsv(table, labelName);
  const id = (await sha256Hex(canonicalCsv)).slice(0, 20);
  return { id, canonicalCsv, table, label: labelName };
}

/** The canonical table: the feature columns in their order, the label last; LF line ends, a final LF. */
function canonicalDatasetCsv(table: LabelledTable, label: string): string {
  const lines = [[...table.featureNames, label].map(csvCell).join(',')];
  for (let r = 0; r < table.rows; r++) {
    const cells: string[] = [];
    for (let f = 0; f < table.features; f++) cells.push(shortestNumber(table.x[r * table.features + f]));
    cells.push(csvCell(table.classNames[table.y[r]]));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** A dataset's name as given: trimmed, within the limit, no control characters; null when none is given (the id names it then). */
export function datasetNameOf(given: string | undefined): string | null {
  const name = given?.trim() ?? '';
  if (name === '') return null;
  if (name.length > DATASET_LIMITS.maxNameLength)
    throw new DatasetError(`the name is longer than ${DATASET_LIMITS.maxNameLength} characters`, { field: 'name' });
  const bad = forbiddenCharacter(name);
  if (bad) throw new DatasetError(`the name holds a control or unpaired character (${bad})`, { field: 'name' });
  return name;
}

/** The description of a dataset: its size, classes with their counts, and each feature's range. */
export function describeDataset(dataset: UploadedDataset, name: string | null): DatasetDescription {
  const { table } = dataset;
  const classCounts = new Array<number>(table.classes).fill(0);
  for (const c of table.y) classCounts[c]++;
  const featureRanges = table.featureNames.map((featureName, f) => {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let r = 0; r < table.rows; r++) {
      const v = table.x[r * table.features + f];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return { name: featureName, min, max };
  });
  return {
    id: dataset.id,
    name: name ?? dataset.id,
    rows: table.rows,
    features: table.features,
    label: dataset.label,
    classes: table.classNames,
    classCounts,
    featureRanges,
  };
}
