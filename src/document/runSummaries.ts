import { z } from 'zod';
import { sortedQuantile } from '../stats/summarize.ts';
import { finiteOrNull } from './parts.ts';

/**
 * What a document holds instead of every run, once runs are many: the final metric's exact
 * quantiles and histogram, and per-epoch curves as quantile bands. Every run stays stored with its
 * unit and is served by `GET /api/studies/<id>/runs` (and `runs.csv`). A document stays within its
 * budget (bench/README.md, "Documents and pages at any scale") at 10 seeds and at 10,000.
 */

/**
 * A document keeps every run (with its per-epoch curves) while it has at most this many runs and
 * at most CURVE_POINTS_KEPT curve points per curve (runs x epochs): 30 digits seeds x 20 epochs keep
 * theirs, 100 iris seeds x 200 epochs (about 1.5 MB of curves) do not.
 */
const RUNS_KEPT = 100;
const CURVE_POINTS_KEPT = 2500;
export const keepsEveryRun = (runs: number, epochs = 1): boolean => runs <= RUNS_KEPT && runs * epochs <= CURVE_POINTS_KEPT;

/** Whether a document holds every run, or only the runs its report names (the rest: GET .../runs). */
export const RunsInDocument = z.enum(['all', 'named']);

const Quantiles = z.object({
  p01: z.number(),
  p05: z.number(),
  p25: z.number(),
  p50: z.number(),
  p75: z.number(),
  p95: z.number(),
  p99: z.number(),
});
type Quantiles = z.infer<typeof Quantiles>;
const QUANTILE_LEVELS = { p01: 0.01, p05: 0.05, p25: 0.25, p50: 0.5, p75: 0.75, p95: 0.95, p99: 0.99 } as const;

/**
 * The final metric's histogram: a count for every distinct value while there are few of them
 * (a test accuracy is k / test rows, so bins of equal width would alias), else equal-width bins
 * from the minimum to the maximum (the last bin includes the maximum).
 */
const Histogram = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('values'), values: z.array(z.number()), counts: z.array(z.number().int()) }),
  z.object({ kind: z.literal('bins'), from: z.number(), width: z.number(), counts: z.array(z.number().int()) }),
]);
type Histogram = z.infer<typeof Histogram>;
/** Distinct values a histogram lists one by one (a 449-row test set's accuracies over 10,000 seeds take about 30). */
const VALUES_LISTED = 200;
/** Past VALUES_LISTED distinct values, this many equal-width bins. */
const HISTOGRAM_BARS = 60;

export const Distribution = z.object({ n: z.number().int(), quantiles: Quantiles, histogram: Histogram });
export type Distribution = z.infer<typeof Distribution>;

/** The distribution of a final metric over runs (null for none). */
export function distributionOf(values: number[]): Distribution | null {
  if (!values.length) return null;
  const sorted = Float64Array.from(values).sort();
  const quantiles = Object.fromEntries(Object.entries(QUANTILE_LEVELS).map(([name, q]) => [name, sortedQuantile(sorted, q)])) as Quantiles;
  return { n: sorted.length, quantiles, histogram: histogramOf(sorted) };
}

function histogramOf(sorted: Float64Array): Histogram {
  const values: number[] = [];
  const counts: number[] = [];
  for (const v of sorted) {
    if (values.length && values[values.length - 1] === v) counts[counts.length - 1]++;
    else {
      if (values.length === VALUES_LISTED) return binned(sorted);
      values.push(v);
      counts.push(1);
    }
  }
  return { kind: 'values', values, counts };
}

function binned(sorted: Float64Array): Histogram {
  const from = sorted[0];
  const width = (sorted[sorted.length - 1] - from) / HISTOGRAM_BARS;
  const counts = new Array<number>(HISTOGRAM_BARS).fill(0);
  for (const v of sorted) counts[Math.min(HISTOGRAM_BARS - 1, Math.floor((v - from) / width))]++;
  return { kind: 'bins', from, width, counts };
}

/**
 * How many of a distribution's values lie below `x`: exact from a count per value; from bins, the
 * bins wholly below plus the straddling bin's share by linear interpolation (`exact: false`).
 */
export function countBelow(d: Distribution, x: number): { below: number; exact: boolean } {
  const h = d.histogram;
  if (h.kind === 'values') return { below: h.values.reduce((n, v, i) => n + (v < x ? h.counts[i] : 0), 0), exact: true };
  let below = 0;
  for (const [i, count] of h.counts.entries()) {
    const lo = h.from + i * h.width;
    if (lo + h.width <= x) below += count;
    else if (lo < x) below += (count * (x - lo)) / h.width;
  }
  return { below: Math.round(below), exact: false };
}

/** One curve's band per epoch: the 5th, 25th, 75th and 95th percentiles (the median is the document's median curve). */
const Band = z.object({ p05: z.array(finiteOrNull), p25: z.array(finiteOrNull), p75: z.array(finiteOrNull), p95: z.array(finiteOrNull) });
export const CurveBands = z.object({ trainLoss: Band, trainAccuracy: Band, testLoss: Band, testAccuracy: Band });
export type CurveBands = z.infer<typeof CurveBands>;
type CurveName = keyof CurveBands;
const CURVE_NAMES: CurveName[] = ['trainLoss', 'trainAccuracy', 'testLoss', 'testAccuracy'];

/** Per epoch, the median and the bands of each curve over the runs given (epochs where no run has a value: null). */
export function curveSpreadOf(
  runs: { curves: Record<CurveName, (number | null)[]> }[],
  epochs: number,
): { median: Record<CurveName, (number | null)[]>; bands: CurveBands } {
  const median = {} as Record<CurveName, (number | null)[]>;
  const bands = {} as CurveBands;
  for (const curve of CURVE_NAMES) {
    const band = { p05: [] as (number | null)[], p25: [] as (number | null)[], p75: [] as (number | null)[], p95: [] as (number | null)[] };
    median[curve] = [];
    for (let e = 0; e < epochs; e++) {
      const values = runs.map((r) => r.curves[curve][e]).filter((v): v is number => v !== null && v !== undefined);
      const sorted = Float64Array.from(values).sort();
      const at = (q: number) => (sorted.length ? sortedQuantile(sorted, q) : null);
      median[curve].push(at(0.5));
      band.p05.push(at(0.05));
      band.p25.push(at(0.25));
      band.p75.push(at(0.75));
      band.p95.push(at(0.95));
    }
    bands[curve] = band;
  }
  return { median, bands };
}

/** The most outliers a document names: the farthest from the median (then the lowest seeds), listed by seed. */
const OUTLIERS_NAMED = 20;
export const mostExtreme = (outliers: { seed: number; value: number }[], median: number) =>
  [...outliers]
    .sort((a, b) => Math.abs(b.value - median) - Math.abs(a.value - median) || a.seed - b.seed)
    .slice(0, OUTLIERS_NAMED)
    .sort((a, b) => a.seed - b.seed);

/** The seed whose value is nearest `target` (the lowest seed among equals). */
export function nearestSeed(values: Map<number, number>, target: number): number | null {
  let best: number | null = null;
  let distance = Number.POSITIVE_INFINITY;
  for (const [seed, value] of values) {
    const d = Math.abs(value - target);
    if (d < distance || (d === distance && best !== null && seed < best)) {
      best = seed;
      distance = d;
    }
  }
  return best;
}
