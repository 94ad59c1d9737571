import { fitClassic, type ClassicModelName } from '../classic/classifiers.ts';
import { prepareData } from '../data/prepareData.ts';
import type { PreparedData } from '../data/table.ts';
import type { DeterminismAuditDocument } from '../document/studyDocument.ts';
import { describeEnvironment } from '../fingerprint/environment.ts';
import { layerSizes, predictMlp } from '../model/mlp.ts';
import { createStream, seedStreams, shuffleInPlace, streamSeed } from '../random/seedStreams.ts';
import type { DeterminismAuditSpec } from '../spec/schema.ts';
import { studyId } from '../spec/studyId.ts';
import { DOCUMENT_VERSION } from '../version.ts';
import { runSeeds } from './runSeeds.ts';
import type { StudyKindModule } from './studyKind.ts';

type Row = DeterminismAuditDocument['rows'][number];

/** The training rows in another order (a fixed permutation from its own stream); same rows, same test set. */
function permuteRows(data: PreparedData, seed: number): PreparedData {
  const order = Array.from({ length: data.trainY.length }, (_, i) => i);
  shuffleInPlace(order, createStream(streamSeed(seed, 'audit-permutation')));
  const F = data.features;
  const trainX = new Float32Array(data.trainX.length);
  order.forEach((from, to) => trainX.set(data.trainX.subarray(from * F, from * F + F), to * F));
  return {
    ...data,
    trainX,
    trainY: Int32Array.from(order, (from) => data.trainY[from]),
    trainRows: Int32Array.from(order, (from) => data.trainRows[from]),
  };
}

const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.prototype.every.call(a, (v: number, i: number) => Object.is(v, b[i]));

interface Fit {
  parameters: number[] | null;
  predictions: Int32Array;
}

async function fitFour(spec: DeterminismAuditSpec, model: string): Promise<{ fits: Fit[]; accuracy: number }> {
  const base = prepareData(spec, seedStreams(spec.seed, spec.pins));
  const variants: { seed: number; data: PreparedData }[] = [
    { seed: spec.seed, data: base },
    { seed: spec.seed, data: base },
    { seed: spec.otherSeed, data: prepareData(spec, seedStreams(spec.otherSeed, spec.pins)) },
    { seed: spec.seed, data: permuteRows(base, spec.seed) },
  ];
  const fits: Fit[] = [];
  for (const v of variants) {
    if (model === 'mlp') {
      const [o] = await runSeeds(spec, [v.seed], { prepare: () => v.data });
      const sizes = layerSizes(v.data.features, spec.model, v.data.classes);
      fits.push({
        parameters: o.params.flatMap((p) => Array.from(p)),
        predictions: predictMlp(o.params, sizes, spec.model.activation, base.testX, base.testY.length),
      });
    } else {
      const d = v.data;
      const m = fitClassic(
        model as ClassicModelName,
        { x: d.trainX, y: d.trainY, rows: d.trainY.length, features: d.features, classes: d.classes },
        seedStreams(v.seed, spec.pins).init,
        spec,
      );
      fits.push({ parameters: m.parameters(), predictions: m.predict(base.testX, base.testY.length) });
    }
  }
  const accuracy = fits[0].predictions.filter((p, i) => p === base.testY[i]).length / base.testY.length;
  return { fits, accuracy };
}

export const determinismAudit: StudyKindModule<DeterminismAuditSpec> = {
  plan(spec) {
    return spec.models.map((model) => ({ purpose: 'audit', model, seeds: [spec.seed] }));
  },

  async runUnit(spec, unit): Promise<Row> {
    const { fits, accuracy } = await fitFour(spec, unit.model as string);
    const [a, again, other, permuted] = fits;
    const byParameters = a.parameters !== null;
    const identical = (x: Fit, y: Fit) => (byParameters ? same(x.parameters!, y.parameters!) : same(x.predictions, y.predictions));
    const row: Row = {
      model: unit.model as string,
      comparedBy: byParameters ? 'parameters' : 'predictions',
      sameSeedIdentical: identical(a, again),
      differentSeedIdentical: identical(a, other),
      permutedRowsIdentical: identical(a, permuted),
      predictions: {
        sameSeed: same(a.predictions, again.predictions),
        differentSeed: same(a.predictions, other.predictions),
        permutedRows: same(a.predictions, permuted.predictions),
      },
      testAccuracy: accuracy,
      category: 'varies',
    };
    row.category = row.sameSeedIdentical && row.differentSeedIdentical && row.permutedRowsIdentical ? 'always-same' : 'varies';
    return row;
  },

  async combine(spec, _units, results) {
    const rows = results as Row[];
    const always = rows.filter((r) => r.category === 'always-same').map((r) => r.model);
    const varies = rows.filter((r) => r.category === 'varies').map((r) => r.model);
    const doc: DeterminismAuditDocument = {
      documentVersion: DOCUMENT_VERSION,
      kind: 'determinism-audit',
      id: await studyId(spec),
      title: spec.title ?? `Determinism audit: ${spec.dataset.name}, ${rows.length} algorithms`,
      spec,
      environment: describeEnvironment(),
      rows,
      verdict: [
        {
          question: 'Does every algorithm give the same model every time?',
          answer:
            `Always the same model (same seed, another seed, rows in another order): ${always.join(', ') || 'none'}. ` +
            `A different model when the seed or the row order changes: ${
              varies
                .map((m) => {
                  const r = rows.find((x) => x.model === m)!;
                  const why = [
                    !r.sameSeedIdentical && 'even with the same seed',
                    !r.differentSeedIdentical && 'with another seed',
                    !r.permutedRowsIdentical && 'with rows reordered',
                  ]
                    .filter(Boolean)
                    .join(', ');
                  return `${m} (${why})`;
                })
                .join('; ') || 'none'
            }.`,
        },
      ],
    };
    return doc;
  },
};
