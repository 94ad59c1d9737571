import * as Plot from '@observablehq/plot';
import { cellClass, type DocumentOfKind, type RegionMap, type RunRegions } from '../../../../src/index.ts';

type SeedVarianceDocument = DocumentOfKind<'seed-variance'>;

import { type ClassGrid, dotsAsPaths, gridsAsImages } from '../../charts/compactMarks.ts';
import { bandMarks, DOTS_DRAWN, drawsEpoch, histogramMark, SEED_LINE_POINTS_DRAWN } from '../../charts/distributionMarks.ts';
import { ACCENT, plainTick, renderSvg, SEED_LINE } from '../../charts/plotSvg.ts';
import { formatFor, type Locale, t } from '../../presentation/index.ts';
import { pct, val } from '../../presentation/phrases.ts';
import type { ChartsOf } from '../views.ts';
import { phrases } from './sentences.ts';

const finished = (doc: SeedVarianceDocument) =>
  doc.runs.flatMap((r) => (!r.diverged && r.testAccuracy !== null ? [{ seed: r.seed, accuracy: r.testAccuracy }] : []));

/** Past DOTS_DRAWN seeds (or when the document names a few runs), the strip draws the distribution's bars. */
export const drawsDots = (doc: SeedVarianceDocument) => doc.runsInDocument === 'all' && (doc.summary?.n ?? 0) <= DOTS_DRAWN;
/** A line per seed while the document has every run and their points are few; else bands. */
export const drawsSeedLines = (doc: SeedVarianceDocument) =>
  doc.runsInDocument === 'all' && doc.runs.length * doc.spec.training.epochs <= SEED_LINE_POINTS_DRAWN;

/** One dot per seed (a beeswarm), or the histogram past DOTS_DRAWN seeds; the mean as a rule, and the 95% CI of the mean as a band. */
export function seedStripSvg(doc: SeedVarianceDocument, locale: Locale, width = 640, height = 150): string {
  const { labels } = phrases.in(locale);
  const s = doc.summary;
  const dots = drawsDots(doc);
  const runs = finished(doc).map((r) => ({
    seed: r.seed,
    accuracy: 100 * r.accuracy,
    text: labels.seedDot({ seed: r.seed, accuracy: pct(r.accuracy, 2) }),
  }));
  const alt = dots ? labels.perSeedAlt : labels.perSeedManyAlt;
  return renderSvg({
    width,
    height,
    marginLeft: 20,
    marginRight: 20,
    x: { label: t(locale).words.accuracyAxis, nice: true },
    ...(dots ? {} : { y: { axis: null } }),
    ariaLabel: s
      ? alt({ n: s.n, mean: pct(s.mean), lo: pct(s.ci95.t[0]), hi: pct(s.ci95.t[1]) })
      : t(locale).words.undecided['all-diverged'],
    marks: [
      ...(s
        ? [
            Plot.rectX([s.ci95.t], {
              x1: (d: number[]) => 100 * d[0],
              x2: (d: number[]) => 100 * d[1],
              fill: 'currentColor',
              fillOpacity: 0.12,
              className: 'ci',
            }),
          ]
        : []),
      ...(dots
        ? [
            Plot.dot(
              runs,
              Plot.dodgeY({ x: 'accuracy', r: 4.5, anchor: 'middle', fill: ACCENT, stroke: 'white', strokeWidth: 0.5, title: 'text' }),
            ),
          ]
        : doc.distribution
          ? [histogramMark(doc.distribution, 100)]
          : []),
      ...(s ? [Plot.ruleX([100 * s.mean], { stroke: 'currentColor', strokeWidth: 2, className: 'mean' })] : []),
    ],
  });
}

/** The document's histogram of test accuracy (every seed's, at any count). */
export function histogramSvg(doc: SeedVarianceDocument, locale: Locale, width = 640): string {
  const { labels } = phrases.in(locale);
  return renderSvg({
    width,
    height: 200,
    x: { label: t(locale).words.accuracyAxis },
    y: { label: labels.countAxis, grid: true },
    ariaLabel: labels.histogramAlt,
    marks: [...(doc.distribution ? [histogramMark(doc.distribution, 100)] : []), Plot.ruleY([0])],
  });
}

