import * as Plot from '@observablehq/plot';
import type { DocumentOfKind } from '../../../../src/index.ts';
import { DOTS_DRAWN, groupedDistributionSvg } from '../../charts/distributionMarks.ts';
import { ACCENT, groupedAccuracySvg, labelMargin, renderSvg } from '../../charts/plotSvg.ts';
import { type Locale, t } from '../../presentation/index.ts';
import { render } from '../../presentation/phrases.ts';
import type { ChartsOf } from '../views.ts';
import { phrases, sourceName } from './sentences.ts';

type VarianceSourcesDocument = DocumentOfKind<'variance-sources'>;

/** Code names the source labels hold (the spec's `dropout` layer), kept as written in every language. */
const CODE_NAMES = ['dropout'];

/** The standard deviation of test accuracy for each source alone and all at once, with its interval and the test-set sampling error. */
export function sourcesSvg(doc: VarianceSourcesDocument, locale: Locale, width = 640, height?: number): string {
  const { labels } = phrases.in(locale);
  const bars = doc.sources.map((s) => ({
    source: render(sourceName(s.name), locale),
    std: 100 * (s.std ?? 0),
    lo: 100 * (s.stdInterval?.[0] ?? s.std ?? 0),
    hi: 100 * (s.stdInterval?.[1] ?? s.std ?? 0),
  }));
  const se = doc.testSampling.standardError;
  const sampling = se === null ? [] : [{ x: 100 * se, label: labels.testSamplingMark }];
  return renderSvg(
    {
      width,
      // Never less than 20 px a row, where a card's or a preview's room would squeeze the names together.
      height: Math.max(height ?? 40 + 30 * bars.length, 64 + 20 * bars.length),
      marginLeft: labelMargin(bars.map((b) => b.source)),
      x: { label: labels.stdAxis, grid: true },
      y: { label: null, domain: bars.map((b) => b.source) },
      ariaLabel: labels.alt,
      marks: [
        Plot.barX(bars, { x: 'std', y: 'source', fill: ACCENT, fillOpacity: 0.8 }),
        Plot.ruleY(bars, { x1: 'lo', x2: 'hi', y: 'source', stroke: 'currentColor' }),
        Plot.ruleX(sampling, { x: 'x', strokeDasharray: '4,3', stroke: 'currentColor' }),
        Plot.text(sampling, { x: 'x', text: 'label', frameAnchor: 'top', dy: -2, textAnchor: 'start', dx: 3 }),
        Plot.ruleX([0]),
      ],
    },
    CODE_NAMES,
  );
}

/** A dot per run while the document has every run and they are few; else each source's quantiles. */
export const drawsDots = (doc: VarianceSourcesDocument) =>
  doc.sources.every((s) => s.runsInDocument === 'all') && doc.sources.reduce((n, s) => n + s.runCount, 0) <= DOTS_DRAWN;

/** Every run's accuracy per source, with each source's recorded mean (past DOTS_DRAWN runs, each source's quantiles). */
export function sourceRunsSvg(doc: VarianceSourcesDocument, locale: Locale, width = 640): string {
  const { labels } = phrases.in(locale);
  if (!drawsDots(doc))
    return groupedDistributionSvg(
      doc.sources.map((s) => ({ label: render(sourceName(s.name), locale), distribution: s.distribution, mean: s.mean })),
      { axis: t(locale).words.accuracyAxis, alt: labels.groupsManyAlt },
      { width },
      CODE_NAMES,
    );
  const groups = doc.sources.map((s) => ({ label: render(sourceName(s.name), locale), runs: s.runs, mean: s.mean }));
  return groupedAccuracySvg(
    groups,
    { axis: t(locale).words.accuracyAxis, alt: labels.groupsAlt, seedDot: labels.seedDot },
    { width },
    CODE_NAMES,
  );
}

/** This kind's charts for its view (site/src/kinds/views.ts): the main chart, on reports, embed cards and previews. */
export const view: ChartsOf<'variance-sources'> = {
  mainChart: sourcesSvg,
  charts: { sources: sourcesSvg, runs: sourceRunsSvg },
  cardChartHeight: 64 + 20 * 6,
};
