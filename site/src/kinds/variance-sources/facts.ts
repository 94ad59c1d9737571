import type { VarianceSourcesDocument } from '../../../../src/index.ts';

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