/** A thin line per seed plus the median; past SEED_LINE_POINTS_DRAWN, the quantile bands and the best, median and worst seeds' own lines. */
export function curvesSvg(doc: SeedVarianceDocument, curve: 'testAccuracy' | 'trainLoss', locale: Locale, width = 640): string {
  const { labels } = phrases.in(locale);
  const scale = curve === 'testAccuracy' ? 100 : 1;
  const pointsOf = (r: SeedVarianceDocument['runs'][number]) =>
    r.curves[curve].flatMap((v, e, all) =>
      v === null || !drawsEpoch(e, all.length) ? [] : [{ seed: r.seed, epoch: e + 1, value: scale * v }],
    );
  const accuracy = curve === 'testAccuracy';
  const what = accuracy ? labels.testAccuracyCurve : labels.trainLossCurve;
  const lines = drawsSeedLines(doc);
  const median = doc.medianCurves[curve].flatMap((v, e) => (v === null ? [] : [{ epoch: e + 1, value: scale * v }]));
  const named = namedRuns(doc).flatMap(({ which, run }) => {
    const points = pointsOf(run);
    return points.length ? [{ points, label: { ...points[points.length - 1], text: labels.namedRun[which]({ seed: run.seed }) } }] : [];
  });
  return renderSvg({
    width,
    height: 240,
    marginRight: lines ? 20 : 110,
    x: { label: labels.epochAxis },
    y: accuracy
      ? { label: t(locale).words.accuracyAxis, grid: true }
      : { label: labels.lossAxis, grid: true, type: 'log', tickFormat: plainTick },
    ariaLabel: lines ? labels.curvesAlt({ what }) : labels.bandsAlt({ what }),
    marks: lines
      ? [
          Plot.line(doc.runs.flatMap(pointsOf), { x: 'epoch', y: 'value', z: 'seed', stroke: SEED_LINE, strokeWidth: 0.75 }),
          Plot.line(median, { x: 'epoch', y: 'value', stroke: ACCENT, strokeWidth: 3 }),
        ]
      : [
          ...bandMarks(doc.medianCurves[curve], doc.curveBands[curve], scale),
          ...named.map((n) => Plot.line(n.points, { x: 'epoch', y: 'value', stroke: SEED_LINE, strokeWidth: 1 })),
          Plot.text(
            named.map((n) => n.label),
            { x: 'epoch', y: 'value', text: 'text', textAnchor: 'start', dx: 4, fill: 'currentColor' },
          ),
        ],
  });
}

/** How the estimate of the mean (or the spread) moves and tightens over the first n seeds: a line with its 95% band. */
export function convergenceSvg(doc: SeedVarianceDocument, what: 'mean' | 'std', locale: Locale, width = 640): string {
  const steps = doc.scale?.convergence ?? [];
  if (!steps.length) return '';
  const { labels } = phrases.in(locale);
  const rows = steps.map((s) => {
    const [value, [lo, hi]] = what === 'mean' ? [s.mean, s.meanInterval] : [s.std, s.stdInterval];
    return { seeds: s.seeds, value: 100 * value, lo: 100 * lo, hi: 100 * hi };
  });
  const range = { from: steps[0].seeds, to: steps[steps.length - 1].seeds };
  return renderSvg({
    width,
    height: 200,
    x: { label: labels.seedsAxis, type: 'log', tickFormat: plainTick },
    y: { label: what === 'mean' ? t(locale).words.accuracyAxis : labels.stdAxis, grid: true },
    ariaLabel: what === 'mean' ? labels.convergenceMeanAlt(range) : labels.convergenceStdAlt(range),
    marks: [
      Plot.areaY(rows, { x: 'seeds', y1: 'lo', y2: 'hi', fill: ACCENT, fillOpacity: 0.2 }),
      Plot.line(rows, { x: 'seeds', y: 'value', stroke: ACCENT, strokeWidth: 2, marker: 'dot' }),
    ],
  });
}

