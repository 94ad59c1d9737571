import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { badgeOf, headlineOf, verdictOf } from '../site/src/presentation/index.ts';
import { parseStoredDocument } from '../src/index.ts';

// One number wherever a study is shown: the report's big answers, the index line and the card (both
// the headline) and the badge. A reader who saw "std 2.86 points" on a badge must not find "5.3
// points" as the report's big answer to the same question. Over every preset's measured document.
const PRESETS = readdirSync('bench/presets').filter((f) => f.endsWith('.json') && f !== 'timings.json');

/** The numbers a text shows, as written (signs and units aside): "−8.11 points [−22.59, 6.37]" → 8.11, 22.59, 6.37. */
const numbersIn = (text: string) => new Set([...text.replace(/(\d),(?=\d{3}\b)/g, '$1').matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]));

describe('the numbers a study headlines', () => {
  it('reads every preset document (the list below is not empty)', () => {
    expect(PRESETS.length).toBeGreaterThanOrEqual(10);
  });
  for (const file of PRESETS)
    for (const locale of ['en', 'zh'] as const)
      it(`${file} (${locale}): the badge's numbers are the headline's, and each big answer's number is one of them`, () => {
        const parsed = parseStoredDocument(JSON.parse(readFileSync(`bench/presets/${file}`, 'utf8')));
        if (!parsed.success) throw new Error(parsed.error);
        const doc = parsed.data;
        const headline = headlineOf(doc, locale);
        const shown = numbersIn(headline);
        const missing = (text: string) => [...numbersIn(text)].filter((n) => !shown.has(n));
        expect(missing(badgeOf(doc, locale).value), `badge vs “${headline}”`).toEqual([]);
        // A big answer with a number gives one the headline gives (the determinism audit's answer
        // counts each comparison, which its headline sums up as "deterministic 0/5").
        for (const v of verdictOf(doc, locale)) {
          const own = numbersIn(v.short);
          if (own.size) expect(missing(v.short).length, `“${v.short}” vs “${headline}”`).toBeLessThan(own.size);
        }
      });
});
