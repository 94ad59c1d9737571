// The SVG of a study's 1200x630 preview (pure: no bindings, so Node tests read it before it is
// rasterised): kicker, the whole title wrapped over lines, the headline, and the main chart in the
// space left. resvg does not wrap text, so lines are broken here with an estimate of glyph widths
// that errs wide.
import { parseHTML } from 'linkedom';
import { isTrainedDocument, type StudyDocument, type StudySpec, withoutForbiddenCharacters } from '../../../src/index.ts';
import { headlineOf, kindName, type Locale, pendingStudyTitle, studyTitle, t } from '../presentation/index.ts';
import { int } from '../presentation/phrases.ts';
import { xmlText } from './xmlText.ts';

const PREVIEW_WIDTH = 1200;
const PREVIEW_HEIGHT = 630;
/** The previews' one font family: Noto Sans SC covers Latin and Chinese, so no glyph needs a fallback. */
export const PREVIEW_FONT_FAMILY = 'Noto Sans SC';
const MARGIN = 60;
const TEXT_WIDTH = PREVIEW_WIDTH - 2 * MARGIN;
const FONT = `font-family="${PREVIEW_FONT_FAMILY}, sans-serif"`;

/** A glyph's advance in ems, rounded up (Noto Sans SC): CJK and full-width forms 1, capitals 0.72, the rest 0.6. */
function ems(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x2e80) return 1;
  if (isBidiControl(code)) return 0;
  if (ch === ' ') return 0.3;
  return /[A-Z0-9%@#&MW]/.test(ch) ? 0.72 : 0.6;
}

const isBidiControl = (code: number) => (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);

/** How many isolates are open after `text`, given `open` before it. */
function openIsolatesAfter(text: string, open: number): number {
  let depth = open;
  for (const ch of text) {
    if (ch === '\u2066' || ch === '\u2067' || ch === '\u2068') depth++;
    else if (ch === '\u2069') depth = Math.max(0, depth - 1);
  }
  return depth;
}

/**
 * Breaks text into lines no wider than `width` at `size` px: between words for Latin text, between
 * any two characters of Chinese. A word longer than a line is cut where it must be. Each line is
 * drawn as its own text, so an isolate a break cuts (a user's title) is closed at the line's end
 * and opened again on the next.
 */
export function wrapLines(text: string, size: number, width = TEXT_WIDTH): string[] {
  const tokens = text.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+|\s+/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  let lineEms = 0;
  let carried = 0;
  const limit = width / size;
  const push = () => {
    const drawn = line.trim();
    if (drawn) {
      const open = openIsolatesAfter(drawn, carried);
      lines.push(`${'\u2068'.repeat(carried)}${drawn}${'\u2069'.repeat(open)}`);
      carried = open;
    }
    line = '';
    lineEms = 0;
  };
  for (const token of tokens) {
    const tokenEms = [...token].reduce((n, ch) => n + ems(ch), 0);
    if (/^\s+$/.test(token)) {
      if (line) {
        line += ' ';
        lineEms += ems(' ');
      }
      continue;
    }
    if (lineEms + tokenEms > limit && line.trim()) push();
    if (tokenEms <= limit) {
      line += token;
      lineEms += tokenEms;
      continue;
    }
    for (const ch of token) {
      if (lineEms + ems(ch) > limit) push();
      line += ch;
      lineEms += ems(ch);
    }
  }
  push();
  return lines;
}

interface Block {
  lines: string[];
  size: number;
  weight: 'bold' | 'normal';
  fill: string;
}

/** A block of text at the largest size (down to `min`) that fits in `maxLines`. */
function fitted(text: string, size: number, min: number, maxLines: number, weight: Block['weight'], fill: string): Block {
  let s = size;
  let lines = wrapLines(text, s);
  while (lines.length > maxLines && s > min) {
    s -= 2;
    lines = wrapLines(text, s);
  }
  return { lines, size: s, weight, fill };
}

