import { z } from 'zod';
import { prepareData } from '../../data/prepareData.ts';
import { SeedResult } from '../../document/parts.ts';
import { type RunRow, rowOf } from '../../document/runRows.ts';
import { distributionOf, keepsEveryRun, nearestSeed } from '../../document/runSummaries.ts';
import { maxAbsDifference } from '../../fingerprint/fingerprintWeights.ts';
import { STREAM_NAMES, type StreamPins, seedStreams } from '../../random/seedStreams.ts';
import { seedGroupWork } from '../../spec/budget.ts';
import type { BackendName } from '../../spec/setup.ts';
import { addWork } from '../../spec/timeModel.ts';
import { bonferroniLevel } from '../../stats/paired.ts';
import { binomialStandardError, stdInterval, varianceRatioInterval, varianceShareIntervals } from '../../stats/spread.ts';
import { mean, sampleStd } from '../../stats/summarize.ts';
import { accuracyBySeed, runSeeds, seedResult } from '../runSeeds.ts';
import { chunk, type DocumentBody, defineStudyKind } from '../studyKind.ts';
import {
  SOURCE_NAMES,
  type UNUSED_REASONS,
  VarianceSourcesDocument,
  VarianceSourcesDocumentV1,
  VarianceSourcesDocumentV2,
  type VarianceSourcesVerdict,
} from './document.ts';
import { readings, VarianceSourcesDigest, varianceSourcesDigest } from './readings.ts';
import { VarianceSourcesSpec } from './spec.ts';

type Source = (typeof SOURCE_NAMES)[number];
type UnusedReason = (typeof UNUSED_REASONS)[number];

/** Every stream pinned to baseSeed except the one under study ("all": nothing pinned). */
function pinsFor(source: Source, baseSeed: number): StreamPins {
  if (source === 'all') return {};
  return Object.fromEntries(STREAM_NAMES.filter((n) => n !== source).map((n) => [n, baseSeed]));
}

const ImplementationRow = z.object({
  seed: z.number().int(),
  cpu: z.string(),
  wasm: z.string(),
  maxAbsWeightDiff: z.number(),
  cpuAccuracy: z.number().nullable(),
  wasmAccuracy: z.number().nullable(),
});
const SourceUnit = z.object({ purpose: z.literal('source'), source: z.enum(SOURCE_NAMES), seeds: z.array(z.number().int()) });
const ImplementationUnit = z.object({ purpose: z.literal('implementation'), seeds: z.array(z.number().int()) });
const SourcePart = z.object({ unit: SourceUnit, result: z.array(SeedResult) });
const ImplementationPart = z.object({ unit: ImplementationUnit, result: z.array(ImplementationRow) });
type Unit = z.infer<typeof SourceUnit> | z.infer<typeof ImplementationUnit>;
type Part = z.infer<typeof SourcePart> | z.infer<typeof ImplementationPart>;
const isSourcePart = (p: Part): p is z.infer<typeof SourcePart> => p.unit.purpose === 'source';
const isImplementationPart = (p: Part): p is z.infer<typeof ImplementationPart> => p.unit.purpose === 'implementation';

/** Why a source has nothing to vary in this spec. */
function unusedBecause(spec: VarianceSourcesSpec, name: Source): UnusedReason | null {
  if (name === 'data' && !('samples' in spec.dataset)) return 'bundled-data';
  if (name === 'split' && spec.split.kind === 'index-mod') return 'fixed-split';
  if (name === 'dropout' && spec.model.dropout === 0) return 'no-dropout';
  return null;
}

const finishedAccuracies = (runs: SeedResult[]) => runs.flatMap((r) => (!r.diverged && r.testAccuracy !== null ? [r.testAccuracy] : []));

