import { z } from 'zod';
import { prepareData } from '../../data/prepareData.ts';
import type { PreparedData } from '../../data/table.ts';
import { regionMap, regionPoints } from '../../document/decisionRegions.ts';
import { ALL_DIVERGED, RunRecord } from '../../document/parts.ts';
import { rowOf } from '../../document/runRows.ts';
import { curveSpreadOf, distributionOf, keepsEveryRun, mostExtreme, nearestSeed } from '../../document/runSummaries.ts';
import { layerSizes, parameterCount } from '../../model/mlp.ts';
import { seedStreams } from '../../random/seedStreams.ts';
import { seedGroupWork } from '../../spec/budget.ts';
import { firstSeed, hasSeed, seedList } from '../../spec/seedSet.ts';
import { summarizeProportions } from '../../stats/summarize.ts';
import { seedScale } from '../../stats/tails.ts';
import { runSeeds } from '../runSeeds.ts';
import { chunk, type DocumentBody, defineStudyKind } from '../studyKind.ts';
import { SeedVarianceDocument, SeedVarianceDocumentV1, SeedVarianceDocumentV2, type SeedVarianceVerdict } from './document.ts';
import { readings, SeedVarianceDigest, seedVarianceDigest } from './readings.ts';
import { SeedVarianceSpec } from './spec.ts';
import { snapshotRecorder, stepByStepOf } from './stepByStep.ts';

const Unit = z.object({ purpose: z.enum(['main', 'repeat']), seeds: z.array(z.number().int()) });
type Unit = z.infer<typeof Unit>;

/** The seeds re-run to check repeatability: first, middle and last (all of them when fewer than 3). */
function repeatSeeds(seeds: number[]): number[] {
  return [...new Set([seeds[0], seeds[Math.floor((seeds.length - 1) / 2)], seeds[seeds.length - 1]])];
}

/** The verdict, decided from the measured body (combine and the migrations use it). */
function decide(body: Pick<SeedVarianceDocument, 'runs' | 'summary' | 'repeatability' | 'runCount'>): SeedVarianceVerdict[] {
  const { runs, summary, repeatability, runCount } = body;
  const finished = summary?.n ?? 0;
  const spread: SeedVarianceVerdict = {
    question: 'seed-moves-accuracy',
    outcome: spreadOutcome(summary, runCount),
    facts: { finished, diverged: runCount - finished },
  };
  const sameWeights: SeedVarianceVerdict = {
    question: 'same-seed-same-weights',
    outcome: repeatability.seeds.length ? { is: repeatability.identical ? 'yes' : 'no' } : { is: 'undecided', because: 'not-measured' },
    facts: { example: { seed: runs[0].seed, fingerprint: runs[0].fingerprint } },
  };
  // A study whose runs mostly failed to learn says so first: what it repeats bit for bit is failure.
  const failedFirst = spread.outcome.is === 'undecided' && ['mostly-failed', 'all-diverged'].includes(spread.outcome.because);
  return failedFirst ? [spread, sameWeights] : [sameWeights, spread];
}

/**
 * Whether the seed moves accuracy, honest at the extremes: no answer when every run failed to learn,
 * when more than half did (the few that learned are not the study's seeds), or when one run learned
 * (the spread of one value is undefined, not zero).
 */
function spreadOutcome(summary: SeedVarianceDocument['summary'], runCount: number): SeedVarianceVerdict['outcome'] {
  if (!summary) return ALL_DIVERGED;
  if (2 * (runCount - summary.n) > runCount) return { is: 'undecided', because: 'mostly-failed' };
  if (summary.n < 2) return { is: 'undecided', because: 'one-run' };
  return { is: summary.max > summary.min ? 'yes' : 'no' };
}

/** What the runs measure: the accuracy summary, distribution and scale answers, and the curves' median and bands (over runs that did not diverge). */
function measureRuns(runs: RunRecord[], epochs: number, threshold?: number) {
  const finished = runs.filter((r) => !r.diverged && r.testAccuracy !== null);
  const accuracies = finished.flatMap((r) => (r.testAccuracy === null ? [] : [{ seed: r.seed, value: r.testAccuracy }]));
  const summary = accuracies.length ? { ...summarizeProportions(accuracies), diverged: runs.length - accuracies.length } : null;
  const spread = curveSpreadOf(finished, epochs);
  const medianSeed = summary ? nearestSeed(new Map(accuracies.map((a) => [a.seed, a.value])), summary.median) : null;
  return {
    summary,
    distribution: distributionOf(accuracies.map((a) => a.value)),
    medianCurves: spread.median,
    curveBands: spread.bands,
    medianSeed,
    scale: seedScale(accuracies, threshold),
  };
}

