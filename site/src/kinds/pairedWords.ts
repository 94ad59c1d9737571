import { formatFor } from '../i18n/format.ts';
import { t } from '../i18n/index.ts';
import type { Locale } from '../i18n/locales.ts';

/** Paired comparisons (src/stats/paired.ts) in words: an interval in points, and how it was made. */
export function pairedWords(locale: Locale) {
  const f = formatFor(locale);
  const words = t(locale).words;
  return {
    interval: (ci: [number, number] | null) => (ci ? words.pairedInterval(f.points(ci[0]), f.points(ci[1])) : words.noPairedInterval),
    method: (level: number) => words.pairedMethod(f.pct(level, 2)),
  };
}
