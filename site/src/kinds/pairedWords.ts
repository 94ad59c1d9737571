import { formatFor } from '../i18n/format.ts';
import { t } from '../i18n/index.ts';
import type { Locale } from '../i18n/locales.ts';

interface PairedComparison {
  against: string;
  meanDiff: number;
  interval: [number, number] | null;
}

/** Paired comparisons (src/stats/paired.ts) in words: an interval in points, and how it was made. */
export function pairedWords(locale: Locale) {
  const f = formatFor(locale);
  const words = t(locale).words;
  const interval = (ci: [number, number] | null) => (ci ? words.pairedInterval(f.points(ci[0]), f.points(ci[1])) : words.noPairedInterval);
  return {
    interval,
    method: (level: number) => words.pairedMethod(f.pct(level, 2)),
    /** Each comparison as "<what> <mean difference> points [lo, hi]", in a list. */
    differences: (comparisons: PairedComparison[], what: (c: PairedComparison) => string) =>
      comparisons.map((c) => `${what(c)} ${words.points(f.points(c.meanDiff))} ${interval(c.interval)}`).join(words.listSeparator),
  };
}