/** The best, the median and the worst seed's maps of the plane (two-feature tables), each seed once, with its rows drawn again. */
function decisionRegionsOf(
  spec: SeedVarianceSpec,
  bySeed: Map<number, RunRecord>,
  summary: SeedVarianceDocument['summary'],
  medianSeed: number | null,
): Pick<SeedVarianceDocument, 'decisionRegions'> {
  if (!summary) return {};
  const roles = [
    { role: 'best' as const, seed: summary.best.seed },
    ...(medianSeed === null ? [] : [{ role: 'median' as const, seed: medianSeed }]),
    { role: 'worst' as const, seed: summary.worst.seed },
  ].filter((r, i, all) => all.findIndex((o) => o.seed === r.seed) === i);
  const maps = roles.flatMap(({ role, seed }) => {
    const run = bySeed.get(seed);
    if (!run?.regions || run.testAccuracy === null) return [];
    const points = regionPoints(prepareData(spec, seedStreams(seed, spec.pins)));
    return [{ role, seed, accuracy: run.testAccuracy, ...run.regions, points }];
  });
  return maps.length ? { decisionRegions: maps } : {};
}

/** The first seed's walk-through, with a sample of its training rows (`data` is that seed's). */
function stepByStepKept(run: RunRecord | undefined, data: PreparedData): Pick<SeedVarianceDocument, 'stepByStep'> {
  return run?.stepByStep ? { stepByStep: { seed: run.seed, ...run.stepByStep, points: regionPoints(data) } } : {};
}

