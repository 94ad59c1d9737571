import * as Plot from '@observablehq/plot';
import { type DocumentOfKind, readingsOf } from '../../../../src/index.ts';
import { ACCENT, CATEGORY_COLORS, groupedAccuracySvg, plainTick, renderSvg, SEED_LINE } from '../../charts/plotSvg.ts';
import { type Locale, t } from '../../presentation/index.ts';
import { lr as lrValue } from '../../presentation/phrases.ts';
import type { ChartsOf } from '../views.ts';
import { phrases } from './sentences.ts';

type LrRangeTestDocument = DocumentOfKind<'lr-range-test'>;
const SUGGESTION_RULES = readingsOf('lr-range-test').rules;

const RULE_COLORS: Record<string, string> = Object.fromEntries(SUGGESTION_RULES.map((rule, i) => [rule, CATEGORY_COLORS[i]]));

/** Every seed's smoothed loss (thin), the median (thick), and each rule's median suggestion. */
export function rangeCurvesSvg(doc: LrRangeTestDocument, locale: Locale, width = 640, height = 280): string {
  const { labels } = phrases.in(locale);
  const lines = doc.curves.flatMap((c) => c.smoothed.flatMap((v, i) => (v === null ? [] : [{ seed: c.seed, lr: doc.lrs[i], loss: v }])));
  const median = doc.medianCurve.flatMap((v, i) => (v === null ? [] : [{ lr: doc.lrs[i], loss: v }]));
  const rules = SUGGESTION_RULES.flatMap((rule) => {
    const s = doc.suggestions[rule];
    return s.median === null || s.q25 === null || s.q75 === null ? [] : [{ rule, lr: s.median, q25: s.q25, q75: s.q75 }];
  });
  // Cut the blow-up at the end where the test itself would stop (fastai's LRFinder stops once the
  // loss passes 4 x its best), never below the starting loss; start just under the lowest loss drawn,
  // so the curve's shape fills the height instead of sitting on a zero it never nears.
  const best = Math.min(...median.map((d) => d.loss));
  const top = Math.min(Math.max(...lines.map((d) => d.loss)), Math.max(4 * best, 1.2 * (median[0]?.loss ?? 0)));
  const low = Math.min(...lines.map((d) => d.loss));
  const bottom = Math.max(0, low - 0.05 * (top - low));
  // The same cut across: the drawing ends where the median curve first passes that top after its
  // lowest point (where the test would have stopped), so the descent, where the suggestions lie,
  // gets the width instead of the blow-up.
  const lowest = median.reduce((at, d, i) => (d.loss < median[at].loss ? i : at), 0);
  const stop = median.findIndex((d, i) => i > lowest && d.loss >= top);
  const right = Math.max(stop === -1 ? doc.lrs[doc.lrs.length - 1] : median[stop].lr, ...rules.map((r) => r.q75));
  const color = (d: { rule: string }) => RULE_COLORS[d.rule];
  return renderSvg(
    {
      width,
      height,
      x: { type: 'log', label: labels.lrAxis, tickFormat: plainTick, domain: [doc.lrs[0], right] },
      y: { label: labels.lossAxis, domain: [bottom, top], grid: true },
      ariaLabel: labels.curvesAlt,
      marks: [
        Plot.rectX(rules, { x1: 'q25', x2: 'q75', fill: color, fillOpacity: 0.1, clip: true }),
        Plot.line(lines, { x: 'lr', y: 'loss', z: 'seed', stroke: SEED_LINE, strokeWidth: 0.75, clip: true }),
        Plot.line(median, { x: 'lr', y: 'loss', stroke: ACCENT, strokeWidth: 3, clip: true }),
        Plot.ruleX(rules, { x: 'lr', stroke: color, strokeWidth: 2, strokeDasharray: '4,3' }),
        // One label row per rule, so suggestions close together do not print over each other, each on
        // a halo of the background, so another rule's line does not strike it through.
        ...rules.map((r, i) =>
          Plot.text([r], {
            x: 'lr',
            y: top,
            text: 'rule',
            dy: 9 + 16 * i,
            fill: color,
            stroke: 'var(--bg, #ffffff)',
            strokeWidth: 4,
            textAnchor: 'start',
            dx: 3,
          }),
        ),
      ],
    },
    [...SUGGESTION_RULES],
  );
}

/** One dot per seed per rule: how far each rule's suggestion moves between seeds. */
export function suggestionSpreadSvg(doc: LrRangeTestDocument, locale: Locale, width = 640): string {
  const { labels } = phrases.in(locale);
  const dots = SUGGESTION_RULES.flatMap((rule) =>
    doc.suggestions[rule].perSeed.flatMap((lr, i) =>
      lr === null ? [] : [{ rule, lr, text: labels.seedDot({ seed: doc.curves[i].seed, value: lrValue(lr) }) }],
    ),
  );
  // "Each dot: one seed": seeds whose rule lands on the same rate are stacked across the rule's row
  // (a beeswarm per row), not drawn on one spot.
  // A rule reads its suggestion off a grid of rates, so many seeds land on one rate: a row is as tall
  // as its tallest stack (dots of radius 3, a pixel apart), and never under 40 px.
  const tallest = Math.max(
    1,
    ...SUGGESTION_RULES.flatMap((rule) => {
      const counts = new Map<number, number>();
      for (const d of dots) if (d.rule === rule) counts.set(d.lr, (counts.get(d.lr) ?? 0) + 1);
      return [...counts.values()];
    }),
  );
  const r = 3;
  return renderSvg(
    {
      width,
      height: 54 + Math.max(40, tallest * (2 * r + 1) + 6) * SUGGESTION_RULES.length,
      marginLeft: 80,
      marginTop: 10,
      x: { type: 'log', label: labels.suggestedAxis, tickFormat: plainTick },
      fy: { label: null, axis: 'left', domain: [...SUGGESTION_RULES] },
      ariaLabel: labels.spreadAlt,
      marks: [
        Plot.dot(
          dots,
          Plot.dodgeY({
            x: 'lr',
            fy: 'rule',
            anchor: 'middle',
            fill: (d: { rule: string }) => RULE_COLORS[d.rule],
            r,
            padding: 0.5,
            title: 'text',
          }),
        ),
      ],
    },
    [...SUGGESTION_RULES],
  );
}

/** Accuracy per seed at each multiple of the suggestion. */
export function verificationSvg(doc: LrRangeTestDocument, locale: Locale, width = 640): string {
  const { labels } = phrases.in(locale);
  const groups = doc.verification.arms.map((a) => ({
    label: labels.arm({ multiplier: a.multiplier, lr: lrValue(a.lr) }),
    runs: a.runs,
    mean: a.summary?.mean ?? null,
  }));
  return groupedAccuracySvg(groups, { axis: t(locale).words.accuracyAxis, alt: labels.groupsAlt, seedDot: labels.seedDot }, { width });
}

/** This kind's charts for its view (site/src/kinds/views.ts): the main chart, on reports, embed cards and previews. */
export const view: ChartsOf<'lr-range-test'> = {
  mainChart: rangeCurvesSvg,
  charts: { loss: rangeCurvesSvg, suggestions: suggestionSpreadSvg, check: verificationSvg },
};
