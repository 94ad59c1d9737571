import { distributionOf, keepsEveryRun, nearestSeed } from '../../document/runSummaries.ts';
import {
  probabilityOfSuperiority,
  runStatistics,
  runsForPrecision,
  shareAbove,
  unpairedRunsNeeded,
  welchInterval,
} from '../../stats/fewRuns.ts';
import { bonferroniLevel, pairedDifference, pairedSeedsNeeded } from '../../stats/paired.ts';
import { sampleStd, sortedQuantile } from '../../stats/summarize.ts';
import { quantileInterval } from '../../stats/tails.ts';
import { type DocumentBody, defineStudyKind } from '../studyKind.ts';
import { type Comparison, ImportedDocument, type ImportedVerdict } from './document.ts';
import { ImportedDigest, importedDigest, readings } from './readings.ts';
import { type ImportedRun, providedRuns } from './runs.ts';
import { effectSizeOf, ImportedSpec } from './spec.ts';

type Arm = ImportedDocument['arms'][number];

/** A band of at most this many epochs (a 1,000-epoch curve keeps every 10th). */
const CURVE_EPOCHS_KEPT = 100;
/** Runs from which an arm reports its tails (a 1st percentile needs a few hundred to be bounded at all). */
const TAIL_RUNS = 100;
const TAIL_LEVELS = [0.01, 0.05, 0.95, 0.99];

/** +1 when higher is better, −1 when lower is: a difference times this is an improvement. */
const direction = (spec: ImportedSpec) => (spec.metric.higherIsBetter ? 1 : -1);

/** The median and middle half per epoch over the runs that have a curve, or null when none has one. */
function curveBandOf(runs: ImportedRun[]): Arm['curve'] {
  const curves = runs.flatMap((r) => (r.curve ? [r.curve] : []));
  if (!curves.length) return null;
  const length = Math.max(...curves.map((c) => c.length));
  const step = Math.ceil(length / CURVE_EPOCHS_KEPT);
  const epochs = Array.from({ length: Math.ceil(length / step) }, (_, i) => i * step);
  if (epochs[epochs.length - 1] !== length - 1) epochs.push(length - 1);
  const at = epochs.map((e) => Float64Array.from(curves.flatMap((c) => (e < c.length ? [c[e]] : []))).sort());
  return {
    runs: curves.length,
    epochs: epochs.map((e) => e + 1),
    median: at.map((v) => sortedQuantile(v, 0.5)),
    q25: at.map((v) => sortedQuantile(v, 0.25)),
    q75: at.map((v) => sortedQuantile(v, 0.75)),
  };
}

const runInDocument = (r: ImportedRun) => ({ seed: r.seed, value: r.value, ...(r.fingerprint ? { fingerprint: r.fingerprint } : {}) });

function armOf(spec: ImportedSpec, label: string, runs: ImportedRun[], effectSize: number | null): Arm {
  const values = runs.map((r) => r.value);
  const statistics = runStatistics(values);
  const sign = direction(spec);
  // Best first by the metric's direction; the lowest seed among equals.
  const ranked = [...runs].sort((x, y) => sign * (y.value - x.value) || x.seed - y.seed);
  const medianSeed = nearestSeed(new Map(runs.map((r) => [r.seed, r.value])), statistics.median) ?? runs[0].seed;
  const everyRun = keepsEveryRun(runs.length);
  const named = new Set([runs[0].seed, ranked[0].seed, ranked[ranked.length - 1].seed, medianSeed]);
  const sorted = Float64Array.from(values).sort();
  return {
    label,
    statistics,
    runCount: runs.length,
    runsInDocument: everyRun ? 'all' : 'named',
    runs: (everyRun ? runs : runs.filter((r) => named.has(r.seed))).map(runInDocument),
    // At least two runs per arm: never null.
    distribution: distributionOf(values) as NonNullable<ReturnType<typeof distributionOf>>,
    medianSeed,
    best: runInDocument(ranked[0]),
    worst: runInDocument(ranked[ranked.length - 1]),
    curve: curveBandOf(runs),
    tails:
      runs.length >= TAIL_RUNS
        ? TAIL_LEVELS.map((q) => ({ q, value: sortedQuantile(sorted, q), interval: quantileInterval(sorted, q) }))
        : null,
    runsForPrecision: effectSize === null ? null : { halfWidth: effectSize, runs: runsForPrecision(statistics.std, effectSize) },
  };
}

