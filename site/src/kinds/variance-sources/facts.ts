import type { VarianceSourcesDocument } from '../../../../src/index.ts';
import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import type { Locale } from '../../i18n/locales.ts';

type Verdict = VarianceSourcesDocument['verdict'][number];

export const sourceOf = (doc: VarianceSourcesDocument, name: string) => doc.sources.find((s) => s.name === name);

/** The single sources this document measured (version-1 documents have no data source). */
export const singleSources = (doc: VarianceSourcesDocument) => doc.sources.flatMap((s) => (s.name === 'all' ? [] : [s.name]));

/** Sources that can vary in this spec, and those that cannot (bundled data, a fixed split, no dropout). */
export function byUse<S extends string>(doc: VarianceSourcesDocument, names: S[]) {
  const fixed = (n: S) => sourceOf(doc, n)?.unusedBecause != null;
  return { varied: names.filter((n) => !fixed(n)), fixed: names.filter(fixed) };
}

/** The add-up facts as standard deviations: what "all" would be if the sources added, and what it is. */
export function addUpFacts(facts: Extract<Verdict, { question: 'sources-add-up' }>['facts']) {
  const all = facts.allVariance ?? 0;
  return {
    expectedStd: Math.sqrt(facts.sumOfSingleVariances),
    allStd: Math.sqrt(all),
    ratio: facts.sumOfSingleVariances > 0 ? all / facts.sumOfSingleVariances : 0,
    above: (facts.ratioInterval?.[0] ?? 0) > 1,
  };
}

/** Spreads in words, per locale: points, intervals, and a source's std with its chi-square interval. */
export function spreadWords(locale: Locale) {
  const f = formatFor(locale);
  const words = t(locale).words;
  const points = (x: number | null) => (x === null ? words.notAvailable : words.points(f.points(x)));
  const interval = (ci: [number, number] | null, format: (x: number) => string) => (ci ? ` [${format(ci[0])}, ${format(ci[1])}]` : '');
  return {
    points,
    interval,
    pctInterval: (ci: [number, number] | null) => interval(ci, (x) => f.pct(x)),
    spread(doc: VarianceSourcesDocument, source: string) {
      const s = sourceOf(doc, source);
      return `${points(s?.std ?? null)}${interval(s?.stdInterval ?? null, (x) => f.points(x))}`;
    },
  };
}
