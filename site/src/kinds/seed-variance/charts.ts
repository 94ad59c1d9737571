import * as Plot from '@observablehq/plot';
import type { DocumentOfKind } from '../../../../src/index.ts';

type SeedVarianceDocument = DocumentOfKind<'seed-variance'>;

import { ACCENT, plainTick, renderSvg, SEED_LINE } from '../../charts/plotSvg.ts';
import { type Locale, t } from '../../presentation/index.ts';
import { pct } from '../../presentation/phrases.ts';
import type { ChartsOf } from '../views.ts';
import { phrases } from './sentences.ts';

const finished = (doc: SeedVarianceDocument) =>
  doc.runs.flatMap((r) => (!r.diverged && r.testAccuracy !== null ? [{ seed: r.seed, accuracy: r.testAccuracy }] : []));

/** One dot per seed (a beeswarm), the mean as a rule, and the 95% CI of the mean as a band. */
export function seedStripSvg(doc: SeedVarianceDocument, locale: Locale, width = 640, height = 150): string {
  const { labels } = phrases.in(locale);
  const s = doc.summary;
  const runs = finished(doc).map((r) => ({
    seed: r.seed,
    accuracy: 100 * r.accuracy,
    text: labels.seedDot({ seed: r.seed, accuracy: pct(r.accuracy, 2) }),
  }));
  return renderSvg({
    width,
    height,
    marginLeft: 20,
    marginRight: 20,
    x: { label: t(locale).words.accuracyAxis, nice: true },
    ariaLabel: s
      ? labels.perSeedAlt({ n: s.n, mean: pct(s.mean), lo: pct(s.ci95.t[0]), hi: pct(s.ci95.t[1]) })
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
            Plot.ruleX([100 * s.mean], { stroke: 'currentColor', strokeWidth: 2, className: 'mean' }),
          ]
        : []),
      Plot.dot(
        runs,
        Plot.dodgeY({ x: 'accuracy', r: 4.5, anchor: 'middle', fill: ACCENT, stroke: 'white', strokeWidth: 0.5, title: 'text' }),
      ),
    ],
  });
}

export function histogramSvg(doc: SeedVarianceDocument, locale: Locale, width = 640): string {
  const { labels } = phrases.in(locale);
  return renderSvg({
    width,
    height: 200,
    x: { label: t(locale).words.accuracyAxis },
    y: { label: labels.countAxis, grid: true },
    ariaLabel: labels.histogramAlt,
    marks: [
      Plot.rectY(
        finished(doc).map((r) => 100 * r.accuracy),
        { ...Plot.binX({ y: 'count' }, { x: (d: number) => d }), fill: ACCENT, inset: 1 },
      ),
      Plot.ruleY([0]),
    ],
  });
}

/** A thin line per seed plus the median (the document's medianCurves). */
export function curvesSvg(doc: SeedVarianceDocument, curve: 'testAccuracy' | 'trainLoss', locale: Locale, width = 640): string {
  const { labels } = phrases.in(locale);
  const scale = curve === 'testAccuracy' ? 100 : 1;
  const lines = doc.runs.flatMap((r) =>
    r.curves[curve].flatMap((v, e) => (v === null ? [] : [{ seed: r.seed, epoch: e + 1, value: scale * v }])),
  );
  const median = doc.medianCurves[curve].flatMap((v, e) => (v === null ? [] : [{ epoch: e + 1, value: scale * v }]));
  const accuracy = curve === 'testAccuracy';
  return renderSvg({
    width,
    height: 240,
    x: { label: labels.epochAxis },
    y: accuracy
      ? { label: t(locale).words.accuracyAxis, grid: true }
      : { label: labels.lossAxis, grid: true, type: 'log', tickFormat: plainTick },
    ariaLabel: labels.curvesAlt({ what: accuracy ? labels.testAccuracyCurve : labels.trainLossCurve }),
    marks: [
      Plot.line(lines, { x: 'epoch', y: 'value', z: 'seed', stroke: SEED_LINE, strokeWidth: 0.75 }),
      Plot.line(median, { x: 'epoch', y: 'value', stroke: ACCENT, strokeWidth: 3 }),
    ],
  });
}

/** This kind's charts for its view (site/src/kinds/views.ts): the main chart, on reports, embed cards and previews. */
export const view: ChartsOf<'seed-variance'> = { mainChart: seedStripSvg };
