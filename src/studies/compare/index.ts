import { z } from 'zod';
import { RunResult, type SeedResult } from '../../document/parts.ts';
import { rowOf } from '../../document/runRows.ts';
import { distributionOf, keepsEveryRun, mostExtreme, nearestSeed } from '../../document/runSummaries.ts';
import { seedGroupWork } from '../../spec/budget.ts';
import { firstSeed, seedList } from '../../spec/seedSet.ts';
import { probabilityOfSuperiority } from '../../stats/fewRuns.ts';
import { pairedDifference, pairedSeedsNeeded } from '../../stats/paired.ts';
import { accuracyBySeed, runResult, runSeeds, summarizeRuns } from '../runSeeds.ts';
import { chunk, type DocumentBody, defineStudyKind } from '../studyKind.ts';
import { CompareDocument, CompareDocumentV1, CompareDocumentV2, type CompareVerdict } from './document.ts';
import { CompareDigest, compareDigest, readings } from './readings.ts';
import { CompareSpec } from './spec.ts';

const Unit = z.object({ purpose: z.literal('arm'), arm: z.enum(['a', 'b']), seeds: z.array(z.number().int()) });
type Unit = z.infer<typeof Unit>;

type Arm = CompareDocument['arms'][number];

/** An arm as the document holds it: its summary and distribution over every run, and every run or, past RUNS_KEPT, the named ones. */
function armOf(label: string, allRuns: SeedResult[]): Arm {
  const summary = summarizeRuns(allRuns);
  const accuracies = [...accuracyBySeed(allRuns).values()];
  const distribution = distributionOf(accuracies);
  const medianSeed = summary ? nearestSeed(accuracyBySeed(allRuns), summary.median) : null;
  const outliers = summary ? mostExtreme(summary.outliers, summary.median) : [];
  const everyRun = keepsEveryRun(allRuns.length);
  const named = new Set([
    allRuns[0]?.seed,
    ...(summary ? [summary.best.seed, summary.worst.seed] : []),
    ...outliers.map((o) => o.seed),
    ...(medianSeed === null ? [] : [medianSeed]),
  ]);
  return {
    label,
    summary: summary && { ...summary, outliers },
    runs: (everyRun ? allRuns : allRuns.filter((r) => named.has(r.seed))).map(seedResultOf),
    runCount: allRuns.length,
    runsInDocument: everyRun ? 'all' : 'named',
    distribution,
    medianSeed,
    outlierCount: summary?.outliers.length ?? 0,
  };
}

/** A run as a document lists it (the unit keeps its loss and divergence epoch too). */
const seedResultOf = (r: SeedResult): SeedResult => ({
  seed: r.seed,
  fingerprint: r.fingerprint,
  testAccuracy: r.testAccuracy,
  diverged: r.diverged,
});

/** Everything measured from the two arms' runs (combine and the migrations use it). */
function measure(spec: CompareSpec, armRuns: { label: string; runs: SeedResult[] }[]) {
  const arms = armRuns.map((arm) => armOf(arm.label, arm.runs));
  const [accA, accB] = armRuns.map((arm) => accuracyBySeed(arm.runs));
  const d = pairedDifference(accA, accB);
  const difference = d?.interval && d.sd !== null ? { meanDiff: d.meanDiff, ci95: d.interval, sdDiff: d.sd, pairs: d.pairs } : null;
  return {
    arms,
    difference,
    probabilityABeatsB: accA.size && accB.size ? probabilityOfSuperiority([...accA.values()], [...accB.values()]) : null,
    seedsNeeded: difference ? { effectSize: spec.effectSize, seeds: pairedSeedsNeeded(spec.effectSize, difference.sdDiff) } : null,
  };
}

/**
 * The verdict, decided from the paired difference; undecided, with the reason, when more than half of
 * an arm's runs failed to learn (the few that learned do not stand for its seeds), when every one of
 * an arm's failed, or when fewer than two seeds pair up (one difference has no interval).
 */
