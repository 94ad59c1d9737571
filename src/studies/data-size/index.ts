import { z } from 'zod';
import { fitClassic } from '../../classic/classifiers.ts';
import { loadTable, prepareData } from '../../data/prepareData.ts';
import { splitRows } from '../../data/split.ts';
import type { PreparedData } from '../../data/table.ts';
import { type RandomStream, seedStreams, shuffleInPlace } from '../../random/seedStreams.ts';
import { setupShape } from '../../spec/budget.ts';
import { SpecError } from '../../spec/specError.ts';
import { classicFitWork, mlpTraining } from '../../spec/timeModel.ts';
import { type BySeed, bonferroniLevel, comparisonRecord, pairedDifference, pairedLeader, significantSign } from '../../stats/paired.ts';
import { mean, sampleStd } from '../../stats/summarize.ts';
import { runSeeds } from '../runSeeds.ts';
import { bodyUnchanged, chunk, type DocumentBody, defineStudyKind } from '../studyKind.ts';
import { DataSizeDocument, DataSizeDocumentV1, type DataSizeVerdict } from './document.ts';
import { DataSizeDigest, dataSizeDigest, readings } from './readings.ts';
import { DataSizeSpec, MLP_AND_CLASSIC } from './spec.ts';

/** A stratified subset of `size` rows: classes keep their proportions (largest remainder), members drawn by `stream`. */
export function stratifiedSubset(rows: Int32Array, labels: Int32Array, classes: number, size: number, stream: RandomStream): Int32Array {
  const members = Array.from({ length: classes }, () => [] as number[]);
  for (const r of rows) members[labels[r]].push(r);
  const exact = members.map((m) => (size * m.length) / rows.length);
  const take = exact.map(Math.floor);
  const order = exact.map((e, c) => ({ c, frac: e - Math.floor(e) })).sort((a, b) => b.frac - a.frac || a.c - b.c);
  for (let i = 0, left = size - take.reduce((a, b) => a + b, 0); left > 0; i++, left--) take[order[i % classes].c]++;
  const chosen: number[] = [];
  members.forEach((m, c) => {
    shuffleInPlace(m, stream);
    chosen.push(...m.slice(0, take[c]));
  });
  return Int32Array.from(chosen.sort((a, b) => a - b));
}

/** The fixed test set, and a training subset of `size` rows for `seed` (the split stream), scaled by the subset's own statistics. */
function subsetData(spec: DataSizeSpec, size: number, seed: number): PreparedData {
  const streams = seedStreams(seed);
  return prepareData(spec, streams, (train, table) => {
    if (size > train.length)
      throw new SpecError([{ path: 'sizes', message: `size ${size} is larger than the ${train.length} training rows` }]);
    return stratifiedSubset(train, table.y, table.classes, size, streams.split);
  });
}

const accuracyOf = (pred: Int32Array, truth: Int32Array) => pred.filter((p, i) => p === truth[i]).length / truth.length;

const Unit = z.object({
  purpose: z.literal('fit'),
  model: z.enum(MLP_AND_CLASSIC),
  size: z.number().int(),
  seeds: z.array(z.number().int()),
});
type Unit = z.infer<typeof Unit>;
/** A fit's test accuracy; null when the MLP diverged (its NaN logits would otherwise read as class 0). */
const FitResult = z.array(z.object({ seed: z.number().int(), accuracy: z.number().nullable() }));

type Point = DataSizeDocument['curves'][number]['points'][number];

const accuracyBySeed = (p: Point): BySeed =>
  new Map(p.seeds.flatMap((seed, i) => (p.accuracies[i] === null ? [] : [[seed, p.accuracies[i]] as const])));

/** The leader at each size, by paired differences over the seeds (every model fits the same subset for a seed). */
function leadersBySize(spec: DataSizeSpec, curves: DataSizeDocument['curves']): DataSizeVerdict['facts']['leaders'] {
  return spec.sizes.map((size, k) => {
    const lead = pairedLeader(curves.map((c) => ({ key: c.model, values: accuracyBySeed(c.points[k]) })));
    return {
      size,
      leader: lead?.leader ?? null,
      tiedWith: lead?.tiedWith ?? [],
      comparisons: (lead?.comparisons ?? []).map((c) => comparisonRecord(c.against, c.difference)),
      level: lead?.level ?? 0.95,
    };
  });
}

/**
 * MLP minus each classic model at every size, and the crossovers: a size where the significant
 * sign flips from the last significant one. Sizes where the two are tied neither make nor break one.
 */
function mlpAgainstModels(spec: DataSizeSpec, curves: DataSizeDocument['curves']) {
  const mlp = curves.find((c) => c.model === 'mlp');
  if (!mlp) return { mlpAgainst: [], crossovers: [] };
  const level = bonferroniLevel(spec.sizes.length);
  const crossovers: DataSizeVerdict['facts']['crossovers'] = [];
  const mlpAgainst = curves
    .filter((c) => c !== mlp)
    .map((c) => {
      let last: { size: number; sign: number } | null = null;
      const differences = spec.sizes.map((size, k) => {
        const d = pairedDifference(accuracyBySeed(mlp.points[k]), accuracyBySeed(c.points[k]), level);
        const sign = significantSign(d);
        if (sign !== 0) {
          if (last && last.sign !== sign)
            crossovers.push({ model: c.model, after: last.size, size, direction: sign > 0 ? 'mlp-overtakes' : 'model-overtakes' });
          last = { size, sign };
        }
        const { against: _a, ...record } = comparisonRecord(c.model, d);
        return { size, ...record, sign };
      });
      return { model: c.model, level, differences };
    });
  return { mlpAgainst, crossovers };
}