/** Arm a against arm b at `level`: paired on the seeds they share when there are at least two, else Welch over every run. */
function compareArms(
  spec: ImportedSpec,
  runs: ImportedRun[][],
  a: number,
  b: number,
  level: number,
  effectSize: number | null,
): Comparison {
  const bySeed = (k: number) => new Map(runs[k].map((r) => [r.seed, r.value]));
  const [valuesA, valuesB] = [bySeed(a), bySeed(b)];
  const shared = [...valuesA.keys()].filter((s) => valuesB.has(s));
  const sign = direction(spec);
  const paired = shared.length >= 2 ? pairedDifference(valuesA, valuesB, level) : null;
  if (paired?.interval && paired.sd !== null) {
    const improvements = shared.map((s) => sign * ((valuesA.get(s) as number) - (valuesB.get(s) as number)));
    return {
      a,
      b,
      sharedSeeds: shared.length,
      design: 'paired',
      meanDiff: paired.meanDiff,
      interval: paired.interval,
      level,
      probabilityOfImprovement: shareAbove(improvements),
      runsNeeded: effectSize === null ? null : { effectSize, runs: pairedSeedsNeeded(effectSize, paired.sd) },
    };
  }
  const [xa, xb] = [runs[a].map((r) => r.value), runs[b].map((r) => r.value)];
  const welch = welchInterval(xa, xb, level);
  const pooledSd = Math.sqrt((sampleStd(xa) ** 2 + sampleStd(xb) ** 2) / 2);
  return {
    a,
    b,
    sharedSeeds: shared.length,
    design: 'unpaired',
    meanDiff: welch.meanDiff,
    interval: welch.interval,
    level,
    probabilityOfImprovement: sign > 0 ? probabilityOfSuperiority(xa, xb) : probabilityOfSuperiority(xb, xa),
    runsNeeded: effectSize === null ? null : { effectSize, runs: unpairedRunsNeeded(effectSize, pooledSd) },
  };
}

/** Whether a comparison's interval shows arm a better than arm b (+1), worse (−1), or neither (0), by the metric's direction. */
function better(spec: ImportedSpec, c: Comparison): -1 | 0 | 1 {
  const [lo, hi] = c.interval.map((x) => direction(spec) * x).sort((x, y) => x - y);
  return lo > 0 ? 1 : hi < 0 ? -1 : 0;
}

/** The comparisons and the verdict, by the number of arms. */
function decide(spec: ImportedSpec, arms: Arm[], runs: ImportedRun[][], effectSize: number | null) {
  if (arms.length === 1) {
    return { comparisons: [], verdict: [{ question: 'spread', outcome: { is: 'measured' }, facts: {} }] as ImportedVerdict[] };
  }
  if (arms.length === 2) {
    const c = compareArms(spec, runs, 0, 1, 0.95, effectSize);
    const sign = better(spec, c);
    const withinEffectSize = effectSize !== null && -effectSize < c.interval[0] && c.interval[1] < effectSize;
    const verdict: ImportedVerdict = {
      question: 'a-better-than-b',
      outcome: sign === 0 ? { is: 'tied' } : { is: 'winner', who: arms[sign > 0 ? 0 : 1].label },
      facts: { withinEffectSize },
    };
    return { comparisons: [c], verdict: [verdict] };
  }
  // The leader: the best mean by the metric's direction (the first among equals).
  const leader = arms.reduce((best, arm, k) => (direction(spec) * (arm.statistics.mean - arms[best].statistics.mean) > 0 ? k : best), 0);
  const level = bonferroniLevel(arms.length - 1);
  const comparisons = arms.flatMap((_, k) => (k === leader ? [] : [compareArms(spec, runs, leader, k, level, effectSize)]));
  const tiedWith = comparisons.filter((c) => better(spec, c) !== 1).map((c) => arms[c.b].label);
  const verdict: ImportedVerdict = {
    question: 'best-arm',
    outcome: tiedWith.length ? { is: 'tied' } : { is: 'winner', who: arms[leader].label },
    facts: { leader: arms[leader].label, tiedWith },
  };
  return { comparisons, verdict: [verdict] };
}

export const imported = defineStudyKind({
  kind: 'imported',
  specSchema: ImportedSpec,
  documentSchema: ImportedDocument,
  digest: { schema: ImportedDigest, of: importedDigest },
  readings,
  async combine(spec): Promise<DocumentBody<ImportedDocument>> {
    const runs = providedRuns(spec).arms.map((arm) => arm.runs);
    const effectSize = effectSizeOf(spec);
    const arms = spec.runs.arms.map((arm, k) => armOf(spec, arm.label, runs[k], effectSize));
    return { ...decide(spec, arms, runs, effectSize), arms, effectSize };
  },
});