/** The best, median and worst seeds' runs, where the document holds them. */
function namedRuns(doc: SeedVarianceDocument) {
  const s = doc.summary;
  if (!s) return [];
  const bySeed = new Map(doc.runs.map((r) => [r.seed, r]));
  const picks = [
    { which: 'best', seed: s.best.seed },
    { which: 'median', seed: doc.medianSeed },
    { which: 'worst', seed: s.worst.seed },
  ] as const;
  return picks.flatMap(({ which, seed }) => {
    const run = seed === null ? undefined : bySeed.get(seed);
    return run ? [{ which, run }] : [];
  });
}

/** A map panel: its title (lines split by "\n"), its map and the training rows drawn over it. */
export interface MapPanel {
  title: string;
  map: RunRegions;
  points: RegionMap['points'];
}

/** The decision regions' panels: the best, the median and the worst seed (each once). */
export function regionPanels(doc: SeedVarianceDocument, locale: Locale): MapPanel[] {
  const { labels } = phrases.in(locale);
  return (doc.decisionRegions ?? []).map((m) => ({
    title: labels.regionPanel[m.role]({ seed: m.seed, accuracy: pct(m.accuracy) }),
    map: m,
    points: m.points,
  }));
}

/** The walk-through's panels: the first seed's map before training and after each epoch shown, with its loss and accuracy then. */
export function trainingPanels(doc: SeedVarianceDocument, locale: Locale): MapPanel[] {
  const walk = doc.stepByStep;
  if (!walk) return [];
  const { labels } = phrases.in(locale);
  return [
    { title: labels.snapshotBefore, map: walk.initial, points: walk.points },
    ...walk.snapshots.map((s) => ({
      title: labels.snapshotPanel({ epoch: s.epoch, loss: val(s.trainLoss, 3), accuracy: pct(s.testAccuracy) }),
      map: s,
      points: walk.points,
    })),
  ];
}

/** The walk-through's alt text. */
export function trainingAlt(doc: SeedVarianceDocument, locale: Locale): string {
  const walk = doc.stepByStep;
  return walk
    ? phrases.in(locale).labels.trainingAlt({ seed: walk.seed, epochs: formatFor(locale).list(walk.snapshots.map((s) => s.epoch)) })
    : '';
}

/**
 * The best, the median and the worst seed's decision regions side by side (two-feature tables): the
 * class each network predicts over the plane, shaded, and a sample of its training rows as dots, in
 * the class's colour. '' when the document has no maps.
 */
export function regionsSvg(doc: SeedVarianceDocument, locale: Locale, width = 640): string {
  const panels = regionPanels(doc, locale);
  if (!panels.length) return '';
  const { labels } = phrases.in(locale);
  return renderSvg(
    {
      width,
      height: Math.round(width / panels.length) + 56,
      marginTop: 8,
      // Two-line panel titles under the panels.
      marginBottom: 44,
      fx: { label: null, domain: panels.map((p) => p.title), axis: 'bottom' },
      x: { axis: null, domain: [0, 1] },
      y: { axis: null, domain: [0, 1] },
      color: { type: 'categorical', domain: classNames(doc), legend: false },
      ariaLabel: labels.regionsAlt,
      marks: mapMarks(
        panels.map((p) => ({ ...p, facet: { fx: p.title } })),
        doc.data.classes,
      ),
    },
    panels.map((p) => p.title),
  );
}

const classGridOf = (map: RunRegions): ClassGrid => ({ cells: map.cells, classAt: (column, row) => cellClass(map, column, row) });

const classNames = (doc: SeedVarianceDocument) => Array.from({ length: doc.data.classes }, (_, c) => String(c));

