import { z } from 'zod';
import { fitClassic } from '../../classic/classifiers.ts';
import { prepareData } from '../../data/prepareData.ts';
import type { PreparedData } from '../../data/table.ts';
import { describeEnvironment } from '../../fingerprint/environment.ts';
import { layerSizes, predictMlp } from '../../model/mlp.ts';
import { createStream, seedStreams, shuffleInPlace, streamSeed } from '../../random/seedStreams.ts';
import { COMPUTE_BUDGET, setupShape } from '../../spec/budget.ts';
import { studyId } from '../../spec/studyId.ts';
import { DOCUMENT_VERSION } from '../../version.ts';
import { MLP_AND_CLASSIC } from '../data-size/spec.ts';
import { runSeeds } from '../runSeeds.ts';
import { defineStudyKind } from '../studyKind.ts';
import { AuditRow, DeterminismAuditDocument, DeterminismAuditDocumentV1, type DeterminismAuditVerdict } from './document.ts';
import { DeterminismAuditSpec } from './spec.ts';

type Model = (typeof MLP_AND_CLASSIC)[number];
const Unit = z.object({ purpose: z.literal('audit'), model: z.enum(MLP_AND_CLASSIC), seeds: z.array(z.number().int()) });
type Unit = z.infer<typeof Unit>;

/** The training rows in another order (a fixed permutation from its own stream); same rows, same test set. */
function permuteRows(data: PreparedData, seed: number): PreparedData {
  const order = Array.from({ length: data.trainY.length }, (_, i) => i);
  shuffleInPlace(order, createStream(streamSeed(seed, 'audit-permutation')));
  const F = data.features;
  const trainX = new Float32Array(data.trainX.length);
  for (const [to, from] of order.entries()) trainX.set(data.trainX.subarray(from * F, from * F + F), to * F);
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

async function fitFour(spec: DeterminismAuditSpec, model: Model): Promise<{ fits: Fit[]; accuracy: number }> {
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
        model,
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

/** The verdict, decided from the audit rows (combine and the version-1 migration both use it). */
function decide(rows: AuditRow[]): DeterminismAuditVerdict[] {
  const alwaysSame = rows.filter((r) => r.category === 'always-same').map((r) => r.model);
  const varies = rows.filter((r) => r.category === 'varies').map((r) => r.model);
  return [{ question: 'always-same-model', outcome: { is: varies.length === 0 ? 'yes' : 'no' }, facts: { alwaysSame, varies } }];
}

export const determinismAudit = defineStudyKind({
  kind: 'determinism-audit',
  specSchema: DeterminismAuditSpec,
  documentSchema: DeterminismAuditDocument,
  partSchema: z.object({ unit: Unit, result: AuditRow }),
  dataset: (spec) => spec.dataset,

  cost(spec) {
    const { rows, parameters, features } = setupShape(spec, 1);
    const epochs = spec.training.epochs;
    const cost = 4 * epochs * rows * parameters + 4 * rows * features * (spec.forestTrees + 20) * 10;
    return { cost, limit: COMPUTE_BUDGET, runs: 4 * spec.models.length, epochs, trainingRows: rows, parameters };
  },

  plan(spec): Unit[] {
    return spec.models.map((model): Unit => ({ purpose: 'audit', model, seeds: [spec.seed] }));
  },

  async runUnit(spec, unit): Promise<AuditRow> {
    const { fits, accuracy } = await fitFour(spec, unit.model);
    const [a, again, other, permuted] = fits;
    const byParameters = a.parameters !== null;
    const identical = (x: Fit, y: Fit) =>
      x.parameters !== null && y.parameters !== null ? same(x.parameters, y.parameters) : same(x.predictions, y.predictions);
    const sameSeedIdentical = identical(a, again);
    const differentSeedIdentical = identical(a, other);
    const permutedRowsIdentical = identical(a, permuted);
    return {
      model: unit.model,
      comparedBy: byParameters ? 'parameters' : 'predictions',
      sameSeedIdentical,
      differentSeedIdentical,
      permutedRowsIdentical,
      predictions: {
        sameSeed: same(a.predictions, again.predictions),
        differentSeed: same(a.predictions, other.predictions),
        permutedRows: same(a.predictions, permuted.predictions),
      },
      testAccuracy: accuracy,
      category: sameSeedIdentical && differentSeedIdentical && permutedRowsIdentical ? 'always-same' : 'varies',
    };
  },

  async combine(spec, parts): Promise<DeterminismAuditDocument> {
    const rows = parts.map((p) => p.result);
    return {
      documentVersion: DOCUMENT_VERSION,
      kind: 'determinism-audit',
      id: await studyId(spec),
      spec,
      environment: describeEnvironment(),
      verdict: decide(rows),
      rows,
    };
  },

  migrateV1(stored): DeterminismAuditDocument {
    const { title: _t, verdict: _v, documentVersion: _d, ...body } = DeterminismAuditDocumentV1.parse(stored);
    return { ...body, documentVersion: DOCUMENT_VERSION, verdict: decide(body.rows) };
  },
});
