import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { SeedVarianceDocument } from '../../../src/document/studyDocument.ts';
import { formatters, t, type Locale } from './i18n.ts';

/**
 * Charts rendered at build time to static SVG by Observable Plot, with linkedom as the DOM. They
 * draw what the study document holds; nothing here computes a statistic.
 */
function renderSvg(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as { outerHTML: string };
  return svg.outerHTML;
}

const finishedRuns = (doc: SeedVarianceDocument) => doc.runs.filter((r) => !r.diverged && r.testAccuracy !== null);

/** One dot per seed (a beeswarm), the mean as a rule, and the 95% CI of the mean as a band. */
export function seedStripSvg(doc: SeedVarianceDocument, locale: Locale, width = 640): string {
  const f = formatters(locale);
  const s = doc.summary;
  const runs = finishedRuns(doc).map((r) => ({ seed: r.seed, accuracy: 100 * (r.testAccuracy as number) }));
  return renderSvg({
    width,
    height: 150,
    marginLeft: 20,
    marginRight: 20,
    x: { label: `${t(locale).accuracy} (%)`, nice: true },
    ariaLabel: s ? t(locale).perSeedAlt(s.n, f.pct(s.mean), f.pct(s.ci95.t[0]), f.pct(s.ci95.t[1])) : t(locale).allDiverged,
    marks: [
      ...(s
        ? [
            Plot.rectX([s.ci95.t], { x1: (d: number[]) => 100 * d[0], x2: (d: number[]) => 100 * d[1], fill: 'currentColor', fillOpacity: 0.12, className: 'ci' }),
            Plot.ruleX([100 * s.mean], { stroke: 'currentColor', strokeWidth: 2, className: 'mean' }),
          ]
        : []),
      Plot.dot(runs, Plot.dodgeY({ x: 'accuracy', r: 4.5, anchor: 'middle', fill: 'var(--accent, #2563eb)', stroke: 'white', strokeWidth: 0.5, title: (d: { seed: number; accuracy: number }) => `seed ${d.seed}: ${d.accuracy.toFixed(2)}%` })),
    ],
  });
}

export function histogramSvg(doc: SeedVarianceDocument, locale: Locale, width = 640): string {
  const values = finishedRuns(doc).map((r) => 100 * (r.testAccuracy as number));
  return renderSvg({
    width,
    height: 200,
    x: { label: `${t(locale).accuracy} (%)` },
    y: { label: t(locale).count, grid: true },
    ariaLabel: t(locale).histogramAlt,
    marks: [Plot.rectY(values, Plot.binX({ y: 'count' }, { x: (d: number) => d, fill: 'var(--accent, #2563eb)', inset: 1 })), Plot.ruleY([0])],
  });
}

/** Thin line per seed plus the median (from the document's medianCurves). */
export function curvesSvg(doc: SeedVarianceDocument, curve: 'testAccuracy' | 'trainLoss', locale: Locale, width = 640): string {
  const L = t(locale);
  const scale = curve === 'testAccuracy' ? 100 : 1;
  const lines = doc.runs.flatMap((r) =>
    r.curves[curve].flatMap((v, e) => (v === null ? [] : [{ seed: r.seed, epoch: e + 1, value: scale * v }])),
  );
  const median = doc.medianCurves[curve].flatMap((v, e) => (v === null ? [] : [{ epoch: e + 1, value: scale * v }]));
  const what = curve === 'testAccuracy' ? L.testAccuracyCurve : L.trainLossCurve;
  return renderSvg({
    width,
    height: 240,
    x: { label: L.epoch },
    y: { label: curve === 'testAccuracy' ? `${L.accuracy} (%)` : L.loss, grid: true, type: curve === 'trainLoss' ? 'log' : 'linear' },
    ariaLabel: L.curvesAlt(what),
    marks: [
      Plot.line(lines, { x: 'epoch', y: 'value', z: 'seed', stroke: 'currentColor', strokeOpacity: 0.22, strokeWidth: 1 }),
      Plot.line(median, { x: 'epoch', y: 'value', stroke: 'var(--accent, #2563eb)', strokeWidth: 3 }),
    ],
  });
}
