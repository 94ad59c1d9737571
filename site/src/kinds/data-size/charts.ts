import * as Plot from '@observablehq/plot';
import type { DocumentOfKind } from '../../../../src/index.ts';
import { categoryColors, plainTick, renderSvg } from '../../charts/plotSvg.ts';
import { type Locale, t } from '../../presentation/index.ts';
import { render } from '../../presentation/phrases.ts';
import { modelName } from '../../presentation/sentences.ts';
import type { ChartsOf } from '../views.ts';
import { phrases } from './sentences.ts';

type DataSizeDocument = DocumentOfKind<'data-size'>;

/** Each model's recorded mean accuracy against the training-set size, with ± its recorded standard deviation. */
export function learningCurvesSvg(doc: DataSizeDocument, locale: Locale, width = 640, height?: number): string {
  const { labels } = phrases.in(locale);
  const ui = t(locale);
  // A size where every run of a model diverged has no point.
  const points = doc.curves.flatMap((c) =>
    c.points.flatMap((p) =>
      p.mean === null || p.std === null
        ? []
        : [
            {
              model: render(modelName(c.model), locale),
              size: p.size,
              mean: 100 * p.mean,
              lo: 100 * (p.mean - p.std),
              hi: 100 * (p.mean + p.std),
            },
          ],
    ),
  );
  // In a card or a preview (a height given by its frame), the axis spans the means, so models a few
  // points apart keep their lines apart; the ± std bars are cut at its edges.
  const means = points.map((p) => p.mean);
  const pad = Math.max(0.5, 0.1 * (Math.max(...means) - Math.min(...means)));
  const framed = height !== undefined && means.length > 0;
  return renderSvg({
    width,
    height: height ?? 300,
    x: { type: 'log', label: labels.sizeAxis, tickFormat: plainTick },
    y: { label: ui.words.accuracyAxis, grid: true, ...(framed ? { domain: [Math.min(...means) - pad, Math.max(...means) + pad] } : {}) },
    color: categoryColors(doc.curves.map((c) => render(modelName(c.model), locale))),
    ariaLabel: labels.alt,
    marks: [
      Plot.ruleX(points, { x: 'size', y1: 'lo', y2: 'hi', stroke: 'model', clip: true }),
      Plot.line(points, { x: 'size', y: 'mean', stroke: 'model', strokeWidth: 2 }),
      Plot.dot(points, { x: 'size', y: 'mean', fill: 'model', r: 3 }),
    ],
  });
}

/** This kind's charts for its view (site/src/kinds/views.ts): the main chart, on reports, embed cards and previews. */
export const view: ChartsOf<'data-size'> = {
  mainChart: learningCurvesSvg,
  charts: { 'learning-curves': learningCurvesSvg },
  cardChartHeight: 110,
};
