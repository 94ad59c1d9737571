import { LOCALE_TAGS, type Locale } from './locales.ts';

/** What a locale writes where a number is missing, and between the long items of a series. */
const LOCALE_MARKS: Record<Locale, { notAvailable: string; seriesSeparator: string; sentenceSeparator: string }> = {
  en: { notAvailable: 'n/a', seriesSeparator: '; ', sentenceSeparator: ' ' },
  zh: { notAvailable: '无', seriesSeparator: '；', sentenceSeparator: '' },
};

/**
 * Every number a reader sees is formatted here, per locale: proportions as percents, differences
 * of proportions in percentage points, learning rates to three significant digits, dates in UTC;
 * and every list is joined here, by Intl.ListFormat or the locale's series separator.
 */
function makeFormat(locale: Locale) {
  const tag = LOCALE_TAGS[locale].intl;
  const cache = new Map<string, Intl.NumberFormat>();
  const numberFormat = (key: string, options: Intl.NumberFormatOptions) => {
    const known = cache.get(key);
    if (known) return known;
    const made = new Intl.NumberFormat(tag, options);
    cache.set(key, made);
    return made;
  };
  const fixed = (digits: number) => numberFormat(`n${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const list = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' });
  const { notAvailable, seriesSeparator, sentenceSeparator } = LOCALE_MARKS[locale];
  // One minus sign everywhere, the one charts use (U+2212), not the hyphen Intl writes.
  const minus = (s: string) => s.replace(/-/g, '−');
  return {
    tag,
    notAvailable,
    /** A proportion as a percent: 0.9426 -> "94.3%". */
    pct: (x: number, digits = 1) =>
      minus(numberFormat(`p${digits}`, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x)),
    /** A proportion's difference or spread in percentage points, as a number: 0.0067 -> "0.67". */
    points: (x: number, digits = 2) => minus(fixed(digits).format(100 * x)),
    num: (x: number, digits = 4) => minus(fixed(digits).format(x)),
    int: (x: number) => minus(fixed(0).format(x)),
    /** A learning rate (or any positive scale) to three significant digits: 0.000812 -> "0.000812". */
    lr: (x: number) => minus(numberFormat('lr', { maximumSignificantDigits: 3, useGrouping: false }).format(x)),
    /** A measured value in its own units (a feature's range) to four significant digits: 1234.5678 -> "1,235". */
    value: (x: number, digits = 4) => minus(numberFormat(`v${digits}`, { maximumSignificantDigits: digits }).format(x)),
    /** A tiny magnitude: 1.79e-7 -> "1.79e-7". */
    sci: (x: number, digits = 2) => minus(x.toExponential(digits).replace('e+', 'e')),
    date: (iso: string) => date.format(new Date(iso)),
    /** "a, b, and c" ("a、b和c"). */
    list: (xs: readonly (string | number)[]) => list.format(xs.map(String)),
    /** Long items, each with commas of its own: "a; b; c" ("a；b；c"). */
    series: (xs: readonly string[]) => xs.join(seriesSeparator),
    /** Whole sentences one after another ("A. B."; "甲。乙。"). */
    sentences: (xs: readonly string[]) => xs.join(sentenceSeparator),
    /** Whole numbers written compactly, runs as ranges: [1, 2, 3, 7] -> "1–3 and 7". */
    ranges: (xs: readonly number[]) => {
      const sorted = [...new Set(xs)].sort((a, b) => a - b);
      const parts: string[] = [];
      for (let i = 0; i < sorted.length; ) {
        let j = i;
        while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
        // Three or more in a row make a range; one or two stay numbers.
        if (j - i >= 2) parts.push(`${sorted[i]}–${sorted[j]}`);
        else parts.push(...sorted.slice(i, j + 1).map(String));
        i = j + 1;
      }
      return list.format(parts);
    },
  };
}
export type Format = ReturnType<typeof makeFormat>;

const FORMATS = new Map<Locale, Format>();
/** The locale's formats (made once per locale: Intl formatters are costly to build). */
export function formatFor(locale: Locale): Format {
  let made = FORMATS.get(locale);
  if (!made) {
    made = makeFormat(locale);
    FORMATS.set(locale, made);
  }
  return made;
}
