import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type {
  CompareDocument,
  DataSizeDocument,
  LrRangeTestDocument,
  LrScheduleDocument,
  SeedVarianceDocument,
  StudyDocument,
  VarianceSourcesDocument,
} from '../../../src/document/studyDocument.ts';
import { formatters, t, type Locale } from './i18n.ts';

/**
 * Charts rendered at build time to static SVG by Observable Plot, with linkedom as the DOM. They
 * draw what the study document holds; nothing here computes a statistic.
 */
function renderSvg(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as { outerHTML: string };
  return svg.outerHTML;
}

const finishedRuns = (doc: SeedVarianceDocument) => doc.runs.filter((r) => !r.diverged && r.testAccuracy !== null);

/** One dot per seed (a beeswarm), the mean as a rule, and the 95% CI of the mean as a band. */
export function seedStripSvg(doc: SeedVarianceDocument, locale: Locale, width = 640): string {
  const f = formatters(locale);
  const s = doc.summary;
  const runs = finishedRuns(doc).map((r) => ({ seed: r.seed, accuracy: 100 * (r.testAccuracy as number) }));
  return renderSvg({
    width,
    height: 150,
    marginLeft: 20,
    marginRight: 20,
    x: { label: `${t(locale).accuracy} (%)`, nice: true },
    ariaLabel: s ? t(locale).perSeedAlt(s.n, f.pct(s.mean), f.pct(s.ci95.t[0]), f.pct(s.ci95.t[1])) : t(locale).allDiverged,
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
        Plot.dodgeY({
          x: 'accuracy',
          r: 4.5,
          anchor: 'middle',
          fill: 'var(--accent, #2563eb)',
          stroke: 'white',
          strokeWidth: 0.5,
          title: (d: { seed: number; accuracy: number }) => `seed ${d.seed}: ${d.accuracy.toFixed(2)}%`,
        }),
      ),
    ],
  });
}

export function histogramSvg(doc: SeedVarianceDocument, locale: Locale, width = 640): string {
  const values = finishedRuns(doc).map((r) => 100 * (r.testAccuracy as number));
  return renderSvg({
    width,
    height: 200,
    x: { label: `${t(locale).accuracy} (%)` },
    y: { label: t(locale).count, grid: true },
    ariaLabel: t(locale).histogramAlt,
    marks: [
      Plot.rectY(values, Plot.binX({ y: 'count' }, { x: (d: number) => d, fill: 'var(--accent, #2563eb)', inset: 1 })),
      Plot.ruleY([0]),
    ],
  });
}

/** Thin line per seed plus the median (from the document's medianCurves). */
export function curvesSvg(doc: SeedVarianceDocument, curve: 'testAccuracy' | 'trainLoss', locale: Locale, width = 640): string {
  const L = t(locale);
  const scale = curve === 'testAccuracy' ? 100 : 1;
  const lines = doc.runs.flatMap((r) =>
    r.curves[curve].flatMap((v, e) => (v === null ? [] : [{ seed: r.seed, epoch: e + 1, value: scale * v }])),
  );
  const median = doc.medianCurves[curve].flatMap((v, e) => (v === null ? [] : [{ epoch: e + 1, value: scale * v }]));
  const what = curve === 'testAccuracy' ? L.testAccuracyCurve : L.trainLossCurve;
  return renderSvg({
    width,
    height: 240,
    x: { label: L.epoch },
    y: { label: curve === 'testAccuracy' ? `${L.accuracy} (%)` : L.loss, grid: true, type: curve === 'trainLoss' ? 'log' : 'linear' },
    ariaLabel: L.curvesAlt(what),
    marks: [
      Plot.line(lines, { x: 'epoch', y: 'value', z: 'seed', stroke: 'currentColor', strokeOpacity: 0.22, strokeWidth: 1 }),
      Plot.line(median, { x: 'epoch', y: 'value', stroke: 'var(--accent, #2563eb)', strokeWidth: 3 }),
    ],
  });
}