/** Where the text blocks end: the chart (if any) goes below. */
function textBlocks(blocks: Block[]): { texts: string[]; bottom: number } {
  let y = 40;
  const texts: string[] = [];
  for (const b of blocks) {
    for (const line of b.lines) {
      y += Math.round(b.size * 1.3);
      texts.push(
        `<text x="${MARGIN}" y="${y}" ${FONT} font-size="${b.size}"${b.weight === 'bold' ? ' font-weight="bold"' : ''} fill="${b.fill}">${xmlText(line)}</text>`,
      );
    }
    y += 8;
  }
  return { texts, bottom: y };
}

const previewImage = (parts: string[]) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}">
<rect width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" fill="#ffffff"/>
${parts.join('\n')}
</svg>`;

/** The frame without a chart: text blocks from the top. */
const previewFrame = (blocks: Block[]) => previewImage(textBlocks(blocks).texts);

const kicker = (text: string): Block => ({ lines: [text], size: 26, weight: 'normal', fill: '#59636e' });

/**
 * The width the main chart is drawn at for a preview: its 12 px text, scaled to the card's text width
 * (1080 px), reads at 24 px, legible where a feed shows the card 500 px wide.
 */
export const PREVIEW_CHART_WIDTH = TEXT_WIDTH / 2;
const PREVIEW_CHART_SCALE = TEXT_WIDTH / PREVIEW_CHART_WIDTH;
/** A legend row's text (the names of a chart's colours), at the chart's text size. */
const LEGEND_PX = 24;

/**
 * A report's preview: its kind, its title, its headline (the answer in words), then its main chart
 * across the card's width, drawn for the height left (`draw(width, height)`: the kind's main chart) and
 * scaled by two. A chart whose colours name things (models, schedules) gets its legend as a row above.
 */
export function reportPreviewSvg(doc: StudyDocument, locale: Locale, draw: (width: number, height: number) => string): string {
  const { texts, bottom } = textBlocks([
    kicker(`Seedlab · ${isTrainedDocument(doc) ? kindName(doc.kind, locale) : t(locale).imported.notice}`),
    fitted(studyTitle(doc, locale).text, 44, 30, 2, 'bold', '#1b1f24'),
    fitted(headlineOf(doc, locale), 32, 26, 2, 'normal', '#1d4ed8'),
  ]);
  const box = { top: bottom + 4, bottom: PREVIEW_HEIGHT - 16 };
  const room = (legendRows: number) => Math.floor((box.bottom - box.top - legendRows * LEGEND_PX * 1.5) / PREVIEW_CHART_SCALE);
  let chart = chartParts(draw(PREVIEW_CHART_WIDTH, room(0)));
  if (chart.legend.length) chart = chartParts(draw(PREVIEW_CHART_WIDTH, room(1)));
  const legend = legendRow(chart.legend, MARGIN, box.top);
  const parts = [...texts, ...legend.parts];
  if (chart.plot && box.bottom - legend.bottom > 80)
    parts.push(placedPlot(chart.plot, MARGIN, legend.bottom, TEXT_WIDTH, box.bottom - legend.bottom));
  return previewImage(parts);
}

/**
 * A chart as Plot draws it for a page: its plot (the <svg> with a viewBox, found by attribute:
 * linkedom's selectors do not match the camel-cased name) and, where its colours name things, its
 * legend's swatches (Plot draws them in HTML beside the plot).
 */
function chartParts(html: string): { plot: Element | undefined; legend: { color: string; name: string }[] } {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const plot = [...document.querySelectorAll('svg')].find((svg) => svg.hasAttribute('viewBox'));
  const legend = [...document.querySelectorAll('span')].flatMap((span) => {
    const swatch = span.querySelector('svg');
    const name = span.textContent?.trim();
    return swatch && name ? [{ color: swatch.getAttribute('fill') ?? '#1b1f24', name }] : [];
  });
  return { plot, legend };
}

/** A legend as one row of swatches and names in SVG, from `top`; where it ends. */
function legendRow(
  legend: { color: string; name: string }[],
  left: number,
  top: number,
  size = LEGEND_PX,
): { parts: string[]; bottom: number } {
  if (!legend.length) return { parts: [], bottom: top };
  const parts: string[] = [];
  const y = top + size;
  let x = left;
  for (const { color, name } of legend) {
    parts.push(`<rect x="${x}" y="${y - size * 0.8}" width="${size * 0.8}" height="${size * 0.8}" fill="${color}"/>`);
    parts.push(`<text x="${x + size}" y="${y}" ${FONT} font-size="${size}" fill="#1b1f24">${xmlText(name)}</text>`);
    // The glyph estimate errs wide for wrapping; a legend's gaps use 85% of it.
    x += size * 1.6 + 0.85 * [...name].reduce((n, ch) => n + ems(ch), 0) * size;
  }
  return { parts, bottom: y + size / 2 };
}

/** A plot placed at (x, y), scaled to fit `width` x `height` keeping its aspect, in the light colours resvg can draw. */
function placedPlot(plot: Element, x: number, y: number, width: number, height: number): string {
  const w = Number(plot.getAttribute('width'));
  const h = Number(plot.getAttribute('height'));
  const scale = Math.min(width / w, height / h);
  plot.setAttribute('x', String(x));
  plot.setAttribute('y', String(y));
  plot.setAttribute('width', String(Math.round(scale * w)));
  plot.setAttribute('height', String(Math.round(scale * h)));
  plot.setAttribute('color', '#1b1f24');
  // The chart's labels may hold names from the spec: drop what XML cannot hold from it too.
  // resvg knows no CSS variables: each page colour becomes its light value (the image is light).
  return withoutForbiddenCharacters(plot.outerHTML.replace(/var\(--[a-z-]+, (#[0-9a-f]+)\)/g, '$1'));
}

/**
 * One chart of a report as an image of its own (`/charts/<id>/<chart>.svg`, and the PNG drawn from
 * it): the chart as the page draws it, its legend above, on white; `scale` enlarges the PNG's pixels.
 */
export function chartImageSvg(chartHtml: string, scale = 1): string | null {
  const chart = chartParts(chartHtml);
  if (!chart.plot) return null;
  const width = Number(chart.plot.getAttribute('width'));
  const height = Number(chart.plot.getAttribute('height'));
  const pad = 8;
  const legend = legendRow(chart.legend, pad, pad - 4, 12);
  const plot = placedPlot(chart.plot, pad, legend.bottom, width, height);
  const [w, h] = [width + 2 * pad, legend.bottom + height + pad];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w * scale}" height="${h * scale}" viewBox="0 0 ${w} ${h}">
<rect width="${w}" height="${h}" fill="#ffffff"/>
${[...legend.parts, plot].join('\n')}
</svg>`;
}