/** Each source's spread with its intervals, from its runs (combine and the version-1 migration both use it). */
function measureSources(spec: VarianceSourcesSpec, runsBySource: { name: Source; runs: SeedResult[] }[]) {
  const measured = runsBySource.map(({ name, runs }) => {
    const accs = finishedAccuracies(runs);
    const std = accs.length > 1 ? sampleStd(accs) : null;
    return {
      name,
      accs,
      runs,
      mean: accs.length ? mean(accs) : null,
      std,
      stdInterval: std === null ? null : stdInterval(std, accs.length),
    };
  });
  // Shares of the summed single-source variance; "all" is measured against the same sum.
  const total = measured.reduce((sum, s) => sum + (s.name === 'all' ? 0 : (s.std ?? 0) ** 2), 0);
  const intervals = varianceShareIntervals(measured.map((s) => ({ values: s.accs, summed: s.name !== 'all' })));
  return measured.map(({ name, mean, std, stdInterval, runs }, k) => ({
    name,
    mean,
    std,
    stdInterval,
    share: total > 0 && std !== null ? std ** 2 / total : null,
    shareInterval: total > 0 ? intervals[k] : null,
    ...runsKept(runs),
    unusedBecause: unusedBecause(spec, name),
  }));
}

/** A source's runs as the document keeps them: all, or past RUNS_KEPT the lowest, median and highest; with their count and distribution. */
function runsKept(runs: SeedResult[]) {
  const bySeed = accuracyBySeed(runs);
  const distribution = distributionOf([...bySeed.values()]);
  const everyRun = keepsEveryRun(runs.length);
  const ends = [...bySeed].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const named = new Set([ends[0]?.[0], ends[ends.length - 1]?.[0], distribution ? nearestSeed(bySeed, distribution.quantiles.p50) : null]);
  return {
    runs: everyRun ? runs : runs.filter((r) => named.has(r.seed)),
    runCount: runs.length,
    runsInDocument: everyRun ? ('all' as const) : ('named' as const),
    distribution,
  };
}

/** The binomial standard error of one test accuracy at the mean accuracy of "all". */
function testSampling(spec: VarianceSourcesSpec, sources: { name: Source; mean: number | null }[]) {
  const testRows = prepareData(spec, seedStreams(spec.baseSeed, spec.pins)).testY.length;
  const accuracy = sources.find((s) => s.name === 'all')?.mean ?? null;
  return { testRows, accuracy, standardError: accuracy === null ? null : binomialStandardError(accuracy, testRows) };
}

type Measured = VarianceSourcesDocument['sources'][number];

/**
 * More than half of the study's runs (over every source) failed to learn: the few that learned do
 * not stand for its seeds, so no source is named and the spreads are not summed.
 */
function mostlyFailed(sources: Measured[]): boolean {
  const runs = sources.reduce((n, s) => n + s.runCount, 0);
  const learned = sources.reduce((n, s) => n + (s.distribution?.n ?? 0), 0);
  return 2 * (runs - learned) > runs;
}

/** The largest single source, compared with every other by the F interval of their variances. */
function largestSource(sources: Measured[]): Extract<VarianceSourcesVerdict, { question: 'largest-source' }> {
  if (mostlyFailed(sources))
    return {
      question: 'largest-source',
      outcome: { is: 'undecided', because: 'mostly-failed' },
      facts: { ranking: [], leader: null, tiedWith: [], comparisons: [], level: 0.95 },
    };
  // A stable sort: equal standard deviations keep the order of VARIANCE_SOURCES.
  const singles = sources.flatMap((s) =>
    s.name === 'all' || s.std === null ? [] : [{ name: s.name, variance: s.std ** 2, n: s.distribution?.n ?? 0 }],
  );
  const ranked = [...singles].sort((a, b) => b.variance - a.variance);
  const [leader, ...others] = ranked;
  const level = bonferroniLevel(others.length);
  const comparisons = others.map((o) => ({
    against: o.name,
    ratio: o.variance > 0 ? leader.variance / o.variance : null,
    interval: varianceRatioInterval(leader.variance, leader.n, o.variance, o.n, level),
    // A source with no spread at all is beaten by any that has some.
    beaten:
      o.variance === 0 ? leader.variance > 0 : (varianceRatioInterval(leader.variance, leader.n, o.variance, o.n, level)?.[0] ?? 0) > 1,
  }));
  const tiedWith = comparisons.filter((c) => !c.beaten).map((c) => c.against);
  return {
    question: 'largest-source',
    outcome: !leader ? { is: 'undecided', because: 'all-diverged' } : tiedWith.length ? { is: 'tied' } : { is: 'winner', who: leader.name },
    facts: {
      ranking: ranked.map((s) => s.name),
      leader: leader?.name ?? null,
      tiedWith,
      comparisons: comparisons.map(({ beaten: _b, ...c }) => c),
      level,
    },
  };
}