const accent = 'var(--accent, #2563eb)';
const RULE_COLORS: Record<string, string> = { steepest: '#2563eb', minOver10: '#d97706', valley: '#059669' };

/** Range test: every seed's smoothed loss (thin), the median (thick), and each rule's median suggestion. */
export function rangeCurvesSvg(doc: LrRangeTestDocument, locale: Locale, width = 640): string {
  const lines = doc.curves.flatMap((c) => c.smoothed.flatMap((v, i) => (v === null ? [] : [{ seed: c.seed, lr: doc.lrs[i], loss: v }])));
  const median = doc.medianCurve.flatMap((v, i) => (v === null ? [] : [{ lr: doc.lrs[i], loss: v }]));
  const rules = (['steepest', 'minOver10', 'valley'] as const).flatMap((rule) => {
    const s = doc.suggestions[rule];
    return s.median === null ? [] : [{ rule, lr: s.median, q25: s.q25!, q75: s.q75! }];
  });
  const top = Math.min(Math.max(...median.map((d) => d.loss)) * 1.5, Math.max(...lines.map((d) => d.loss)));
  return renderSvg({
    width,
    height: 280,
    x: { type: 'log', label: 'learning rate' },
    y: { label: locale === 'zh' ? '平滑后的损失' : 'smoothed loss', domain: [0, top], grid: true },
    ariaLabel:
      locale === 'zh'
        ? '每个种子的学习率范围测试曲线（细线）、中位数曲线（粗线）和各规则的建议值。'
        : "Every seed's range-test curve (thin), the median curve (thick), and each rule's median suggestion with its interquartile band.",
    marks: [
      Plot.rectX(rules, { x1: 'q25', x2: 'q75', fill: (d: { rule: string }) => RULE_COLORS[d.rule], fillOpacity: 0.1 }),
      Plot.line(lines, { x: 'lr', y: 'loss', z: 'seed', stroke: 'currentColor', strokeOpacity: 0.2, strokeWidth: 1, clip: true }),
      Plot.line(median, { x: 'lr', y: 'loss', stroke: accent, strokeWidth: 3, clip: true }),
      Plot.ruleX(rules, { x: 'lr', stroke: (d: { rule: string }) => RULE_COLORS[d.rule], strokeWidth: 2, strokeDasharray: '4,3' }),
      Plot.text(rules, {
        x: 'lr',
        y: top,
        text: 'rule',
        dy: 8 - 0,
        fill: (d: { rule: string }) => RULE_COLORS[d.rule],
        textAnchor: 'start',
        dx: 3,
      }),
    ],
  });
}

/** One dot per seed per rule: how far each rule's suggestion moves between seeds. */
export function suggestionSpreadSvg(doc: LrRangeTestDocument, locale: Locale, width = 640): string {
  const dots = (['steepest', 'minOver10', 'valley'] as const).flatMap((rule) =>
    doc.suggestions[rule].perSeed.flatMap((lr, i) => (lr === null ? [] : [{ rule, lr, seed: doc.curves[i].seed }])),
  );
  return renderSvg({
    width,
    height: 170,
    marginLeft: 80,
    x: { type: 'log', label: 'suggested learning rate' },
    y: { label: null },
    ariaLabel: locale === 'zh' ? '每条规则在每个种子上给出的建议学习率。' : "Each rule's suggested learning rate for every seed.",
    marks: [
      Plot.dot(dots, {
        x: 'lr',
        y: 'rule',
        fill: (d: { rule: string }) => RULE_COLORS[d.rule],
        r: 3.5,
        title: (d: { seed: number; lr: number }) => `seed ${d.seed}: ${d.lr.toPrecision(3)}`,
      }),
    ],
  });
}

