import { z } from 'zod';
import type { PreparedData } from '../data/table.ts';
import { type MlpParams, predictMlp } from '../model/mlp.ts';
import type { ModelSpec } from '../spec/setup.ts';

/**
 * What a trained network on a two-feature table predicts over the plane: the class of each cell's
 * centre on a square grid over its training rows (padded by a twentieth on every side), with a
 * sample of those rows. Computed where the run trains (the document keeps fingerprints, not
 * weights), so a report can draw the best, the median and the worst seed's regions side by side.
 */
const REGION_CELLS = 40;
/** Training rows kept with a map: enough to show the data's shape, few enough for the page budget. */
const POINTS_KEPT = 100;
/** One character per class: digits, then letters (36 classes at most). */
const CLASS_CHARACTERS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** What a run keeps (1.6 kB): the grid's predictions. Its rows are drawn again from its seed when a map is shown. */
export const RunRegions = z.object({
  /** The square drawn: [xMin, xMax, yMin, yMax], in the scaled features the network reads. */
  extent: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  cells: z.number().int(),
  /** The predicted class at each cell's centre, rows from yMin up, each row from xMin right: one character per cell. */
  classes: z.string(),
});
export type RunRegions = z.infer<typeof RunRegions>;

/** A map as a document keeps it: the run's predictions and a sample of its training rows. */
export const RegionMap = RunRegions.extend({
  /** A sample of the training rows: x, y (4 significant digits) and class. */
  points: z.array(z.tuple([z.number(), z.number(), z.number().int()])),
});
export type RegionMap = z.infer<typeof RegionMap>;

/** The centre of cell (column, row) of a map. */
export function cellCentre(map: Pick<RegionMap, 'extent' | 'cells'>, column: number, row: number): [number, number] {
  const [x0, x1, y0, y1] = map.extent;
  return [x0 + ((column + 0.5) * (x1 - x0)) / map.cells, y0 + ((row + 0.5) * (y1 - y0)) / map.cells];
}

/** The class a map records at cell (column, row). */
export const cellClass = (map: RunRegions, column: number, row: number): number =>
  CLASS_CHARACTERS.indexOf(map.classes[row * map.cells + column]);

/** The map of one trained network, or null when its table does not have two features (or has more classes than characters). */
export function regionMap(params: MlpParams, sizes: number[], activation: ModelSpec['activation'], data: PreparedData): RunRegions | null {
  if (data.features !== 2 || data.classes > CLASS_CHARACTERS.length || !data.trainY.length) return null;
  const xs = data.trainX.filter((_, i) => i % 2 === 0);
  const ys = data.trainX.filter((_, i) => i % 2 === 1);
  const pad = (lo: number, hi: number): [number, number] => {
    const margin = (hi - lo || 1) / 20;
    return [lo - margin, hi + margin];
  };
  const extent = [...pad(Math.min(...xs), Math.max(...xs)), ...pad(Math.min(...ys), Math.max(...ys))] as RegionMap['extent'];
  const grid = new Float32Array(REGION_CELLS * REGION_CELLS * 2);
  for (let row = 0; row < REGION_CELLS; row++)
    for (let column = 0; column < REGION_CELLS; column++)
      grid.set(cellCentre({ extent, cells: REGION_CELLS }, column, row), 2 * (row * REGION_CELLS + column));
  const predicted = predictMlp(params, sizes, activation, grid, REGION_CELLS * REGION_CELLS);
  return { extent, cells: REGION_CELLS, classes: Array.from(predicted, (c) => CLASS_CHARACTERS[c]).join('') };
}

/** Every k-th training row (at most POINTS_KEPT of them), as a map shows them. */
export function regionPoints(data: PreparedData): RegionMap['points'] {
  const step = Math.max(1, Math.ceil(data.trainY.length / POINTS_KEPT));
  const round = (v: number) => Number(v.toPrecision(4));
  const points: RegionMap['points'] = [];
  for (let i = 0; i < data.trainY.length; i += step)
    points.push([round(data.trainX[2 * i]), round(data.trainX[2 * i + 1]), data.trainY[i]]);
  return points;
}
