import type { VarianceSourcesDocument } from '../../../../src/index.ts';

type Verdict = VarianceSourcesDocument['verdict'][number];

export const sourceOf = (doc: VarianceSourcesDocument, name: string) => doc.sources.find((s) => s.name === name);

/** The single sources this document measured (version-1 documents have no data source). */
export const singleSources = (doc: VarianceSourcesDocument) => doc.sources.flatMap((s) => (s.name === 'all' ? [] : [s.name]));

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
