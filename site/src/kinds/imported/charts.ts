import * as Plot from '@observablehq/plot';
import type { DocumentOfKind } from '../../../../src/index.ts';
import { DOTS_DRAWN, groupedDistributionSvg } from '../../charts/distributionMarks.ts';
import { CATEGORY_COLORS, groupedAccuracySvg, renderSvg } from '../../charts/plotSvg.ts';
import { isolate, type Locale } from '../../presentation/index.ts';
import { render, user } from '../../presentation/phrases.ts';
import type { ChartsOf } from '../views.ts';
import { chartScale, metricValue, phrases } from './sentences.ts';

type ImportedDocument = DocumentOfKind<'imported'>;

/** A dot per run while the document has every run and they are few; else each arm's quantiles. */
export const drawsDots = (doc: ImportedDocument) =>
  doc.arms.every((a) => a.runsInDocument === 'all') && doc.arms.reduce((n, a) => n + a.runCount, 0) <= DOTS_DRAWN;

/** The names a chart shows as their owner wrote them (marked translate="no"): the arms' labels and the metric's name. */
const namesOf = (doc: ImportedDocument) => [...doc.arms.map((a) => a.label), doc.spec.metric.name];

/** The metric's axis label: its name, and "%" for a fraction or a percent (drawn as percents). */
function axisOf(doc: ImportedDocument, locale: Locale): string {
  const { labels } = phrases.in(locale);
  const { metric } = doc.spec;
  // Which way is better, on the axis itself: a loss reads "lower is better".
  const direction = phrases.say(metric.higherIsBetter ? 'direction.higher' : 'direction.lower');
  return render(
    metric.unit === 'raw'
      ? phrases.say('labels.axisRaw', { metric: user(metric.name), direction })
      : phrases.say('labels.axis', { metric: user(metric.name), unit: labels.percentUnit, direction }),
    locale,
  );
}

/** Every arm's runs (or, past DOTS_DRAWN, its quantiles), with the arm's mean, in the metric's unit. */
export function armsSvg(doc: ImportedDocument, locale: Locale, width = 640, height?: number): string {
  const { labels } = phrases.in(locale);
  const scale = chartScale(doc.spec.metric);
  const asWritten = namesOf(doc);
  if (!drawsDots(doc))
    return groupedDistributionSvg(
      doc.arms.map((a) => ({ label: isolate(a.label), distribution: a.distribution, mean: a.statistics.mean })),
      { axis: axisOf(doc, locale), alt: labels.runsManyAlt },
      { width, height },
      asWritten,
      scale,
    );
  return groupedAccuracySvg(
    doc.arms.map((a) => ({
      label: isolate(a.label),
      runs: a.runs.map((r) => ({ seed: r.seed, testAccuracy: r.value, diverged: false })),
      mean: a.statistics.mean,
    })),
    { axis: axisOf(doc, locale), alt: labels.runsAlt, seedDot: labels.seedDot, scale, valueArg: (v) => metricValue(doc.spec.metric, v) },
    { width, height },
    asWritten,
  );
}

/** The metric per epoch, where the runs brought curves: each arm's median line and middle-half band. */
export function curvesSvg(doc: ImportedDocument, locale: Locale, width = 640): string {
  const banded = doc.arms.flatMap((a, k) => (a.curve ? [{ label: isolate(a.label), curve: a.curve, color: CATEGORY_COLORS[k % 8] }] : []));
  if (!banded.length) return '';
  const { labels } = phrases.in(locale);
  const scale = chartScale(doc.spec.metric);
  const points = banded.flatMap((b) =>
    b.curve.epochs.map((epoch, i) => ({
      arm: b.label,
      epoch,
      median: scale * b.curve.median[i],
      q25: scale * b.curve.q25[i],
      q75: scale * b.curve.q75[i],
    })),
  );
  return renderSvg(
    {
      width,
      height: 260,
      marginLeft: 56,
      x: { label: labels.epoch },
      y: { label: axisOf(doc, locale), nice: true },
      color: { domain: banded.map((b) => b.label), range: banded.map((b) => b.color), legend: banded.length > 1 },
      ariaLabel: labels.curveAlt,
      marks: [
        Plot.areaY(points, { x: 'epoch', y1: 'q25', y2: 'q75', fill: 'arm', fillOpacity: 0.18 }),
        Plot.line(points, { x: 'epoch', y: 'median', stroke: 'arm', strokeWidth: 2 }),
      ],
    },
    namesOf(doc),
  );
}

/** This kind's charts for its view (site/src/kinds/views.ts): the main chart, on reports, embed cards and previews. */
export const view: ChartsOf<'imported'> = { mainChart: armsSvg, charts: { arms: armsSvg, curves: curvesSvg } };
