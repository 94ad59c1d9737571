import * as Plot from '@observablehq/plot';
import type { DocumentOfKind } from '../../../../src/index.ts';
import { ACCENT, labelMargin, plainTick, renderSvg } from '../../charts/plotSvg.ts';
import type { Locale } from '../../presentation/index.ts';
import { render } from '../../presentation/phrases.ts';
import { modelName } from '../../presentation/sentences.ts';
import type { ChartsOf } from '../views.ts';
import { comparisonWords, phrases } from './sentences.ts';

type DeterminismAuditDocument = DocumentOfKind<'determinism-audit'>;

/** The sign of a comparison's outcome, on the chart and beside the table's words. */
export const OUTCOME_SIGNS = { 'bit-identical': '=', 'same-predictions': '≈', 'different-predictions': '≠' } as const;
const OUTCOME_COLORS = { 'bit-identical': '#15803d', 'same-predictions': '#d97706', 'different-predictions': '#b91c1c' } as const;

/** A row of the grid: room for a name in 12 px text. */
const GRID_ROW = 20;

/**
 * What the audit shows: for each algorithm (a row) and each comparison (a column: the same seed
 * again, another seed, the rows reordered), whether the two fits matched: a cell coloured and signed
 * by the outcome (= bit-identical, ≈ same predictions, ≠ different predictions).
 */
export function auditGridSvg(doc: DeterminismAuditDocument, locale: Locale, width = 640, height?: number): string {
  const { labels } = phrases.in(locale);
  const columns = [
    { key: 'sameSeed', name: labels.gridColumns.sameSeed },
    { key: 'differentSeed', name: labels.gridColumns.otherSeed },
    { key: 'permutedRows', name: labels.gridColumns.permuted },
  ] as const;
  const cells = doc.rows.flatMap((r) =>
    columns.map((c) => {
      const outcome = r.comparisons[c.key].outcome;
      return {
        model: render(modelName(r.model), locale),
        column: c.name,
        outcome,
        sign: OUTCOME_SIGNS[outcome],
        words: render(comparisonWords(r.comparisons[c.key]), locale),
      };
    }),
  );
  const rows = [...new Set(cells.map((c) => c.model))];
  return renderSvg({
    width,
    // Never under GRID_ROW a row, where a card's room would squeeze the names together.
    height: Math.max(height ?? 0, GRID_ROW * rows.length + 42),
    marginLeft: labelMargin(rows),
    marginTop: 36,
    marginBottom: 6,
    marginRight: 4,
    // A column's name on two lines ("same / seed"), so three fit beside long algorithm names on a phone.
    x: { axis: 'top', label: null, domain: columns.map((c) => c.name), tickSize: 0, tickFormat: (name: string) => name.replace(' ', '\n') },
    y: { label: null, domain: rows, tickSize: 0 },
    ariaLabel: labels.gridAlt,
    marks: [
      Plot.cell(cells, {
        x: 'column',
        y: 'model',
        fill: (d: (typeof cells)[number]) => OUTCOME_COLORS[d.outcome],
        fillOpacity: 0.85,
        inset: 1.5,
        title: 'words',
      }),
      Plot.text(cells, { x: 'column', y: 'model', text: 'sign', fill: '#ffffff', fontWeight: 'bold' }),
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
export const view: ChartsOf<'determinism-audit'> = {
  mainChart: auditGridSvg,
  charts: { audit: auditGridSvg, drift: driftSvg },
  // A row per algorithm, legible in the card (five rows before the SVMs came).
  cardChartHeight: (doc) => GRID_ROW * doc.rows.length + 42,
};