/** The verdict, decided from the measured curves (combine and the version-1 migration both use it). */
function decide(spec: DataSizeSpec, curves: DataSizeDocument['curves']): DataSizeVerdict[] {
  const divergedRuns = curves.reduce((n, c) => n + c.points.reduce((m, p) => m + (p.diverged ?? 0), 0), 0);
  return [
    {
      question: 'learning-curves',
      outcome: { is: 'measured' },
      facts: { leaders: leadersBySize(spec, curves), ...mlpAgainstModels(spec, curves), divergedRuns },
    },
  ];
}

/** One size's results: the seeds in order, the summary over the runs that finished. */
function pointOf(size: number, results: { seed: number; accuracy: number | null }[]): Point {
  const sorted = [...results].sort((a, b) => a.seed - b.seed);
  const finished = sorted.flatMap((r) => (r.accuracy === null ? [] : [r.accuracy]));
  const some = finished.length > 0;
  return {
    size,
    mean: some ? mean(finished) : null,
    std: finished.length > 1 ? sampleStd(finished) : some ? 0 : null,
    min: some ? Math.min(...finished) : null,
    max: some ? Math.max(...finished) : null,
    seeds: sorted.map((r) => r.seed),
    accuracies: sorted.map((r) => r.accuracy),
    diverged: sorted.length - finished.length,
  };
}

export const dataSize = defineStudyKind({
  kind: 'data-size',
  specSchema: DataSizeSpec,
  documentSchema: DataSizeDocument,
  dataset: (spec) => spec.dataset,
  digest: { schema: DataSizeDigest, of: dataSizeDigest },
  readings,

  training: {
    partSchema: z.object({ unit: Unit, result: FitResult }),
    unitWork(spec, unit: Unit) {
      // The unit trains on a subset of `size` rows; the test set is the full split's.
      const shape = { ...setupShape(spec, spec.seeds[0]), rows: unit.size };
      if (unit.model === 'mlp') {
        const run = {
          seeds: unit.seeds.length,
          batchSize: spec.training.batchSize,
          epochs: spec.training.epochs,
          maxSteps: spec.steps,
          evaluations: 1,
        };
        return mlpTraining(spec.backend, shape, run);
      }
      const fit = classicFitWork(unit.model, { ...shape, forestTrees: spec.forestTrees });
      return { training: [], classic: unit.seeds.map(() => fit) };
    },

    plan(spec, seedsPerUnit): Unit[] {
      // Fail early (400 in the API) if a size does not fit.
      subsetData(spec, spec.sizes[spec.sizes.length - 1], spec.seeds[0]);
      return spec.sizes.flatMap((size) =>
        spec.models.flatMap((model) => chunk(spec.seeds, seedsPerUnit).map((seeds): Unit => ({ purpose: 'fit', model, size, seeds }))),
      );
    },

    async runUnit(spec, unit, context) {
      const { model, size } = unit;
      if (model === 'mlp') {
        const outcomes = await runSeeds({ ...spec, pins: {} }, unit.seeds, {
          prepare: (seed) => subsetData(spec, size, seed),
          maxSteps: spec.steps,
          evaluate: 'end',
          onEpoch: context.onEpoch,
        });
        return outcomes.map((o) => ({ seed: o.record.seed, accuracy: o.record.diverged ? null : o.record.testAccuracy }));
      }
      return unit.seeds.map((seed) => {
        const data = subsetData(spec, size, seed);
        const fitted = fitClassic(
          model,
          { x: data.trainX, y: data.trainY, rows: data.trainY.length, features: data.features, classes: data.classes },
          seedStreams(seed).init,
          spec,
        );
        return { seed, accuracy: accuracyOf(fitted.predict(data.testX, data.testY.length), data.testY) };
      });
    },

    /** Each fit: `model` on `size` training rows. A fit keeps its accuracy only (null: the MLP diverged). */
    runRows: {
      columns: ['model', 'size'],
      rows: (_spec, unit, result) =>
        result.map((r) => ({
          seed: r.seed,
          groups: { model: unit.model, size: unit.size },
          testAccuracy: r.accuracy,
          testLoss: null,
          fingerprint: null,
          diverged: unit.model === 'mlp' ? r.accuracy === null : false,
          divergedAtEpoch: null,
        })),
    },
  },
  async combine(spec, parts): Promise<DocumentBody<DataSizeDocument>> {
    const curves = spec.models.map((model) => ({
      model,
      points: spec.sizes.map((size) =>
        pointOf(
          size,
          parts.flatMap((p) => (p.unit.model === model && p.unit.size === size ? p.result : [])),
        ),
      ),
    }));
    const first = subsetData(spec, spec.sizes[0], spec.seeds[0]);
    const trainRows = splitRows(loadTable(spec.dataset, seedStreams(spec.seeds[0]).data), spec.split, seedStreams(spec.seeds[0]).split)
      .train.length;
    return {
      verdict: decide(spec, curves),
      trainRows,
      testRows: first.testY.length,
      curves,
    };
  },

  migrations: {
    /** Version 1 to 2: the numbers kept, the verdict decided as combine decides it (the English answers and the title dropped). */
    1(stored): DocumentBody<DataSizeDocument> {
      const {
        title: _t,
        verdict: _v,
        documentVersion: _d,
        crossovers: _c,
        leaders: _l,
        curves: v1,
        ...body
      } = DataSizeDocumentV1.parse(stored);
      // Version 1 kept accuracies in seed order and did not tell diverged runs apart.
      const seeds = [...body.spec.seeds].sort((a, b) => a - b);
      const curves = v1.map((c) => ({ model: c.model, points: c.points.map((p) => ({ ...p, seeds, diverged: null })) }));
      return { ...body, curves, verdict: decide(body.spec, curves) };
    },
    /** Version 2 to 3: this kind's body did not change. */
    2: bodyUnchanged,
  },
});
