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
  const color = (d: { rule: string }) => RULE_COLORS[d.rule];
  return renderSvg(
    {
      width,
      height,
      x: { type: 'log', label: labels.lrAxis, tickFormat: plainTick },
      y: { label: labels.lossAxis, domain: [bottom, top], grid: true },
      ariaLabel: labels.curvesAlt,
      marks: [
        Plot.rectX(rules, { x1: 'q25', x2: 'q75', fill: color, fillOpacity: 0.1 }),
        Plot.line(lines, { x: 'lr', y: 'loss', z: 'seed', stroke: SEED_LINE, strokeWidth: 0.75, clip: true }),
        Plot.line(median, { x: 'lr', y: 'loss', stroke: ACCENT, strokeWidth: 3, clip: true }),
        Plot.ruleX(rules, { x: 'lr', stroke: color, strokeWidth: 2, strokeDasharray: '4,3' }),
        // One label row per rule, so suggestions close together do not print over each other.
        ...rules.map((r, i) => Plot.text([r], { x: 'lr', y: top, text: 'rule', dy: 8 + 13 * i, fill: color, textAnchor: 'start', dx: 3 })),
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
  return renderSvg(
    {
      width,
      height: 170,
      marginLeft: 80,
      x: { type: 'log', label: labels.suggestedAxis, tickFormat: plainTick },
      y: { label: null },
      ariaLabel: labels.spreadAlt,
      marks: [Plot.dot(dots, { x: 'lr', y: 'rule', fill: (d: { rule: string }) => RULE_COLORS[d.rule], r: 3.5, title: 'text' })],
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
export const view: ChartsOf<'lr-range-test'> = { mainChart: rangeCurvesSvg };
