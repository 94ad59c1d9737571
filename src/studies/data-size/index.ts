import { z } from 'zod';
import { fitClassic } from '../../classic/classifiers.ts';
import { loadTable, prepareData } from '../../data/prepareData.ts';
import { splitRows } from '../../data/split.ts';
import type { PreparedData } from '../../data/table.ts';
import { describeEnvironment } from '../../fingerprint/environment.ts';
import { type RandomStream, seedStreams, shuffleInPlace } from '../../random/seedStreams.ts';
import { COMPUTE_BUDGET, setupShape } from '../../spec/budget.ts';
import { SpecError } from '../../spec/specError.ts';
import { studyId } from '../../spec/studyId.ts';
import { mean, sampleStd } from '../../stats/summarize.ts';
import { DOCUMENT_VERSION } from '../../version.ts';
import { runSeeds } from '../runSeeds.ts';
import { chunk, defineStudyKind } from '../studyKind.ts';
import { DataSizeDocument, DataSizeDocumentV1, type DataSizeVerdict } from './document.ts';
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
export function subsetData(spec: DataSizeSpec, size: number, seed: number): PreparedData {
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
const FitResult = z.array(z.object({ seed: z.number().int(), accuracy: z.number() }));

/** The verdict, decided from the measured curves (combine and the version-1 migration both use it). */
function decide(spec: DataSizeSpec, curves: DataSizeDocument['curves']): DataSizeVerdict[] {
  const mlp = curves.find((c) => c.model === 'mlp');
  const crossovers = mlp
    ? curves
        .filter((c) => c.model !== 'mlp')
        .flatMap((c) =>
          spec.sizes.slice(1).flatMap((size, k): DataSizeVerdict['facts']['crossovers'] => {
            const before = mlp.points[k].mean - c.points[k].mean;
            const after = mlp.points[k + 1].mean - c.points[k + 1].mean;
            if (before <= 0 && after > 0) return [{ model: c.model, size, direction: 'mlp-overtakes' }];
            if (before > 0 && after <= 0) return [{ model: c.model, size, direction: 'model-overtakes' }];
            return [];
          }),
        )
    : [];
  // The first model with the highest mean at each size (ties keep the spec's model order).
  const leaders = spec.sizes.map((size, k) => ({
    size,
    model: curves.reduce((a, b) => (b.points[k].mean > a.points[k].mean ? b : a)).model,
  }));
  return [{ question: 'learning-curves', outcome: { is: 'measured' }, facts: { leaders, crossovers } }];
}

export const dataSize = defineStudyKind({
  kind: 'data-size',
  specSchema: DataSizeSpec,
  documentSchema: DataSizeDocument,
  partSchema: z.object({ unit: Unit, result: FitResult }),
  dataset: (spec) => spec.dataset,

  cost(spec) {
    const { rows, parameters, features } = setupShape(spec, spec.seeds[0]);
    const runs = spec.seeds.length * spec.sizes.length;
    const mlp = spec.models.includes('mlp') ? runs * spec.steps * spec.training.batchSize * parameters : 0;
    // Classic models: a forest of trees over every feature, roughly, per fit.
    const classic = spec.sizes.reduce((n, size) => n + size, 0) * spec.seeds.length * features * (spec.forestTrees + 20) * 10;
    return { cost: mlp + classic, limit: COMPUTE_BUDGET, runs, epochs: spec.training.epochs, trainingRows: rows, parameters };
  },

  plan(spec, seedsPerUnit): Unit[] {
    // Fail early (400 in the API) if a size does not fit.
    subsetData(spec, spec.sizes[spec.sizes.length - 1], spec.seeds[0]);
    return spec.sizes.flatMap((size) =>
      spec.models.flatMap((model) =>
        (model === 'mlp' ? chunk(spec.seeds, seedsPerUnit) : [spec.seeds]).map((seeds): Unit => ({ purpose: 'fit', model, size, seeds })),
      ),
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
      return outcomes.map((o) => ({ seed: o.record.seed, accuracy: o.record.testAccuracy ?? 0 }));
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

  async combine(spec, parts): Promise<DataSizeDocument> {
    const curves = spec.models.map((model) => ({
      model,
      points: spec.sizes.map((size) => {
        const accs = parts
          .flatMap((p) => (p.unit.model === model && p.unit.size === size ? p.result : []))
          .sort((a, b) => a.seed - b.seed)
          .map((r) => r.accuracy);
        return { size, mean: mean(accs), std: sampleStd(accs), min: Math.min(...accs), max: Math.max(...accs), accuracies: accs };
      }),
    }));
    const first = subsetData(spec, spec.sizes[0], spec.seeds[0]);
    const trainRows = splitRows(loadTable(spec.dataset, seedStreams(spec.seeds[0]).data), spec.split, seedStreams(spec.seeds[0]).split)
      .train.length;
    return {
      documentVersion: DOCUMENT_VERSION,
      kind: 'data-size',
      id: await studyId(spec),
      spec,
      environment: describeEnvironment(),
      verdict: decide(spec, curves),
      trainRows,
      testRows: first.testY.length,
      curves,
    };
  },

  migrateV1(stored): DataSizeDocument {
    const { title: _t, verdict: _v, documentVersion: _d, crossovers: _c, leaders: _l, ...body } = DataSizeDocumentV1.parse(stored);
    return { ...body, documentVersion: DOCUMENT_VERSION, verdict: decide(body.spec, body.curves) };
  },
});
