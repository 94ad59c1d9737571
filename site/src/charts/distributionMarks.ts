import * as Plot from '@observablehq/plot';
import type { DocumentOfKind } from '../../../src/index.ts';
import { ACCENT, renderSvg, WIDE_CHART_WIDTH } from './plotSvg.ts';

/**
 * Marks that draw a document's summaries, so a chart's size does not grow with the runs: the
 * final metric's histogram as bars, and per-epoch curves as quantile bands. What they draw is the
 * document's (counts, quantiles); Plot only lays it out.
 */

type Distribution = NonNullable<DocumentOfKind<'seed-variance'>['distribution']>;
type Bands = DocumentOfKind<'seed-variance'>['curveBands'];
type Curve = keyof Bands;

/** A dot per seed reads up to this many seeds; past it, a chart draws the distribution's bars. */
export const DOTS_DRAWN = 300;
/** A line per seed reads up to this many points in all (30 seeds x 20 epochs draw 600); past it, bands. */
export const SEED_LINE_POINTS_DRAWN = 1000;

/** The most epochs a curve draws: past it, every k-th epoch and the last (a 640 px chart shows no more), so 200 epochs cost a page what 80 do. */
const EPOCHS_DRAWN = 80;
/** Whether epoch index `e` (0-based) of `epochs` is drawn. */
export function drawsEpoch(e: number, epochs: number): boolean {
  const step = Math.ceil(epochs / EPOCHS_DRAWN);
  return e % step === 0 || e === epochs - 1;
}

/**
 * The histogram's bars on a linear x axis (times `scale`): a bar per bin, or a bar per distinct
 * value as wide as the smallest gap between two values (a test accuracy is k / test rows).
 */
function histogramBars(d: Distribution, scale: number): { x1: number; x2: number; count: number }[] {
  const h = d.histogram;
  if (h.kind === 'bins')
    return h.counts.map((count, i) => ({ x1: scale * (h.from + i * h.width), x2: scale * (h.from + (i + 1) * h.width), count }));
  const gaps = h.values.slice(1).map((v, i) => v - h.values[i]);
  const half = (gaps.length ? Math.min(...gaps) : 0.01) / 2;
  return h.values.map((v, i) => ({ x1: scale * (v - half), x2: scale * (v + half), count: h.counts[i] }));
}

/** The bars as a Plot mark (y: how many seeds). */
export const histogramMark = (d: Distribution, scale: number, fill = ACCENT) =>
  Plot.rectY(histogramBars(d, scale), { x1: 'x1', x2: 'x2', y: 'count', fill, insetLeft: 0.5, insetRight: 0.5 });

/** Per epoch, the 5-95% and 25-75% bands of a curve and its median line (times `scale`; log axes need positive values). */
export function bandMarks(median: (number | null)[], bands: Bands[Curve], scale: number): Plot.Markish[] {
  const rows = median.flatMap((m, e) => {
    if (!drawsEpoch(e, median.length)) return [];
    const at = (xs: (number | null)[]) => xs[e];
    const [p05, p25, p75, p95] = [at(bands.p05), at(bands.p25), at(bands.p75), at(bands.p95)];
    return m === null || p05 === null || p25 === null || p75 === null || p95 === null
      ? []
      : [{ epoch: e + 1, median: scale * m, p05: scale * p05, p25: scale * p25, p75: scale * p75, p95: scale * p95 }];
  });
  return [
    Plot.areaY(rows, { x: 'epoch', y1: 'p05', y2: 'p95', fill: ACCENT, fillOpacity: 0.15 }),
    Plot.areaY(rows, { x: 'epoch', y1: 'p25', y2: 'p75', fill: ACCENT, fillOpacity: 0.3 }),
    Plot.line(rows, { x: 'epoch', y: 'median', stroke: ACCENT, strokeWidth: 3 }),
  ];
}

export interface DistributionGroup {
  label: string;
  distribution: Distribution | null;
  /** The group's mean as the document records it, or null when every run diverged. */
  mean: number | null;
}

/**
 * Many runs per group (arms): each group's quantiles on one row, a thin line from the 5th to the
 * 95th percentile, a thick bar from the 25th to the 75th, a dot at the median and a tick at the mean.
 */
export function groupedDistributionSvg(
  groups: DistributionGroup[],
  labels: { axis: string; alt: string },
  size: { width?: number; height?: number },
  asWritten: string[],
  /** Accuracies are drawn as percents; an imported metric in its own unit. */
  scale = 100,
): string {
  const { width = WIDE_CHART_WIDTH, height = 60 + 36 * groups.length } = size;
  const rows = groups.flatMap((g) => {
    const q = g.distribution?.quantiles;
    return q
      ? [{ label: g.label, p05: scale * q.p05, p25: scale * q.p25, p50: scale * q.p50, p75: scale * q.p75, p95: scale * q.p95 }]
      : [];
  });
  const means = groups.flatMap((g) => (g.mean === null ? [] : [{ label: g.label, mean: scale * g.mean }]));
  return renderSvg(
    {
      width,
      height,
      marginLeft: 150,
      x: { label: labels.axis, nice: true },
      y: { label: null, domain: groups.map((g) => g.label) },
      ariaLabel: labels.alt,
      marks: [
        Plot.ruleY(rows, { y: 'label', x1: 'p05', x2: 'p95', stroke: ACCENT, strokeWidth: 1.5 }),
        Plot.ruleY(rows, { y: 'label', x1: 'p25', x2: 'p75', stroke: ACCENT, strokeWidth: 9, strokeOpacity: 0.6 }),
        Plot.dot(rows, { y: 'label', x: 'p50', r: 4, fill: 'white', stroke: ACCENT, strokeWidth: 2 }),
        Plot.tickX(means, { x: 'mean', y: 'label', stroke: 'currentColor', strokeWidth: 2 }),
      ],
    },
    asWritten,
  );
}