/** Accuracy per seed for several labelled groups (verification arms, schedules, sources, compare arms), with each group's mean. */
export function groupedAccuracySvg(
  groups: { label: string; runs: { seed: number; testAccuracy: number | null; diverged: boolean }[] }[],
  locale: Locale,
  width = 640,
): string {
  const dots = groups.flatMap((g) =>
    g.runs
      .filter((r) => !r.diverged && r.testAccuracy !== null)
      .map((r) => ({ label: g.label, seed: r.seed, accuracy: 100 * (r.testAccuracy as number) })),
  );
  const means = groups.flatMap((g) => {
    const xs = dots.filter((d) => d.label === g.label).map((d) => d.accuracy);
    return xs.length ? [{ label: g.label, mean: xs.reduce((a, b) => a + b, 0) / xs.length }] : [];
  });
  return renderSvg({
    width,
    height: 60 + 36 * groups.length,
    marginLeft: 150,
    x: { label: `${t(locale).accuracy} (%)`, nice: true },
    y: { label: null, domain: groups.map((g) => g.label) },
    ariaLabel:
      locale === 'zh'
        ? '每组每个种子的测试准确率（点）及组均值（竖线）。'
        : 'Test accuracy of every seed in each group (dots) and the group mean (tick).',
    marks: [
      Plot.tickX(means, { x: 'mean', y: 'label', stroke: 'currentColor', strokeWidth: 2 }),
      Plot.dot(dots, {
        x: 'accuracy',
        y: 'label',
        fill: accent,
        fillOpacity: 0.75,
        r: 3.5,
        title: (d: { seed: number; accuracy: number }) => `seed ${d.seed}: ${d.accuracy.toFixed(2)}%`,
      }),
    ],
  });
}

export function scheduleLrSvg(doc: LrScheduleDocument, locale: Locale, width = 640): string {
  const data = doc.schedules.flatMap((s) => s.lrCurve.steps.map((step, i) => ({ schedule: s.name, step, lr: s.lrCurve.lrs[i] })));
  return renderSvg({
    width,
    height: 240,
    x: { label: locale === 'zh' ? '步数' : 'step' },
    y: { label: 'learning rate', type: 'log', grid: true },
    color: { legend: true },
    ariaLabel: locale === 'zh' ? '每个学习率计划的学习率随步数的变化。' : 'The learning rate of each schedule against the step.',
    marks: [Plot.line(data, { x: 'step', y: 'lr', stroke: 'schedule', strokeWidth: 1.5 })],
  });
}

export function scheduleCurvesSvg(doc: LrScheduleDocument, locale: Locale, width = 640): string {
  const data = doc.schedules.flatMap((s) =>
    s.medianCurves.testAccuracy.flatMap((v, e) => (v === null ? [] : [{ schedule: s.name, epoch: e + 1, accuracy: 100 * v }])),
  );
  return renderSvg({
    width,
    height: 240,
    x: { label: t(locale).epoch },
    y: { label: `${t(locale).accuracy} (%)`, grid: true },
    color: { legend: true },
    ariaLabel: locale === 'zh' ? '各学习率计划每轮测试准确率的中位数。' : 'Median test accuracy per epoch for each schedule.',
    marks: [Plot.line(data, { x: 'epoch', y: 'accuracy', stroke: 'schedule', strokeWidth: 2 })],
  });
}

export function learningCurvesSvg(doc: DataSizeDocument, locale: Locale, width = 640): string {
  const points = doc.curves.flatMap((c) =>
    c.points.map((p) => ({ model: c.model, size: p.size, mean: 100 * p.mean, lo: 100 * (p.mean - p.std), hi: 100 * (p.mean + p.std) })),
  );
  return renderSvg({
    width,
    height: 300,
    x: { type: 'log', label: locale === 'zh' ? '训练集大小（行）' : 'training rows' },
    y: { label: `${t(locale).accuracy} (%)`, grid: true },
    color: { legend: true },
    ariaLabel:
      locale === 'zh'
        ? '各模型测试准确率随训练集大小的变化（均值 ± 标准差）。'
        : 'Mean test accuracy of each model against the training-set size, with ± one standard deviation.',
    marks: [
      Plot.ruleX(points, { x: 'size', y1: 'lo', y2: 'hi', stroke: 'model', strokeOpacity: 0.5 }),
      Plot.line(points, { x: 'size', y: 'mean', stroke: 'model', strokeWidth: 2 }),
      Plot.dot(points, { x: 'size', y: 'mean', fill: 'model', r: 3 }),
    ],
  });
}

