import * as Plot from '@observablehq/plot';
import type { DocumentOfKind } from '../../../../src/index.ts';
import { DOTS_DRAWN, groupedDistributionSvg } from '../../charts/distributionMarks.ts';
import { ACCENT, groupedAccuracySvg, renderSvg } from '../../charts/plotSvg.ts';
import { isolate, type Locale, t } from '../../presentation/index.ts';
import { user } from '../../presentation/phrases.ts';
import type { ChartsOf } from '../views.ts';
import { phrases } from './sentences.ts';

type CompareDocument = DocumentOfKind<'compare'>;

/** A dot per seed while the document has every run and they are few; else each arm's quantiles. */
export const drawsDots = (doc: CompareDocument) =>
  doc.arms.every((a) => a.runsInDocument === 'all') && doc.arms.reduce((n, a) => n + a.runCount, 0) <= DOTS_DRAWN;

/** Both arms' accuracy per seed, with each arm's recorded mean (past DOTS_DRAWN seeds, each arm's quantiles). */
export function armsSvg(doc: CompareDocument, locale: Locale, width = 640, height?: number): string {
  const { labels } = phrases.in(locale);
  if (!drawsDots(doc))
    return groupedDistributionSvg(
      doc.arms.map((a) => ({ label: isolate(a.label), distribution: a.distribution, mean: a.summary?.mean ?? null })),
      { axis: t(locale).words.accuracyAxis, alt: labels.groupsManyAlt },
      { width, height },
      doc.arms.map((a) => a.label),
    );
  const groups = doc.arms.map((a) => ({ label: isolate(a.label), runs: a.runs, mean: a.summary?.mean ?? null }));
  return groupedAccuracySvg(
    groups,
    { axis: t(locale).words.accuracyAxis, alt: labels.groupsAlt, seedDot: labels.seedDot },
    { width, height },
    doc.arms.map((a) => a.label),
  );
}

/** The paired difference (A − B) with its 95% interval, against zero and the ±effectSize band. */
export function differenceSvg(doc: CompareDocument, locale: Locale, width = 640): string {
  const d = doc.difference;
  if (!d) return '';
  const { labels } = phrases.in(locale);
  const row = [
    {
      label: labels.differenceLabel({ a: user(doc.arms[0].label), b: user(doc.arms[1].label) }),
      diff: 100 * d.meanDiff,
      lo: 100 * d.ci95[0],
      hi: 100 * d.ci95[1],
    },
  ];
  return renderSvg(
    {
      width,
      height: 110,
      marginLeft: 20,
      marginTop: 30,
      x: { label: labels.differenceAxis, nice: true },
      y: { axis: null },
      ariaLabel: labels.differenceAlt,
      marks: [
        // The band of differences smaller than the effect size the spec cares about.
        Plot.rectX([{ x1: -100 * doc.spec.effectSize, x2: 100 * doc.spec.effectSize }], {
          x1: 'x1',
          x2: 'x2',
          fill: 'currentColor',
          fillOpacity: 0.08,
        }),
        Plot.ruleX([0], { strokeDasharray: '3,3' }),
        Plot.ruleY(row, { x1: 'lo', x2: 'hi', y: () => 0, strokeWidth: 3, stroke: ACCENT }),
        Plot.dot(row, { x: 'diff', y: () => 0, r: 6, fill: ACCENT }),
        // Which side is better, on the chart itself: A − B is positive where A is better.
        Plot.text([labels.betterLeft({ arm: user(doc.arms[1].label) })], { frameAnchor: 'top-left', textAnchor: 'start', dy: -14 }),
        Plot.text([labels.betterRight({ arm: user(doc.arms[0].label) })], { frameAnchor: 'top-right', textAnchor: 'end', dy: -14 }),
      ],
    },
    doc.arms.map((a) => a.label),
  );
}

/** This kind's charts for its view (site/src/kinds/views.ts): the main chart, on reports, embed cards and previews. */
export const view: ChartsOf<'compare'> = { mainChart: armsSvg, charts: { arms: armsSvg, difference: differenceSvg } };