/** Maps drawn in their panels: each map's cells as rectangles (shaded by class) and its rows as dots, in the unit square. */
function mapMarks(
  panels: { facet: { fx: string | number; fy?: number }; map: RunRegions; points: RegionMap['points'] }[],
  classes: number,
  sharedDots?: string,
): Plot.Markish[] {
  // A row of panels has no fy: a channel of undefined values would draw an axis of its own.
  const facets = panels.some((p) => p.facet.fy !== undefined) ? { fx: 'fx', fy: 'fy' } : { fx: 'fx' };
  const unit = (map: RunRegions) => {
    const [x0, x1, y0, y1] = map.extent;
    return { x: (x: number) => (x - x0) / (x1 - x0), y: (y: number) => (y - y0) / (y1 - y0) };
  };
  return [
    Plot.rect(
      panels.map(({ facet }) => ({ ...facet, x1: 0, x2: 1, y1: 0, y2: 1 })),
      {
        ...facets,
        x1: 'x1',
        x2: 'x2',
        y1: 'y1',
        y2: 'y2',
        render: gridsAsImages(
          panels.map(({ map }) => classGridOf(map)),
          classes,
          0.3,
        ),
      },
    ),
    Plot.dot(
      panels.flatMap(({ facet, map, points }) => {
        const to = unit(map);
        return points.map(([x, y, c]) => ({ ...facet, x: to.x(x), y: to.y(y), cls: String(c) }));
      }),
      { ...facets, x: 'x', y: 'y', fill: 'cls', render: dotsAsPaths(4, sharedDots) },
    ),
  ];
}

/** Lines under each panel of the walk-through (a title of three lines). */
const SNAPSHOT_TITLE_PX = 52;
/** Panels a row of the walk-through holds (six maps make two rows, wide enough on a phone). */
const SNAPSHOT_COLUMNS = 3;

/**
 * "Training, step by step": the first seed's map before training and after each epoch shown, in
 * rows of three, each titled with its epoch, training loss and test accuracy. '' without a walk-through.
 */
export function trainingSvg(doc: SeedVarianceDocument, locale: Locale, width = 640): string {
  const maps = trainingPanels(doc, locale);
  if (!maps.length) return '';
  const columns = Math.min(SNAPSHOT_COLUMNS, maps.length);
  const rows = Math.ceil(maps.length / columns);
  const gap = 0.08;
  // A band scale of n panels with inner padding p: each panel is R (1 - p) / (n - p) wide.
  const side = (width * (1 - gap)) / (columns - gap);
  const rowGap = SNAPSHOT_TITLE_PX / (side + SNAPSHOT_TITLE_PX);
  const panels = maps.map((m, i) => ({ ...m, facet: { fx: i % columns, fy: Math.floor(i / columns) } }));
  return renderSvg({
    width,
    height: Math.round(rows * side + rows * SNAPSHOT_TITLE_PX),
    marginTop: 0,
    marginLeft: 0,
    marginRight: 0,
    marginBottom: SNAPSHOT_TITLE_PX,
    fx: { axis: null, domain: Array.from({ length: columns }, (_, i) => i), paddingInner: gap, paddingOuter: 0 },
    fy: { axis: null, domain: Array.from({ length: rows }, (_, i) => i), paddingInner: rowGap, paddingOuter: 0 },
    x: { axis: null, domain: [0, 1] },
    y: { axis: null, domain: [0, 1] },
    color: { type: 'categorical', domain: classNames(doc), legend: false },
    ariaLabel: trainingAlt(doc, locale),
    marks: [
      // Every panel shows the same rows at the same places: drawn once, used in the others.
      ...mapMarks(panels, doc.data.classes, 'training-rows'),
      Plot.text(panels, {
        fx: (p) => p.facet.fx,
        fy: (p) => p.facet.fy,
        text: 'title',
        frameAnchor: 'bottom',
        lineAnchor: 'top',
        dy: 6,
        lineHeight: 1.2,
      }),
    ],
  });
}

/** This kind's charts for its view (site/src/kinds/views.ts): the main chart, on reports, embed cards and previews. */
export const view: ChartsOf<'seed-variance'> = {
  mainChart: seedStripSvg,
  charts: {
    seeds: seedStripSvg,
    histogram: histogramSvg,
    'test-accuracy': (doc, locale, width) => curvesSvg(doc, 'testAccuracy', locale, width),
    'train-loss': (doc, locale, width) => curvesSvg(doc, 'trainLoss', locale, width),
    'convergence-mean': (doc, locale, width) => convergenceSvg(doc, 'mean', locale, width),
    'convergence-std': (doc, locale, width) => convergenceSvg(doc, 'std', locale, width),
    regions: regionsSvg,
    training: trainingSvg,
  },
};
