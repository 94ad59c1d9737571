import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { nameMarker } from '../presentation/glossaryLinks.ts';
import { isolate } from '../presentation/locales.ts';
import { type Arg, pct } from '../presentation/phrases.ts';

/**
 * Observable Plot rendered to static SVG on the server, with linkedom as the DOM. Charts draw what
 * the study document holds: every statistic they show (means, medians, intervals) comes from the
 * document; Plot only bins, stacks and lays out.
 */
export function renderSvg(options: Plot.PlotOptions, asWritten: string[] = []): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  // A phone's drawing is shown near its own width: its text is drawn larger, to read at 11 px or more.
  const narrow = (options.width ?? WIDE_CHART_WIDTH) <= NARROW_CHART_WIDTH;
  const style = narrow ? { fontSize: `${NARROW_FONT_PX}px` } : undefined;
  const chart = Plot.plot({ ...options, ...(style ? { style } : {}), document } as Plot.PlotOptions) as unknown as Element;
  markAsWritten(chart, asWritten);
  const image = asOneImage(chart);
  recordAccuracyScale(chart, options);
  return image.outerHTML;
}

/**
 * A chart whose x axis is linear records where its values land (data-x: domain then range, in the
 * drawing's units) and the plot's vertical extent (data-y), so a page's script can mark a value the
 * reader measured (a seed trained in the browser) on the drawing the server made.
 */
function recordAccuracyScale(chart: Element, options: Plot.PlotOptions): void {
  const plot = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg[role="img"]');
  const scales = chart as unknown as { scale(name: string): { type: string; domain: number[]; range: number[] } | undefined };
  const x = scales.scale('x');
  if (!plot || x?.type !== 'linear') return;
  const y = scales.scale('y');
  const height = options.height ?? 400;
  const [top, bottom] = y?.range ?? [options.marginTop ?? 20, height - (options.marginBottom ?? 30)];
  plot.setAttribute('data-x', [...x.domain, ...x.range].map((v) => +v.toFixed(3)).join(' '));
  plot.setAttribute('data-y', [Math.min(top, bottom), Math.max(top, bottom)].map((v) => +v.toFixed(1)).join(' '));
}

/**
 * Names a chart shows as written (labels from the spec, rule names) are wrapped in an element marked
 * translate="no", wherever a label or a legend holds them, so a page translator leaves them alone:
 * the same marker a report's sentences go through (i18n/glossaryLinks.ts).
 */
function markAsWritten(chart: Element, names: string[]): void {
  if (!names.length) return;
  const mark = nameMarker(names);
  const visit = (node: Node) => {
    if (node.nodeType === 1) {
      // A tooltip (<title>) is plain text and cannot hold an element; a <style> is not text.
      if (!['title', 'style'].includes((node as HTMLElement).tagName.toLowerCase())) for (const child of [...node.childNodes]) visit(child);
      return;
    }
    const parent = node.parentElement;
    const parts = node.nodeType === 3 && parent ? mark(node.textContent ?? '') : [];
    if (!parent || !parts.some((p) => p.name)) return;
    const document = node.ownerDocument as Document;
    const tag = parent.closest('svg') ? 'tspan' : 'span';
    for (const part of parts) {
      // An isolated run keeps its marks: in SVG (and the PNG) they are what isolates it.
      let piece: Node = document.createTextNode(part.isolated ? isolate(part.text) : part.text);
      if (part.name) {
        const kept = document.createElement(tag);
        kept.setAttribute('translate', 'no');
        kept.appendChild(piece);
        piece = kept;
      }
      parent.insertBefore(piece, node);
    }
    parent.removeChild(node);
  };
  visit(chart as unknown as Node);
}

/**
 * A chart is one image to assistive technology: its own <svg> is role="img", named by its
 * aria-label (the chart's alt text); the names Plot gives its inner groups ("line", "x-axis tick",
 * in English) are dropped, as ARIA does not allow a name on an element without a role. A legend's
 * <style> (Plot puts it in a <div>, where HTML does not allow it) moves into the plot's <svg>.
 */
function asOneImage(chart: Element): Element {
  const plot = chart.tagName.toLowerCase() === 'svg' ? chart : [...chart.querySelectorAll('svg')].find((s) => s.hasAttribute('viewBox'));
  if (!plot) return chart;
  plot.setAttribute('role', 'img');
  for (const el of plot.querySelectorAll('[aria-label], [aria-description]')) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  const plotStyle = plot.querySelector('style');
  for (const style of chart.querySelectorAll('div style')) {
    if (plotStyle) plotStyle.textContent = `${plotStyle.textContent}\n${style.textContent}`;
    style.remove();
  }
  return chart;
}

