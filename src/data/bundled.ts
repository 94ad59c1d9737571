import { bundledCsv } from './bundled.generated.ts';
import type { LabelledTable } from './table.ts';

/** Class names of the bundled sets (target code = position), from data/datasets_info.json. */
const CLASS_NAMES: Record<string, string[]> = {
  digits: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  iris: ['setosa', 'versicolor', 'virginica'],
  wine: ['class_0', 'class_1', 'class_2'],
  'breast-cancer': ['malignant', 'benign'],
};

const cache = new Map<string, LabelledTable>();

/** Parses a bundled CSV (header row, numeric features, last column `target`). Cached: tables are read-only. */
export function loadBundledTable(name: string): LabelledTable {
  const hit = cache.get(name);
  if (hit) return hit;
  const entry = bundledCsv[name];
  if (!entry) throw new Error(`unknown bundled dataset "${name}"`);
  const lines = entry.text.trimEnd().split('\n');
  const header = lines[0].split(',');
  if (header[header.length - 1] !== 'target') throw new Error(`${entry.file}: last column must be "target"`);
  const features = header.length - 1;
  const rows = lines.length - 1;
  const x = new Float64Array(rows * features);
  const y = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const cells = lines[r + 1].split(',');
    if (cells.length !== features + 1) throw new Error(`${entry.file}: row ${r + 1} has ${cells.length} cells`);
    for (let f = 0; f < features; f++) x[r * features + f] = Number(cells[f]);
    y[r] = Number(cells[features]);
  }
  const classNames = CLASS_NAMES[name];
  const table: LabelledTable = { rows, features, classes: classNames.length, featureNames: header.slice(0, -1), classNames, x, y };
  cache.set(name, table);
  return table;
}
