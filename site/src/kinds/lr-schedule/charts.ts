import * as Plot from '@observablehq/plot';
import type { DocumentOfKind } from '../../../../src/index.ts';
import { categoryColors, groupedAccuracySvg, plainTick, renderSvg } from '../../charts/plotSvg.ts';
import { isolate, type Locale, t } from '../../presentation/index.ts';
import type { ChartsOf } from '../views.ts';
import { phrases } from './sentences.ts';

type LrScheduleDocument = DocumentOfKind<'lr-schedule'>;

/** Each schedule's final test accuracy per seed, with its recorded mean. */
export function scheduleAccuracySvg(doc: LrScheduleDocument, locale: Locale, width = 640, height?: number): string {
  const { labels } = phrases.in(locale);
  const groups = doc.schedules.map((s) => ({ label: isolate(s.name), runs: s.runs, mean: s.summary?.mean ?? null }));
  return groupedAccuracySvg(
    groups,
    { axis: t(locale).words.accuracyAxis, alt: labels.groupsAlt, seedDot: labels.seedDot },
    { width, height },
    doc.schedules.map((s) => s.name),
  );
}

export function scheduleLrSvg(doc: LrScheduleDocument, locale: Locale, width = 640): string {
  const { labels } = phrases.in(locale);
  const data = doc.schedules.flatMap((s) => s.lrCurve.steps.map((step, i) => ({ schedule: isolate(s.name), step, lr: s.lrCurve.lrs[i] })));
  // Three decades under the largest rate: a one-cycle schedule's last steps anneal far below every
  // other rate, and would stretch the axis over six decades; its line leaves the drawing at the bottom.
  const lrs = data.map((d) => d.lr).filter((lr) => lr > 0);
  const largest = Math.max(...lrs);
  const domain = lrs.length ? [Math.max(Math.min(...lrs), largest / 1000), largest] : undefined;
  return renderSvg(
    {
      width,
      height: 240,
      marginLeft: 52,
      x: { label: labels.stepAxis },
      y: { label: labels.lrAxis, type: 'log', grid: true, tickFormat: plainTick, domain },
      color: categoryColors(doc.schedules.map((s) => isolate(s.name))),
      ariaLabel: labels.lrAlt,
      marks: [Plot.line(data, { x: 'step', y: 'lr', stroke: 'schedule', strokeWidth: 1.5, clip: true })],
    },
    doc.schedules.map((s) => s.name),
  );
}

/** The median test accuracy per epoch of each schedule (the document's median curves). */
export function scheduleCurvesSvg(doc: LrScheduleDocument, locale: Locale, width = 640): string {
  const { labels } = phrases.in(locale);
  const data = doc.schedules.flatMap((s) =>
    s.medianCurves.testAccuracy.flatMap((v, e) => (v === null ? [] : [{ schedule: isolate(s.name), epoch: e + 1, accuracy: 100 * v }])),
  );
  return renderSvg(
    {
      width,
      height: 240,
      x: { label: labels.epochAxis },
      y: { label: t(locale).words.accuracyAxis, grid: true },
      color: categoryColors(doc.schedules.map((s) => isolate(s.name))),
      ariaLabel: labels.curvesAlt,
      marks: [Plot.line(data, { x: 'epoch', y: 'accuracy', stroke: 'schedule', strokeWidth: 2 })],
    },
    doc.schedules.map((s) => s.name),
  );
}

/** This kind's charts for its view (site/src/kinds/views.ts): the main chart, on reports, embed cards and previews. */
export const view: ChartsOf<'lr-schedule'> = {
  mainChart: scheduleAccuracySvg,
  charts: { accuracy: scheduleAccuracySvg, 'learning-rate': scheduleLrSvg, curves: scheduleCurvesSvg },
};