/** The verdict, decided from the measured body (combine and the version-1 migration both use it). */
function decide(body: Pick<VarianceSourcesDocument, 'sources' | 'implementation'>): VarianceSourcesVerdict[] {
  const all = body.sources.find((s) => s.name === 'all');
  const sumOfSingleVariances = body.sources.reduce((sum, s) => sum + (s.name === 'all' ? 0 : (s.std ?? 0) ** 2), 0);
  const ratioInterval = all?.shareInterval ?? null;
  const im = body.implementation;
  return [
    largestSource(body.sources),
    {
      question: 'sources-add-up',
      outcome:
        ratioInterval === null
          ? { is: 'undecided', because: all?.std === null ? 'all-diverged' : 'not-measured' }
          : mostlyFailed(body.sources)
            ? { is: 'undecided', because: 'mostly-failed' }
            : { is: ratioInterval[0] <= 1 && 1 <= ratioInterval[1] ? 'yes' : 'no' },
      facts: { sumOfSingleVariances, allVariance: all?.std == null ? null : all.std ** 2, ratioInterval },
    },
    {
      question: 'backends-agree',
      outcome: !im.perSeed.length
        ? { is: 'undecided', because: 'not-measured' }
        : { is: im.identicalFingerprints === im.perSeed.length ? 'yes' : 'no' },
      facts: { identical: im.identicalFingerprints, seeds: im.perSeed.length },
    },
  ];
}

