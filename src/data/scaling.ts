import type { ScalingSpec } from '../spec/setup.ts';
import type { LabelledTable } from './table.ts';

/**
 * Per-feature affine scaling (x - shift) / scale. Standardization takes its statistics from the
 * training rows only, so nothing about the test rows leaks into training.
 */
export function fitScaling(table: LabelledTable, trainRows: Int32Array, spec: ScalingSpec): { shift: Float64Array; scale: Float64Array } {
  const f = table.features;
  const shift = new Float64Array(f);
  const scale = new Float64Array(f).fill(1);
  if (spec.kind === 'divide') scale.fill(spec.by);
  if (spec.kind === 'standardize') {
    const n = trainRows.length;
    for (const r of trainRows) for (let j = 0; j < f; j++) shift[j] += table.x[r * f + j] / n;
    const sq = new Float64Array(f);
    for (const r of trainRows) for (let j = 0; j < f; j++) sq[j] += (table.x[r * f + j] - shift[j]) ** 2 / n;
    // A constant feature keeps scale 1 rather than dividing by zero.
    for (let j = 0; j < f; j++) scale[j] = sq[j] > 0 ? Math.sqrt(sq[j]) : 1;
  }
  return { shift, scale };
}

export function scaleRows(table: LabelledTable, rows: Int32Array, s: { shift: Float64Array; scale: Float64Array }): Float32Array {
  const f = table.features;
  const out = new Float32Array(rows.length * f);
  rows.forEach((r, i) => {
    for (let j = 0; j < f; j++) out[i * f + j] = (table.x[r * f + j] - s.shift[j]) / s.scale[j];
  });
  return out;
}
