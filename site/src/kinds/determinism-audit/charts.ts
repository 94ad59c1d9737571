import * as Plot from '@observablehq/plot';
import type { DocumentOfKind } from '../../../../src/index.ts';
import { ACCENT, plainTick, renderSvg } from '../../charts/plotSvg.ts';
import { type Locale, t } from '../../presentation/index.ts';
import { render } from '../../presentation/phrases.ts';
import { modelName } from '../../presentation/sentences.ts';
import type { ChartsOf } from '../views.ts';
import { phrases } from './sentences.ts';

type DeterminismAuditDocument = DocumentOfKind<'determinism-audit'>;

/** Each algorithm's test accuracy (its first fit). */
export function auditAccuracySvg(doc: DeterminismAuditDocument, locale: Locale, width = 640, height?: number): string {
  const { labels } = phrases.in(locale);
  return renderSvg({
    width,
    height: height ?? 60 + 30 * doc.rows.length,
    marginLeft: 130,
    x: { label: t(locale).words.accuracyAxis, nice: true },
    y: { label: null },
    ariaLabel: labels.alt,
    marks: [
      Plot.barX(
        doc.rows.map((r) => ({ model: render(modelName(r.model), locale), accuracy: 100 * r.testAccuracy })),
        { x: 'accuracy', y: 'model', fill: ACCENT },
      ),
      Plot.ruleX([0]),
    ],
  });
}

/** The MLP's drift: after each epoch, the largest weight difference between two runs of the same seed (log scale). */
export function driftSvg(doc: DeterminismAuditDocument, locale: Locale, width = 640): string {
  const { labels } = phrases.in(locale);
  const points = doc.rows.flatMap((r) => (r.drift ?? []).filter((d) => d.maxAbsWeightDiff > 0));
  if (!points.length) return '';
  return renderSvg({
    width,
    height: 220,
    x: { label: labels.epochAxis },
    y: { label: labels.driftAxis, type: 'log', grid: true, tickFormat: plainTick },
    ariaLabel: labels.driftAlt,
    marks: [
      Plot.line(points, { x: 'epoch', y: 'maxAbsWeightDiff', stroke: ACCENT, strokeWidth: 2 }),
      Plot.dot(points, { x: 'epoch', y: 'maxAbsWeightDiff', fill: ACCENT, r: 3 }),
    ],
  });
}

/** This kind's charts for its view (site/src/kinds/views.ts): the main chart, on reports, embed cards and previews. */
export const view: ChartsOf<'determinism-audit'> = { mainChart: auditAccuracySvg };
