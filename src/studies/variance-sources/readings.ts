import { z } from 'zod';
import type { VarianceSourcesDocument } from './document.ts';
import { VARIANCE_SOURCES } from './spec.ts';

type Verdict = VarianceSourcesDocument['verdict'][number];
type Source = (typeof VARIANCE_SOURCES)[number];

const sourceOf = (doc: VarianceSourcesDocument, name: string) => doc.sources.find((s) => s.name === name);

/** The single sources this document measured (version-1 documents have no data source). */
const singleSources = (doc: VarianceSourcesDocument) => doc.sources.flatMap((s) => (s.name === 'all' ? [] : [s.name]));

/** Sources that can vary in this spec, and those that cannot (bundled data, a fixed split, no dropout), each in the given order. */
function byUse<S extends string>(doc: VarianceSourcesDocument, names: readonly S[]) {
  const fixed = (n: S) => sourceOf(doc, n)?.unusedBecause != null;
  return { varied: names.filter((n) => !fixed(n)), fixed: names.filter(fixed) };
}

/**
 * The add-up facts as standard deviations: what "all" would be if the sources added, what it is,
 * the variance ratio, and which way it misses 1 when it does: the sources spread accuracy more
 * together than apart (they interact) or less (their effects overlap).
 */
function addUpReading(facts: Extract<Verdict, { question: 'sources-add-up' }>['facts']) {
  const all = facts.allVariance ?? 0;
  return {
    expectedStd: Math.sqrt(facts.sumOfSingleVariances),
    allStd: Math.sqrt(all),
    ratio: facts.sumOfSingleVariances > 0 ? all / facts.sumOfSingleVariances : 0,
    direction: (facts.ratioInterval?.[0] ?? 0) > 1 ? ('more' as const) : ('less' as const),
  };
}

export const VarianceSourcesDigest = z.object({
  runs: z.number().int(),
  /** Runs that failed to learn, over every source, and how many runs there were (absent in listings written before engine 0.6.0). */
  failed: z.object({ runs: z.number().int(), of: z.number().int() }).optional(),
  allStd: z.number().nullable(),
  largest: z.object({
    outcome: z.enum(['winner', 'tied', 'undecided']),
    leader: z.enum(VARIANCE_SOURCES).nullable(),
    tiedWith: z.array(z.enum(VARIANCE_SOURCES)),
    /** The leader's standard deviation, which the headline gives as the big answer does (absent in listings written before it). */
    leaderStd: z.number().nullable().optional(),
  }),
});
export type VarianceSourcesDigest = z.infer<typeof VarianceSourcesDigest>;

export function varianceSourcesDigest(doc: VarianceSourcesDocument): VarianceSourcesDigest {
  const largest = doc.verdict.find((v) => v.question === 'largest-source');
  const none = { outcome: 'undecided' as const, leader: null, tiedWith: [] as Source[] };
  const of = doc.sources.reduce((n, s) => n + s.runCount, 0);
  return {
    runs: doc.spec.runs,
    failed: { runs: of - doc.sources.reduce((n, s) => n + (s.distribution?.n ?? 0), 0), of },
    allStd: sourceOf(doc, 'all')?.std ?? null,
    largest:
      largest?.question === 'largest-source'
        ? {
            outcome: largest.outcome.is,
            leader: largest.facts.leader,
            tiedWith: largest.facts.tiedWith,
            leaderStd: largest.facts.leader === null ? null : (sourceOf(doc, largest.facts.leader)?.std ?? null),
          }
        : none,
  };
}

/** What this kind's sentences read off its documents (the kind module's `readings`). */
/** Whether the backends gave the same weights (every seed) and the same accuracy (every seed), bit for bit. */
const backendsAgree = (doc: VarianceSourcesDocument) => ({
  sameWeights: doc.implementation.maxAbsWeightDiff === 0,
  sameAccuracy: doc.implementation.maxAbsAccuracyDiff === 0,
});

export const readings = { sourceOf, singleSources, byUse, addUpReading, backendsAgree };
