import { fitClassic, type ClassicModelName } from '../classic/classifiers.ts';
import { loadTable, prepareData } from '../data/prepareData.ts';
import { splitRows } from '../data/split.ts';
import type { PreparedData } from '../data/table.ts';
import type { DataSizeDocument } from '../document/studyDocument.ts';
import { describeEnvironment } from '../fingerprint/environment.ts';
import { seedStreams, shuffleInPlace, type RandomStream } from '../random/seedStreams.ts';
import { SpecError, type DataSizeSpec } from '../spec/schema.ts';
import { studyId } from '../spec/studyId.ts';
import { mean, sampleStd } from '../stats/summarize.ts';
import { DOCUMENT_VERSION } from '../version.ts';
import { runSeeds } from './runSeeds.ts';
import { chunk, pct, type StudyKindModule } from './studyKind.ts';

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

export const dataSize: StudyKindModule<DataSizeSpec> = {
  plan(spec, seedsPerUnit) {
    // Fail early (400 in the API) if a size does not fit.
    subsetData(spec, spec.sizes[spec.sizes.length - 1], spec.seeds[0]);
    return spec.sizes.flatMap((size) =>
      spec.models.flatMap((model) =>
        (model === 'mlp' ? chunk(spec.seeds, seedsPerUnit) : [spec.seeds]).map((seeds) => ({ purpose: 'fit', model, size, seeds })),
      ),
    );
  },

  async runUnit(spec, unit, context) {
    const size = unit.size as number;
    if (unit.model === 'mlp') {
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
      const model = fitClassic(
        unit.model as ClassicModelName,
        { x: data.trainX, y: data.trainY, rows: data.trainY.length, features: data.features, classes: data.classes },
        seedStreams(seed).init,
        spec,
      );
      return { seed, accuracy: accuracyOf(model.predict(data.testX, data.testY.length), data.testY) };
    });
  },

  async combine(spec, units, results) {
    const curves = spec.models.map((model) => ({
      model,
      points: spec.sizes.map((size) => {
        const accs = units
          .flatMap((u, i) => (u.model === model && u.size === size ? (results[i] as { seed: number; accuracy: number }[]) : []))
          .sort((a, b) => a.seed - b.seed)
          .map((r) => r.accuracy);
        return { size, mean: mean(accs), std: sampleStd(accs), min: Math.min(...accs), max: Math.max(...accs), accuracies: accs };
      }),
    }));
    const mlp = curves.find((c) => c.model === 'mlp');
    const crossovers = mlp
      ? curves
          .filter((c) => c.model !== 'mlp')
          .flatMap((c) =>
            spec.sizes.slice(1).flatMap((size, k): { model: string; size: number; direction: 'mlp-overtakes' | 'model-overtakes' }[] => {
              const before = mlp.points[k].mean - c.points[k].mean;
              const after = mlp.points[k + 1].mean - c.points[k + 1].mean;
              if (before <= 0 && after > 0) return [{ model: c.model, size, direction: 'mlp-overtakes' }];
              if (before > 0 && after <= 0) return [{ model: c.model, size, direction: 'model-overtakes' }];
              return [];
            }),
          )
      : [];
    const leaderAt = (k: number) => curves.reduce((a, b) => (b.points[k].mean > a.points[k].mean ? b : a)).model;
    const leaders = { smallest: leaderAt(0), largest: leaderAt(spec.sizes.length - 1) };
    const first = subsetData(spec, spec.sizes[0], spec.seeds[0]);
    const trainRows = splitRows(loadTable(spec.dataset, seedStreams(spec.seeds[0]).data), spec.split, seedStreams(spec.seeds[0]).split)
      .train.length;
    const at = (model: string, k: number) => curves.find((c) => c.model === model)!.points[k].mean;
    const last = spec.sizes.length - 1;
    const doc: DataSizeDocument = {
      documentVersion: DOCUMENT_VERSION,
      kind: 'data-size',
      id: await studyId(spec),
      title:
        spec.title ?? `Learning curves: ${spec.dataset.name}, MLP against classic models, ${spec.sizes[0]} to ${spec.sizes[last]} rows`,
      spec,
      environment: describeEnvironment(),
      trainRows,
      testRows: first.testY.length,
      curves,
      crossovers,
      leaders,
      verdict: [
        {
          question: 'Does deep learning need more data than classic ML?',
          answer:
            `With ${spec.sizes[0]} training rows the best model is ${leaders.smallest} (${pct(at(leaders.smallest, 0))}); with ${spec.sizes[last]} it is ${leaders.largest} (${pct(at(leaders.largest, last))}).` +
            (mlp ? ` The MLP goes from ${pct(at('mlp', 0))} to ${pct(at('mlp', last))}.` : '') +
            (crossovers.length
              ? ` Crossovers: ${crossovers.map((x) => (x.direction === 'mlp-overtakes' ? `the MLP overtakes ${x.model} at ${x.size} rows` : `${x.model} overtakes the MLP at ${x.size} rows`)).join('; ')}.`
              : mlp
                ? ' No crossovers: the order between the MLP and each classic model stays the same at every size.'
                : ''),
        },
      ],
    };
    return doc;
  },
};
