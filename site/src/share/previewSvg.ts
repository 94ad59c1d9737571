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

/** The frame: text blocks from the top, then the chart (if any) scaled into the space below. */
function previewFrame(blocks: Block[], chart: Element | undefined): string {
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
  let chartSvg = '';
  const box = { y: y + 12, height: PREVIEW_HEIGHT - 30 - (y + 12) };
  if (chart && box.height > 80) {
    const w = Number(chart.getAttribute('width'));
    const h = Number(chart.getAttribute('height'));
    const scale = Math.min(TEXT_WIDTH / w, box.height / h);
    chart.setAttribute('x', String(MARGIN));
    chart.setAttribute('y', String(box.y));
    chart.setAttribute('width', String(Math.round(scale * w)));
    chart.setAttribute('height', String(Math.round(scale * h)));
    chart.setAttribute('color', '#1b1f24');
    // The chart's labels may hold names from the spec: drop what XML cannot hold from it too.
    // resvg knows no CSS variables: each page colour becomes its light value (the card is light).
    chartSvg = withoutForbiddenCharacters(chart.outerHTML.replace(/var\(--[a-z-]+, (#[0-9a-f]+)\)/g, '$1'));
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}">
<rect width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" fill="#ffffff"/>
${texts.join('\n')}
${chartSvg}
</svg>`;
}

const kicker = (text: string): Block => ({ lines: [text], size: 26, weight: 'normal', fill: '#59636e' });

/** The width the main chart is drawn at for a preview: half the card, scaled up, so its labels are legible. */
export const PREVIEW_CHART_WIDTH = 540;

/** A report's preview: its kind, its whole title, its headline (the key number), its main chart (drawn at PREVIEW_CHART_WIDTH). */
export function reportPreviewSvg(doc: StudyDocument, locale: Locale, mainChart: string): string {
  // A chart with a legend comes wrapped in a <figure> with swatches: keep only the plot's own <svg>,
  // the one with a viewBox (found by attribute: linkedom's selectors do not match the camel-cased name).
  const { document } = parseHTML(`<!doctype html><html><body>${mainChart}</body></html>`);
  const plot = [...document.querySelectorAll('svg')].find((svg) => svg.hasAttribute('viewBox'));
  return previewFrame(
    [
      kicker(`Seedlab · ${isTrainedDocument(doc) ? kindName(doc.kind, locale) : t(locale).imported.notice}`),
      fitted(studyTitle(doc, locale).text, 44, 30, 3, 'bold', '#1b1f24'),
      fitted(headlineOf(doc, locale), 34, 24, 2, 'normal', '#1d4ed8'),
    ],
    plot,
  );
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
    return previewFrame(
      [kicker('Seedlab'), fitted(title, 44, 30, 2, 'bold', '#1b1f24'), fitted(page.id.slice(0, 40), 26, 26, 1, 'normal', '#59636e')],
      undefined,
    );
  }
  const { spec, status, runsDone, runsTotal } = page;
  const said = status === 'failed' ? ui.status.failedTitle : ui.status[status];
  return previewFrame(
    [
      kicker(`Seedlab · ${kindName(spec.kind, locale)}`),
      fitted(pendingStudyTitle(spec, locale).text, 44, 30, 3, 'bold', '#1b1f24'),
      fitted(`${said} · ${ui.status.progress({ done: int(runsDone), total: int(runsTotal) })}`, 34, 24, 2, 'normal', '#1d4ed8'),
    ],
    undefined,
  );
}

/** What every preview can show, whatever its document holds. */
export const PLAIN_PREVIEW_SVG = previewFrame([fitted('Seedlab', 44, 44, 1, 'bold', '#1b1f24')], undefined);
