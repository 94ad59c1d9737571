import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { seedStripSvg } from '../site/src/kinds/seed-variance/charts.ts';
import { studyTitle } from '../site/src/presentation/index.ts';
import { PREVIEW_CHART_WIDTH, reportPreviewSvg, wrapLines } from '../site/src/share/previewSvg.ts';
import { documentOfKind, parseStoredDocument } from '../src/index.ts';

// The preview's SVG, read before it is rasterised: the whole title is there, wrapped, never cut.
const stored = parseStoredDocument(JSON.parse(readFileSync('bench/presets/digits-reference.json', 'utf8')));
if (!stored.success) throw new Error(stored.error);
const reference = documentOfKind(stored.data, 'seed-variance');

/** The preview's own text lines (not the chart's), by weight. */
function previewText(svg: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg') as Element;
  const own = [...root.children].filter((el) => el.tagName.toLowerCase() === 'text');
  return {
    bold: own.filter((el) => el.getAttribute('font-weight') === 'bold').map((el) => el.textContent ?? ''),
    all: own.map((el) => el.textContent ?? ''),
    charts: [...root.querySelectorAll('svg')].filter((el) => el !== root).length,
  };
}

describe('wrapLines', () => {
  // Widths by hand: at 10 px a line of 40 px holds 4 ems; a lower-case letter counts 0.6 em, a space
  // 0.3, a Chinese character 1.
  it('breaks Latin text between words', () => {
    expect(wrapLines('abc def', 10, 40)).toEqual(['abc def']); // 1.8 + 0.3 + 1.8 = 3.9 ems
    expect(wrapLines('abcd efgh', 10, 40)).toEqual(['abcd', 'efgh']); // 2.4 + 0.3 + 2.4 = 5.1 ems
  });
  it('closes an isolate a break cuts at the end of its line and opens it again on the next', () => {
    // FSI (U+2068) and PDI (U+2069) weigh nothing: 'abcd efgh' breaks as above.
    expect(wrapLines('\u2068abcd efgh\u2069 ij', 10, 40)).toEqual(['\u2068abcd\u2069', '\u2068efgh\u2069 ij']);
  });
  it('breaks Chinese between any two characters, and cuts a word longer than a line', () => {
    expect(wrapLines('一二三四五', 10, 40)).toEqual(['一二三四', '五']);
    expect(wrapLines('abcdefghij', 10, 40)).toEqual(['abcdef', 'ghij']); // 6 x 0.6 = 3.6 ems fit, 7 do not
  });
});

describe('the preview of a report', () => {
  for (const locale of ['en', 'zh'] as const) {
    it(`holds the whole title (${locale}), wrapped, and the main chart`, () => {
      const chart = seedStripSvg(reference, locale, PREVIEW_CHART_WIDTH);
      const svg = reportPreviewSvg(reference, locale, (width, height) => seedStripSvg(reference, locale, width, height));
      // resvg knows no CSS variables: a colour given as one would not be drawn.
      expect(chart).toContain('var(--');
      expect(svg).not.toContain('var(--');
      const text = previewText(svg);
      const title = studyTitle(reference, locale).text;
      // Every line of the title, in order, is the title: nothing cut, nothing added.
      expect(text.bold.join(' ').replace(/\s+/g, '')).toBe(title.replace(/\s+/g, ''));
      expect(text.bold.every((line) => !line.endsWith('…'))).toBe(true);
      expect(text.charts).toBe(1);
    });
  }

  it('wraps a long title over lines instead of cutting it, and keeps the chart', () => {
    const title = 'A deliberately long title: does the learning rate warm-up change how much the seed moves accuracy on digits?';
    const doc = { ...reference, spec: { ...reference.spec, title } };
    const text = previewText(reportPreviewSvg(doc, 'en', (width, height) => seedStripSvg(doc, 'en', width, height)));
    expect(text.bold.length).toBeGreaterThan(1);
    // A user's title is isolated (FSI…PDI), on each line it is drawn on: each line is its own text.
    expect(text.bold.every((line) => line.startsWith('\u2068') && line.endsWith('\u2069'))).toBe(true);
    expect(text.bold.join(' ').replace(/[\u2068\u2069]/g, '')).toBe(title);
    expect(text.charts).toBe(1);
  });
});