/** The widths charts are drawn at: for a page's column, and for a phone (components/Chart.astro shows one). */
export const WIDE_CHART_WIDTH = 640;
export const NARROW_CHART_WIDTH = 340;
/** A phone's drawing at 340 px shows in a 328 px column on a 360 px screen: 12 px text reads at 11.6 px. */
const NARROW_FONT_PX = 12;
/**
 * An embed card's drawing: narrow (12 px text) and about the shape of the card's chart area, so it
 * scales up in a 560 x 330 frame and barely down in a 360 x 330 one instead of shrinking its text.
 */
export const CARD_CHART = { width: 320, height: 150 };

export const ACCENT = 'var(--accent, #2563eb)';
/** Lines that carry one seed each: the page's muted text colour (over 3:1 on the light and the dark background), thin. */
export const SEED_LINE = 'var(--muted, #59636e)';

/**
 * Colours for categories (models, schedules, rules), in the order of the study. Each has at least
 * 3:1 contrast on the light background (#ffffff) and on the dark one (#0d1117), WCAG 1.4.11:
 * 5.2/3.7, 3.2/5.9, 3.8/5.0, 4.8/3.9, 5.4/3.5, 3.7/5.1, 4.6/4.1, 3.1/6.1.
 */
export const CATEGORY_COLORS = ['#2563eb', '#d97706', '#059669', '#dc2626', '#9333ea', '#0891b2', '#db2777', '#65a30d'];

/** A colour scale whose legend lists the categories in the study's order (the order of the plot and the tables). */
export const categoryColors = (domain: string[]) => ({ domain, range: CATEGORY_COLORS, legend: true });

/**
 * Tick labels of a log axis: plain decimals (0.5, 0.001, 100), or a power of ten where that would
 * be long (1e-4), never SI prefixes ("500m" reads as metres).
 */
export function plainTick(x: number): string {
  if (x === 0) return '0';
  const abs = Math.abs(x);
  const text =
    abs >= 1e-3 && abs < 1e5
      ? String(Number(x.toPrecision(3)))
      : x
          .toExponential()
          .replace(/\.?0+e/, 'e')
          .replace('e+', 'e');
  return text.replace('-', '−');
}

export interface AccuracyGroup {
  label: string;
  runs: { seed: number; testAccuracy: number | null; diverged: boolean }[];
  /** The group's mean accuracy as the document records it, or null when every run diverged. */
  mean: number | null;
}

export interface GroupedAccuracyLabels {
  axis: string;
  alt: string;
  /** A dot's title: its seed (or run) and its accuracy. */
  seedDot: (args: { seed: Arg; value: Arg }) => string;
  /** How a value is drawn and written: accuracies as percents by default; an imported metric in its own unit. */
  scale?: number;
  valueArg?: (value: number) => Arg;
}

/** Accuracy per run for labelled groups (arms, schedules, sources), with each group's recorded mean as a tick. */
export function groupedAccuracySvg(
  groups: AccuracyGroup[],
  labels: GroupedAccuracyLabels,
  size: { width?: number; height?: number } = {},
  asWritten: string[] = [],
): string {
  const { width = WIDE_CHART_WIDTH, height = 60 + 36 * groups.length } = size;
  const { scale = 100, valueArg = (v: number) => pct(v, 2) } = labels;
  const dots = groups.flatMap((g) =>
    g.runs.flatMap((r) =>
      !r.diverged && r.testAccuracy !== null
        ? [
            {
              label: g.label,
              seed: r.seed,
              accuracy: scale * r.testAccuracy,
              text: labels.seedDot({ seed: r.seed, value: valueArg(r.testAccuracy) }),
            },
          ]
        : [],
    ),
  );
  const means = groups.flatMap((g) => (g.mean === null ? [] : [{ label: g.label, mean: scale * g.mean }]));
  return renderSvg(
    {
      width,
      height,
      marginLeft: 150,
      x: { label: labels.axis, nice: true },
      y: { label: null, domain: groups.map((g) => g.label) },
      ariaLabel: labels.alt,
      marks: [
        Plot.tickX(means, { x: 'mean', y: 'label', stroke: 'currentColor', strokeWidth: 2 }),
        Plot.dot(dots, {
          x: 'accuracy',
          y: 'label',
          fill: ACCENT,
          fillOpacity: 0.75,
          r: 3.5,
          title: 'text',
        }),
      ],
    },
    asWritten,
  );
}