export const varianceSources = defineStudyKind({
  kind: 'variance-sources',
  specSchema: VarianceSourcesSpec,
  documentSchema: VarianceSourcesDocument,
  dataset: (spec) => spec.dataset,
  digest: { schema: VarianceSourcesDigest, of: varianceSourcesDigest },
  readings,

  training: {
    partSchema: z.union([SourcePart, ImplementationPart]),
    unitWork(spec, unit: Unit) {
      const group = (backend: BackendName) => seedGroupWork(spec, backend, unit.seeds.length, spec.baseSeed);
      // The cpu-against-wasm unit trains its seeds on both backends.
      return unit.purpose === 'implementation' ? addWork(group('cpu'), group('wasm')) : group(spec.backend);
    },

    plan(spec, seedsPerUnit): Unit[] {
      const seeds = Array.from({ length: spec.runs }, (_, i) => i + 1);
      const units: Unit[] = SOURCE_NAMES.flatMap((source) =>
        chunk(seeds, seedsPerUnit).map((group): Unit => ({ purpose: 'source', source, seeds: group })),
      );
      const implementationSeeds = Array.from({ length: spec.implementationSeeds }, (_, i) => i + 1);
      for (const seeds of chunk(implementationSeeds, seedsPerUnit)) units.push({ purpose: 'implementation', seeds });
      return units;
    },

    async runUnit(spec, unit, context) {
      if (unit.purpose === 'source') {
        const outcomes = await runSeeds({ ...spec, pins: pinsFor(unit.source, spec.baseSeed) }, unit.seeds, { onEpoch: context.onEpoch });
        return outcomes.map((o) => seedResult(o.record));
      }
      // The same seeds on both backends: real implementation-level variance.
      const { switchBackend } = context;
      if (!switchBackend) throw new Error('the implementation comparison needs a host that can switch backends');
      const byBackend: Partial<Record<BackendName, Awaited<ReturnType<typeof runSeeds>>>> = {};
      for (const backend of ['cpu', 'wasm'] as const) {
        await switchBackend(backend);
        byBackend[backend] = await runSeeds(spec, unit.seeds, { onEpoch: context.onEpoch });
      }
      await switchBackend(spec.backend);
      const { cpu = [], wasm = [] } = byBackend;
      return unit.seeds.map((seed, s) => ({
        seed,
        cpu: cpu[s].record.fingerprint,
        wasm: wasm[s].record.fingerprint,
        maxAbsWeightDiff: maxAbsDifference(cpu[s].params, wasm[s].params),
        cpuAccuracy: cpu[s].record.testAccuracy,
        wasmAccuracy: wasm[s].record.testAccuracy,
      }));
    },

    /** `source`: the stream varied (the others pinned to baseSeed); the cpu-against-wasm seeds are two rows each, source "implementation". */
    runRows: {
      columns: ['source', 'backend'],
      rows(spec, unit, result) {
        if (unit.purpose === 'source')
          return (result as z.infer<typeof SourcePart>['result']).map((r) => rowOf(r, { source: unit.source, backend: spec.backend }));
        // This unit keeps each backend's fingerprint and accuracy, not its loss or whether it diverged.
        return (result as z.infer<typeof ImplementationPart>['result']).flatMap((r) =>
          (['cpu', 'wasm'] as const).map(
            (backend): RunRow => ({
              seed: r.seed,
              groups: { source: 'implementation', backend },
              testAccuracy: r[`${backend}Accuracy`],
              testLoss: null,
              fingerprint: r[backend],
              diverged: null,
              divergedAtEpoch: null,
            }),
          ),
        );
      },
    },
  },
  async combine(spec, parts): Promise<DocumentBody<VarianceSourcesDocument>> {
    const sourceParts = parts.filter(isSourcePart);
    const sources = measureSources(
      spec,
      SOURCE_NAMES.map((name) => ({
        name,
        runs: sourceParts.flatMap((p) => (p.unit.source === name ? p.result : [])).sort((a, b) => a.seed - b.seed),
      })),
    );
    // In a partial study the cpu-against-wasm unit may have failed: no rows, and the question is not measured.
    const rows = parts
      .filter(isImplementationPart)
      .flatMap((p) => p.result)
      .sort((a, b) => a.seed - b.seed);
    const implementation = {
      seeds: rows.map((r) => r.seed),
      identicalFingerprints: rows.filter((r) => r.cpu === r.wasm).length,
      maxAbsWeightDiff: Math.max(0, ...rows.map((r) => r.maxAbsWeightDiff)),
      maxAbsAccuracyDiff: Math.max(0, ...rows.map((r) => Math.abs((r.cpuAccuracy ?? 0) - (r.wasmAccuracy ?? 0)))),
      perSeed: rows,
    };
    return {
      verdict: decide({ sources, implementation }),
      sources,
      testSampling: testSampling(spec, sources),
      implementation,
    };
  },

  migrations: {
    /** Version 1 to 2: the numbers kept, the verdict decided as combine decides it (the English answers and the title dropped). */
    1(stored): DocumentBody<VarianceSourcesDocument> {
      const { title: _t, verdict: _v, documentVersion: _d, sources: v1Sources, ...body } = VarianceSourcesDocumentV1.parse(stored);
      // Version 1 measured four sources (no data source); the intervals are computed from its runs.
      const sources = measureSources(body.spec, v1Sources);
      return {
        ...body,
        sources,
        testSampling: testSampling(body.spec, sources),

        verdict: decide({ sources, implementation: body.implementation }),
      };
    },
    /** Version 2 to 3: every run stays in the document; each source gains its count and distribution. */
    2(stored): DocumentBody<VarianceSourcesDocument> {
      const { spec: _spec, ...v2 } = VarianceSourcesDocumentV2.parse(stored);
      return { ...v2, sources: v2.sources.map((s) => ({ ...s, ...runsKept(s.runs) })) };
    },
  },
});