function decide(spec: CompareSpec, difference: CompareDocument['difference'], armRuns: { runs: SeedResult[] }[]): CompareVerdict[] {
  const effectSize = spec.effectSize;
  const failed = (runs: SeedResult[]) => runs.filter((r) => r.diverged || r.testAccuracy === null).length;
  const mostlyFailed = armRuns.some(({ runs }) => 2 * failed(runs) > runs.length);
  const allFailed = armRuns.some(({ runs }) => failed(runs) === runs.length);
  if (!difference || mostlyFailed)
    return [
      {
        question: 'a-better-than-b',
        outcome: { is: 'undecided', because: allFailed ? 'all-diverged' : mostlyFailed ? 'mostly-failed' : 'one-run' },
        facts: { excludesZero: false, withinEffectSize: false, effectSize },
      },
    ];
  const [lo, hi] = difference.ci95;
  const excludesZero = lo > 0 || hi < 0;
  return [
    {
      question: 'a-better-than-b',
      outcome: excludesZero ? { is: 'winner', who: difference.meanDiff > 0 ? 'a' : 'b' } : { is: 'tied' },
      facts: { excludesZero, withinEffectSize: -effectSize < lo && hi < effectSize, effectSize },
    },
  ];
}

export const compare = defineStudyKind({
  kind: 'compare',
  specSchema: CompareSpec,
  documentSchema: CompareDocument,
  dataset: (spec) => spec.a.dataset,
  digest: { schema: CompareDigest, of: compareDigest },
  readings,

  training: {
    partSchema: z.object({ unit: Unit, result: z.array(RunResult) }),
    unitWork(spec, unit: Unit) {
      return seedGroupWork(spec[unit.arm], spec.backend, unit.seeds.length, firstSeed(spec.seeds), `${unit.arm}.`);
    },

    plan(spec, seedsPerUnit): Unit[] {
      return (['a', 'b'] as const).flatMap((arm) =>
        chunk(seedList(spec.seeds), seedsPerUnit).map((seeds): Unit => ({ purpose: 'arm', arm, seeds })),
      );
    },

    async runUnit(spec, unit, context) {
      const { label: _label, ...setup } = spec[unit.arm];
      return (await runSeeds(setup, unit.seeds, { onEpoch: context.onEpoch })).map((o) => runResult(o.record));
    },

    /** `arm`: a or b; `label`: the arm's label as the spec writes it. */
    runRows: {
      columns: ['arm', 'label'],
      rows: (spec, unit, result) => result.map((r) => rowOf(r, { arm: unit.arm, label: spec[unit.arm].label })),
    },
  },
  async combine(spec, parts): Promise<DocumentBody<CompareDocument>> {
    const arms = (['a', 'b'] as const).map((arm) => {
      const runs = parts.flatMap((p) => (p.unit.arm === arm ? p.result : [])).sort((x, y) => x.seed - y.seed);
      return { label: spec[arm].label, runs };
    });
    const measured = measure(spec, arms);
    return {
      verdict: decide(spec, measured.difference, arms),
      ...measured,
    };
  },

  migrations: {
    /** Version 1 to 2: the numbers kept, the verdict decided as combine decides it (the English answers and the title dropped). */
    1(stored): DocumentBody<CompareDocument> {
      const v1 = CompareDocumentV1.parse(stored);
      // The interval and the seeds needed are recomputed from the version-1 runs (paired t, paired design).
      const measured = measure(v1.spec, v1.arms);
      return {
        verdict: decide(v1.spec, measured.difference, v1.arms),
        ...measured,
      };
    },
    /** Version 2 to 3: every run stays in the document; each arm gains its count, distribution and median seed. */
    2(stored): DocumentBody<CompareDocument> {
      const { spec, ...v2 } = CompareDocumentV2.parse(stored);
      return { ...v2, arms: measure(spec, v2.arms).arms };
    },
  },
});
