import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { armsSvg, differenceSvg } from '../site/src/kinds/compare/charts.ts';
import { scheduleAccuracySvg, scheduleCurvesSvg, scheduleLrSvg } from '../site/src/kinds/lr-schedule/charts.ts';
import { badgeOf, headlineOf, type Locale, methodOf, questionOf, studyTitle, verdictOf } from '../site/src/presentation/index.ts';
import { PREVIEW_CHART_WIDTH, reportPreviewSvg } from '../site/src/share/previewSvg.ts';
import { parseStoredDocument, type StudyDocument } from '../src/index.ts';

// A user's text is isolated on every surface that draws it (sentences, charts, the preview), so a
// right-to-left label cannot move the numbers beside it, and a control left open in a label stored
// before the input rule cannot reverse what follows ("Tied" drawn as "deiT"). Two stored documents
// (bench/presets) are relabelled: one name in Hebrew, one ending in U+202E (RLO, never closed).
const FSI = '\u2068';
const PDI = '\u2069';
const HEBREW = 'שלום';
const OPEN_RLO = 'Bravo\u202E';

/** A stored document with some names replaced wherever the document holds them (not schedule types). */
function relabelled(file: string, names: Record<string, string>): StudyDocument {
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return key !== 'type' && value in names ? names[value] : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  const parsed = parseStoredDocument(walk(JSON.parse(readFileSync(file, 'utf8')), ''));
  if (!parsed.success) throw new Error(parsed.error);
  return parsed.data;
}

/** Every text a report draws of a document, in a locale: its sentences, charts and preview. */
function surfaces(doc: StudyDocument, locale: Locale): Record<string, string> {
  // The kinds' main charts (their views' mainChart; views.ts itself reaches .astro files, which Node cannot load).
  const draw = (width: number, height?: number) =>
    doc.kind === 'compare'
      ? armsSvg(doc, locale, width, height)
      : doc.kind === 'lr-schedule'
        ? scheduleAccuracySvg(doc, locale, width, height)
        : '';
  const chart = draw(PREVIEW_CHART_WIDTH);
  const out: Record<string, string> = {
    question: questionOf(doc, locale),
    title: studyTitle(doc, locale).text,
    headline: headlineOf(doc, locale),
    badge: badgeOf(doc, locale).value,
    method: methodOf(doc, locale).join('\n'),
    mainChart: chart,
    preview: reportPreviewSvg(doc, locale, draw),
  };
  for (const [i, v] of verdictOf(doc, locale).entries()) Object.assign(out, { [`verdict${i}`]: `${v.question}\n${v.short}\n${v.answer}` });
  if (doc.kind === 'compare') out.differenceChart = differenceSvg(doc, locale);
  if (doc.kind === 'lr-schedule') {
    out.lrChart = scheduleLrSvg(doc, locale);
    out.curvesChart = scheduleCurvesSvg(doc, locale);
  }
  return out;
}

/** Where `name` stands in `text` without FSI right before it and PDI right after it. */
const bareUses = (text: string, name: string) =>
  [...text.matchAll(new RegExp(name, 'g'))].filter((m) => text[m.index - 1] !== FSI || text[m.index + name.length] !== PDI).length;

const cases: { file: string; names: Record<string, string> }[] = [
  {
    file: 'bench/presets/digits-adam-vs-sgd.json',
    names: { 'Adam 0.001': HEBREW, 'SGD 0.05, momentum 0.9': OPEN_RLO },
  },
  {
    file: 'bench/presets/digits-lr-schedules.json',
    // one-cycle leads the stored verdict, tied with triangular among others: both are named in its sentences.
    names: { 'one-cycle': HEBREW, triangular: OPEN_RLO },
  },
];

describe('a user’s text is isolated on every surface', () => {
  for (const { file, names } of cases) {
    const doc = relabelled(file, names);
    for (const locale of ['en', 'zh'] as const) {
      it(`${doc.kind}, ${locale}: each use of a label is wrapped in FSI…PDI, and the open RLO is gone`, () => {
        const drawn = surfaces(doc, locale);
        let uses = 0;
        for (const [surface, text] of Object.entries(drawn)) {
          expect(bareUses(text, HEBREW), `${surface}: ${text.slice(0, 200)}`).toBe(0);
          expect(bareUses(text, 'Bravo'), `${surface}: ${text.slice(0, 200)}`).toBe(0);
          expect(text.includes('\u202E'), surface).toBe(false);
          uses += text.split(HEBREW).length - 1 + text.split('Bravo').length - 1;
        }
        // The labels are drawn (the check above is not vacuous): in sentences, charts and the preview.
        expect(uses).toBeGreaterThan(10);
        for (const surface of ['headline', 'verdict0', 'method', 'mainChart', 'preview']) {
          expect(drawn[surface], surface).toMatch(new RegExp(`${FSI}(${HEBREW}|Bravo)${PDI}`));
        }
      });
    }
  }
});
