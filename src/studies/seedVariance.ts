import { prepareData } from '../data/prepareData.ts';
import { SeedVarianceDocument, type RunRecord } from '../document/studyDocument.ts';
import { layerSizes, parameterCount } from '../model/mlp.ts';
import { seedStreams } from '../random/seedStreams.ts';
import type { SeedVarianceSpec } from '../spec/schema.ts';
import { studyId } from '../spec/studyId.ts';
import { quantile, summarizeSeeds } from '../stats/summarize.ts';
import { DOCUMENT_VERSION } from '../version.ts';
import { runSeeds, type RunSeedsOptions } from './runSeeds.ts';
import type { StudyKindModule } from './studyKind.ts';

/** A unit of work: seeds trained together as one group. The Worker sends one per queue message. */
export interface RunUnit {
  purpose: 'main' | 'repeat';
  seeds: number[];
  [detail: string]: unknown;
}

/** The seeds re-run to check repeatability: first, middle and last (all of them when fewer than 3). */
export function repeatSeeds(seeds: number[]): number[] {
  return [...new Set([seeds[0], seeds[Math.floor((seeds.length - 1) / 2)], seeds[seeds.length - 1]])];
}

/** Splits the study into groups of at most `groupSize` seeds, plus the repeatability re-run. */
export function planSeedVariance(spec: SeedVarianceSpec, groupSize: number): RunUnit[] {
  const units: RunUnit[] = [];
  for (let i = 0; i < spec.seeds.length; i += groupSize) units.push({ purpose: 'main', seeds: spec.seeds.slice(i, i + groupSize) });
  units.push({ purpose: 'repeat', seeds: repeatSeeds(spec.seeds) });
  return units;
}

export async function runSeedVarianceUnit(spec: SeedVarianceSpec, unit: RunUnit, options: RunSeedsOptions = {}): Promise<RunRecord[]> {
  return (await runSeeds(spec, unit.seeds, options)).map((o) => o.record);
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Combines the units' records into the study document: summary, repeatability and plain answers. */
export async function combineSeedVariance(spec: SeedVarianceSpec, main: RunRecord[], repeat: RunRecord[]): Promise<SeedVarianceDocument> {
  const runs = [...main].sort((a, b) => a.seed - b.seed);
  if (runs.map((r) => r.seed).join() !== spec.seeds.join()) throw new Error('combineSeedVariance: runs do not match the spec seeds');
  const bySeed = new Map(runs.map((r) => [r.seed, r]));
  const mismatches = repeat
    .filter((r) => bySeed.get(r.seed)?.fingerprint !== r.fingerprint)
    .map((r) => ({ seed: r.seed, first: bySeed.get(r.seed)?.fingerprint ?? '', second: r.fingerprint }));
  const repeatability = { seeds: repeat.map((r) => r.seed), identical: repeat.length > 0 && mismatches.length === 0, mismatches };

  const finished = runs.filter((r) => !r.diverged && r.testAccuracy !== null);
  const summary = finished.length
    ? {
        ...summarizeSeeds(finished.map((r) => ({ seed: r.seed, value: r.testAccuracy as number }))),
        diverged: runs.length - finished.length,
      }
    : null;

  const medianOf = (curve: keyof RunRecord['curves']) =>
    Array.from({ length: spec.training.epochs }, (_, e) => {
      const values = finished.map((r) => r.curves[curve][e]).filter((v): v is number => v !== null);
      return values.length ? quantile(values, 0.5) : null;
    });
  const medianCurves = {
    trainLoss: medianOf('trainLoss'),
    trainAccuracy: medianOf('trainAccuracy'),
    testLoss: medianOf('testLoss'),
    testAccuracy: medianOf('testAccuracy'),
  };

  // Shapes come from the data itself (cheap: no training).
  const data = prepareData(spec, seedStreams(spec.seeds[0], spec.pins));
  const sizes = layerSizes(data.features, spec.model, data.classes);
  const repeatList = repeatability.seeds.join(', ');
  const deterministic = repeatability.identical
    ? `Yes. Re-running seeds ${repeatList} reproduced bit-identical weights (same SHA-256 fingerprint, e.g. seed ${runs[0].seed}: ${runs[0].fingerprint.slice(0, 12)}…) on ${runs[0].environment.backend}.`
    : `No. Re-running seeds ${repeatList} gave different weights for seed(s) ${mismatches.map((m) => m.seed).join(', ')}.`;
  const seedEffect = summary
    ? `Across ${summary.n} seeds, test accuracy ranged from ${percent(summary.min)} (seed ${summary.worst.seed}) to ${percent(summary.max)} (seed ${summary.best.seed}): ` +
      `mean ${percent(summary.mean)}, std ${(100 * summary.std).toFixed(2)} points, 95% CI of the mean ${percent(summary.ci95.t[0])}–${percent(summary.ci95.t[1])}.` +
      (summary.diverged ? ` ${summary.diverged} run(s) diverged and are left out.` : '')
    : 'Every run diverged (the loss became NaN or infinite); no accuracy to compare.';

  const doc: SeedVarianceDocument = {
    documentVersion: DOCUMENT_VERSION,
    kind: 'seed-variance',
    id: await studyId(spec),
    title:
      spec.title ??
      `Seed variance: ${spec.dataset.name}, MLP ${sizes.join('-')}, ${spec.training.optimizer.kind}, ${spec.seeds.length} seeds`,
    spec,
    environment: runs[0].environment,
    model: { layerSizes: sizes, parameters: parameterCount(sizes) },
    data: { trainRows: data.trainY.length, testRows: data.testY.length, features: data.features, classes: data.classes },
    runs,
    medianCurves,
    metric: 'testAccuracy',
    summary,
    repeatability,
    answers: {
      deterministic: { question: 'Is training deterministic with a fixed seed?', answer: deterministic },
      seedEffect: { question: 'How much does the seed move accuracy?', answer: seedEffect },
    },
  };
  return SeedVarianceDocument.parse(doc);
}

/** seed-variance as a study kind: groups of seeds, then the repeatability re-run. */
export const seedVariance: StudyKindModule<SeedVarianceSpec> = {
  plan: planSeedVariance,
  runUnit: (spec, unit, context) => runSeedVarianceUnit(spec, unit as RunUnit, { onEpoch: context.onEpoch }),
  combine(spec, units, results) {
    const pick = (purpose: string) => units.flatMap((u, i) => (u.purpose === purpose ? (results[i] as RunRecord[]) : []));
    return combineSeedVariance(spec, pick('main'), pick('repeat'));
  },
};