export function sourcesSvg(doc: VarianceSourcesDocument, locale: Locale, width = 640): string {
  const bars = doc.sources.map((s) => ({ source: s.name, std: 100 * (s.std ?? 0) }));
  return renderSvg({
    width,
    height: 200,
    marginLeft: 70,
    x: { label: locale === 'zh' ? '测试准确率的标准差（百分点）' : 'std of test accuracy (points)', grid: true },
    y: { label: null, domain: bars.map((b) => b.source) },
    ariaLabel:
      locale === 'zh'
        ? '每个随机性来源单独变化时测试准确率的标准差。'
        : 'Standard deviation of test accuracy when each source of randomness varies alone, and all at once.',
    marks: [Plot.barX(bars, { x: 'std', y: 'source', fill: accent }), Plot.ruleX([0])],
  });
}

export function compareDifferenceSvg(doc: CompareDocument, locale: Locale, width = 640): string {
  const d = doc.difference;
  if (!d) return '';
  const row = [{ label: `${doc.arms[0].label} − ${doc.arms[1].label}`, diff: 100 * d.meanDiff, lo: 100 * d.ci95[0], hi: 100 * d.ci95[1] }];
  return renderSvg({
    width,
    height: 100,
    marginLeft: 20,
    x: {
      label: locale === 'zh' ? '准确率差（百分点），95% bootstrap 置信区间' : 'accuracy difference (points), 95% bootstrap CI',
      nice: true,
    },
    ariaLabel:
      locale === 'zh'
        ? '两种配置的准确率差及其置信区间。'
        : 'The difference in accuracy between the two configurations with its confidence interval.',
    marks: [
      Plot.ruleX([0], { strokeDasharray: '3,3' }),
      Plot.ruleY(row, { x1: 'lo', x2: 'hi', y: () => 0, strokeWidth: 3, stroke: accent }),
      Plot.dot(row, { x: 'diff', y: () => 0, r: 6, fill: accent }),
    ],
  });
}

/** The main chart of any document: the report's first chart, the embed card's only one, the OG image's picture. */
export function mainChartSvg(doc: StudyDocument, locale: Locale, width = 640): string {
  switch (doc.kind) {
    case 'seed-variance':
      return seedStripSvg(doc, locale, width);
    case 'lr-range-test':
      return rangeCurvesSvg(doc, locale, width);
    case 'lr-schedule':
      return groupedAccuracySvg(
        doc.schedules.map((s) => ({ label: s.name, runs: s.runs })),
        locale,
        width,
      );
    case 'data-size':
      return learningCurvesSvg(doc, locale, width);
    case 'variance-sources':
      return sourcesSvg(doc, locale, width);
    case 'determinism-audit':
      return renderSvg({
        width,
        height: 60 + 30 * doc.rows.length,
        marginLeft: 130,
        x: { label: `${t(locale).accuracy} (%)`, nice: true },
        y: { label: null },
        ariaLabel: locale === 'zh' ? '各算法的测试准确率。' : 'Test accuracy of each algorithm.',
        marks: [
          Plot.barX(
            doc.rows.map((r) => ({ model: r.model, accuracy: 100 * r.testAccuracy })),
            { x: 'accuracy', y: 'model', fill: accent },
          ),
          Plot.ruleX([0]),
        ],
      });
    case 'compare':
      return groupedAccuracySvg(
        doc.arms.map((a) => ({ label: a.label, runs: a.runs })),
        locale,
        width,
      );
  }
}