/** seed-variance: groups of seeds, then the first, middle and last seeds again as a separate group. */
export const seedVariance = defineStudyKind({
  kind: 'seed-variance',
  specSchema: SeedVarianceSpec,
  documentSchema: SeedVarianceDocument,
  dataset: (spec) => spec.dataset,
  digest: { schema: SeedVarianceDigest, of: seedVarianceDigest },
  readings,

  training: {
    partSchema: z.object({ unit: Unit, result: z.array(RunRecord) }),
    unitWork: (spec, unit: Unit) => seedGroupWork(spec, spec.backend, unit.seeds.length, firstSeed(spec.seeds)),

    plan(spec, seedsPerUnit): Unit[] {
      return [
        ...chunk(seedList(spec.seeds), seedsPerUnit).map((seeds): Unit => ({ purpose: 'main', seeds })),
        // Chunked like the main units, so a re-run fits a unit's time limit too.
        ...chunk(repeatSeeds(seedList(spec.seeds)), seedsPerUnit).map((seeds): Unit => ({ purpose: 'repeat', seeds })),
      ];
    },

    async runUnit(spec, unit, context) {
      // The re-run is each seed's second run: with shuffled reductions it sums in another order.
      const instance = unit.purpose === 'repeat' ? 1 : 0;
      // The study's first seed, in its first run, is the one a report follows step by step.
      const walked = instance === 0 && unit.seeds.includes(firstSeed(spec.seeds)) ? firstSeed(spec.seeds) : null;
      const snapshots = snapshotRecorder(spec, unit.seeds, walked);
      const outcomes = await runSeeds(spec, unit.seeds, { onEpoch: context.onEpoch, instance, ...snapshots.options });
      // A first run on a two-feature table keeps its map of the plane: the report shows three of them.
      return Promise.all(
        outcomes.map(async (outcome) => {
          const { record, params, data } = outcome;
          const regions = instance
            ? null
            : regionMap(params, layerSizes(data.features, spec.model, data.classes), spec.model.activation, data);
          const stepByStep = record.seed === walked ? await stepByStepOf(spec, outcome, snapshots.params) : null;
          return { ...record, ...(regions && { regions }), ...(stepByStep && { stepByStep }) };
        }),
      );
    },

    /** `rerun`: the seed's second run, the repeatability check (false for every seed's first run). */
    runRows: { columns: ['rerun'], rows: (_spec, unit, result) => result.map((r) => rowOf(r, { rerun: unit.purpose === 'repeat' })) },
  },
  async combine(spec, parts): Promise<DocumentBody<SeedVarianceDocument>> {
    const pick = (purpose: Unit['purpose']) => parts.flatMap((p) => (p.unit.purpose === purpose ? p.result : []));
    const allRuns = [...pick('main')].sort((a, b) => a.seed - b.seed);
    if (!allRuns.length) throw new Error('seed-variance: no main unit finished');
    if (allRuns.some((r) => !hasSeed(spec.seeds, r.seed))) throw new Error('seed-variance: a run of a seed the spec does not have');
    const bySeed = new Map(allRuns.map((r) => [r.seed, r]));
    // A re-run is compared with its seed's first run; in a partial study that run may be missing.
    const repeat = pick('repeat').filter((r) => bySeed.has(r.seed));
    const mismatches = repeat
      .filter((r) => bySeed.get(r.seed)?.fingerprint !== r.fingerprint)
      .map((r) => ({ seed: r.seed, first: bySeed.get(r.seed)?.fingerprint ?? '', second: r.fingerprint }));
    const repeatability = { seeds: repeat.map((r) => r.seed), identical: repeat.length > 0 && mismatches.length === 0, mismatches };

    const measured = measureRuns(allRuns, spec.training.epochs, spec.threshold);
    const summary = measured.summary && { ...measured.summary, outliers: mostExtreme(measured.summary.outliers, measured.summary.median) };
    // Past RUNS_KEPT the document names a few runs (the rest: GET /api/studies/<id>/runs).
    const named = new Set([
      allRuns[0].seed,
      ...(summary ? [summary.best.seed, summary.worst.seed, ...summary.outliers.map((o) => o.seed)] : []),
      ...(measured.medianSeed === null ? [] : [measured.medianSeed]),
      ...repeatability.seeds,
    ]);
    const everyRun = keepsEveryRun(allRuns.length, spec.training.epochs);
    const runs = (everyRun ? allRuns : allRuns.filter((r) => named.has(r.seed))).map(
      ({ regions: _regions, stepByStep: _stepByStep, ...r }) => r,
    );
    // Shapes come from the data itself (cheap: no training).
    const data = prepareData(spec, seedStreams(firstSeed(spec.seeds), spec.pins));
    const sizes = layerSizes(data.features, spec.model, data.classes);
    return {
      verdict: decide({ runs, summary, repeatability, runCount: allRuns.length }),
      model: { layerSizes: sizes, parameters: parameterCount(sizes) },
      data: { trainRows: data.trainY.length, testRows: data.testY.length, features: data.features, classes: data.classes },
      runs,
      runCount: allRuns.length,
      runsInDocument: everyRun ? 'all' : 'named',
      medianCurves: measured.medianCurves,
      curveBands: measured.curveBands,
      metric: 'testAccuracy',
      summary,
      distribution: measured.distribution,
      medianSeed: measured.medianSeed,
      outlierCount: measured.summary?.outliers.length ?? 0,
      scale: measured.scale,
      repeatability,
      ...decisionRegionsOf(spec, bySeed, summary, measured.medianSeed),
      ...stepByStepKept(bySeed.get(firstSeed(spec.seeds)), data),
    };
  },

  migrations: {
    /** Version 1 to 2: the numbers kept, the verdict decided as combine decides it (the English answers and the title dropped). */
    1(stored) {
      const { title: _title, answers: _answers, documentVersion: _v, ...body } = SeedVarianceDocumentV1.parse(stored);
      return { ...body, verdict: decide({ ...body, runCount: body.runs.length }) };
    },
    /** Version 2 to 3: every run stays in the document; its summaries are computed from them. */
    2(stored): DocumentBody<SeedVarianceDocument> {
      const { spec, ...body } = SeedVarianceDocumentV2.parse(stored);
      const measured = measureRuns(body.runs, spec.training.epochs, spec.threshold);
      return {
        ...body,
        runCount: body.runs.length,
        runsInDocument: 'all',
        curveBands: measured.curveBands,
        distribution: measured.distribution,
        medianSeed: measured.medianSeed,
        outlierCount: body.summary?.outliers.length ?? 0,
        scale: measured.scale,
      };
    },
  },
});