export type PreviewStatus =
  | {
      state: 'runs';
      spec: StudySpec;
      status: 'queued' | 'running' | 'failed';
      runsDone: number;
      runsTotal: number;
    }
  | { state: 'missing'; id: string }
  | { state: 'unreadable'; id: string };

/** The card of a study without a report (in progress, failed, unknown, unreadable): what its page says, in short. */
export function statusPreviewSvg(page: PreviewStatus, locale: Locale): string {
  const ui = t(locale);
  if (page.state !== 'runs') {
    const title = page.state === 'missing' ? ui.notFound.title : ui.status.unreadableTitle;
    return previewFrame([
      kicker('Seedlab'),
      fitted(title, 44, 30, 2, 'bold', '#1b1f24'),
      fitted(page.id.slice(0, 40), 26, 26, 1, 'normal', '#59636e'),
    ]);
  }
  const { spec, status, runsDone, runsTotal } = page;
  const said = status === 'failed' ? ui.status.failedTitle : ui.status[status];
  return previewFrame([
    kicker(`Seedlab · ${kindName(spec.kind, locale)}`),
    fitted(pendingStudyTitle(spec, locale).text, 44, 30, 3, 'bold', '#1b1f24'),
    fitted(`${said} · ${ui.status.progress({ done: int(runsDone), total: int(runsTotal) })}`, 34, 24, 2, 'normal', '#1d4ed8'),
  ]);
}

/** What every preview can show, whatever its document holds. */
export const PLAIN_PREVIEW_SVG = previewFrame([fitted('Seedlab', 44, 44, 1, 'bold', '#1b1f24')]);
