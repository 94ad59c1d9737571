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
  const chart = Plot.plot({
    ...withRoomForAxisLabels(options),
    style: { fontSize: `${CHART_FONT_PX}px` },
    document,
  } as Plot.PlotOptions) as unknown as Element;
  markAsWritten(chart, asWritten);
  const image = asOneImage(chart);
  recordAccuracyScale(chart, options);
  return image.outerHTML;
}

/**
 * Axis titles placed where no tick label is: Plot puts the x title at the bottom right, on the row of
 * the tick labels, and the y title at the top left, beside the top tick label, so at 12 px text they
 * print over each other. The x title goes centred under the tick labels, the y title above the top
 * one: each in a margin of its own (unless a chart sets that margin itself).
 */
function withRoomForAxisLabels(options: Plot.PlotOptions): Plot.PlotOptions {
  const titled = (scale: Plot.ScaleOptions | undefined) => scale?.axis !== null && scale?.label !== null;
  const out = { ...options };
  if (titled(options.x)) {
    out.x = { labelAnchor: 'center', labelOffset: X_TITLE_OFFSET, ...options.x };
    out.marginBottom = options.marginBottom ?? X_TITLE_OFFSET + 6;
  }
  if (titled(options.y) && options.y?.type !== 'band' && options.y?.type !== 'point') out.marginTop = options.marginTop ?? Y_TITLE_MARGIN;
  return out;
}
/** Tick labels end about 24 px under the frame (a 6 px tick, 3 px of padding, a 12 px line and its descent). */
const X_TITLE_OFFSET = 38;
/** The y title's line (12 px from 3 px down) ends above the top tick label (centred on the frame's top, 8 px up). */
const Y_TITLE_MARGIN = 28;

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
/**
 * Chart text is drawn at 12 px in every drawing: 12 CSS px on a desktop (the wide drawing is shown at
 * its size), and 11.6 px on a 360 px phone (the narrow drawing, 340 px, shows in a 328 px column).
 */
const CHART_FONT_PX = 12;
/**
 * An embed card's drawing: narrow (12 px text) and about the shape of the card's chart area, so it
 * scales up in a 560 x 330 frame and barely down in a 300 px one (266 px of room: 11.4 px text)
 * instead of shrinking its text.
 */
export const CARD_CHART = { width: 280, height: 130 };

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
  const { width = WIDE_CHART_WIDTH, height = 70 + 36 * groups.length } = size;
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
  const marginLeft = labelMargin(groups.map((g) => g.label));
  // "Each dot: one seed": equal values are stacked across their group's row (a beeswarm), not drawn
  // on one spot; a dot shrinks when a row's tallest stack would not fit at full size.
  const rowHeight = (height - STRIP_MARGIN_TOP - X_TITLE_OFFSET - 6) / Math.max(1, groups.length);
  const values = [...dots.map((d) => d.accuracy), ...means.map((m) => m.mean)];
  const span = Math.max(1e-9, Math.max(...values) - Math.min(...values));
  const dotWidth = (7 * span) / Math.max(1, width - marginLeft - 20);
  const tallest = Math.max(
    1,
    ...groups.map((g) =>
      tallestStack(
        dots.filter((d) => d.label === g.label).map((d) => d.accuracy),
        dotWidth,
      ),
    ),
  );
  const r = Math.max(1.5, Math.min(3.5, (rowHeight - 6) / (2 * tallest)));
  return renderSvg(
    {
      width,
      height,
      marginLeft,
      marginTop: STRIP_MARGIN_TOP,
      x: { label: labels.axis, nice: true },
      fy: { label: null, axis: 'left', domain: groups.map((g) => g.label) },
      ariaLabel: labels.alt,
      marks: [
        Plot.tickX(means, { x: 'mean', fy: 'label', stroke: 'currentColor', strokeWidth: 2 }),
        Plot.dot(
          dots,
          Plot.dodgeY({ x: 'accuracy', fy: 'label', anchor: 'middle', fill: ACCENT, fillOpacity: 0.75, r, padding: 0.5, title: 'text' }),
        ),
      ],
    },
    asWritten,
  );
}

/** A grouped strip's top margin: its rows are named on the left, it has no y title above. */
const STRIP_MARGIN_TOP = 10;

/** A left margin wide enough for the longest of the group labels at 12 px (about 7 px a character), within 40-150 px. */
export function labelMargin(names: string[]): number {
  const longest = Math.max(0, ...names.map((n) => [...n].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 12 : 7), 0)));
  return Math.round(Math.min(150, Math.max(40, longest + 16)));
}

/** The most values of a list that fall within one dot's width of each other (`resolution` in the values' units). */
function tallestStack(values: number[], resolution: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] > resolution) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
