import { z } from 'zod';
import { fitClassic } from '../../classic/classifiers.ts';
import { prepareData } from '../../data/prepareData.ts';
import type { PreparedData } from '../../data/table.ts';
import { layerSizes, predictMlp } from '../../model/mlp.ts';
import { createStream, seedStreams, shuffleInPlace, streamSeed } from '../../random/seedStreams.ts';
import { seedGroupWork, setupShape } from '../../spec/budget.ts';
import { addWork, classicFitWork } from '../../spec/timeModel.ts';
import { MLP_AND_CLASSIC } from '../data-size/spec.ts';
import { runSeeds } from '../runSeeds.ts';
import { bodyUnchanged, type DocumentBody, defineStudyKind } from '../studyKind.ts';
import {
  AuditRow,
  type Comparison,
  DETERMINISM_CLASSES,
  DeterminismAuditDocument,
  DeterminismAuditDocumentV1,
  type DeterminismAuditVerdict,
} from './document.ts';
import { DeterminismAuditDigest, determinismAuditDigest, readings } from './readings.ts';
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

/** The MLP's parameters, flattened into one array (float32, as trained). */
const flatParameters = (params: ArrayLike<number>[]) => {
  const flat = new Float32Array(params.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of params) {
    flat.set(p, at);
    at += p.length;
  }
  return flat;
};

/**
 * Four fits of one algorithm: the seed; the seed again (with shuffled reductions, a second run
 * that sums in another order); another seed on the same data and split (so only the algorithm's
 * own randomness changes); the seed with the training rows in another order.
 */
async function fitFour(spec: DeterminismAuditSpec, model: Model): Promise<{ fits: Fit[]; accuracy: number; drift: number[] | null }> {
  const base = prepareData(spec, seedStreams(spec.seed, spec.pins));
  const variants: { seed: number; data: PreparedData; instance: number }[] = [
    { seed: spec.seed, data: base, instance: 0 },
    { seed: spec.seed, data: base, instance: 1 },
    { seed: spec.otherSeed, data: base, instance: 0 },
    { seed: spec.seed, data: permuteRows(base, spec.seed), instance: 0 },
  ];
  const fits: Fit[] = [];
  // The same seed's two fits, epoch by epoch: the first's parameters are kept (float32, one copy per
  // epoch) and the second is compared as it trains, so the unit holds one fit's history, not two.
  const firstEpochs: Float32Array[] = [];
  const drift: number[] = [];
  const onEpochParams = [
    (params: ArrayLike<number>[]) => void firstEpochs.push(flatParameters(params)),
    (params: ArrayLike<number>[]) => void drift.push(maxAbsDiff(flatParameters(params), firstEpochs[drift.length])),
  ];
  for (const [i, v] of variants.entries()) {
    if (model === 'mlp') {
      const record = onEpochParams[i];
      const [o] = await runSeeds(spec, [v.seed], {
        prepare: () => v.data,
        instance: v.instance,
        onEpochParams: record && ((_epoch, params) => record(params[0])),
      });
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
  return { fits, accuracy, drift: model === 'mlp' ? drift : null };
}

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
};

/** Bit-identical; the same predictions with other parameters; or other predictions. */
function compareFits(a: Fit, b: Fit): Comparison {
  const comparable = a.parameters !== null && b.parameters !== null && a.parameters.length === b.parameters.length;
  const maxAbsParameterDiff = comparable && a.parameters && b.parameters ? maxAbsDiff(a.parameters, b.parameters) : null;
  const identical = a.parameters !== null && b.parameters !== null ? same(a.parameters, b.parameters) : same(a.predictions, b.predictions);
  if (identical) return { outcome: 'bit-identical', maxAbsParameterDiff };
  return { outcome: same(a.predictions, b.predictions) ? 'same-predictions' : 'different-predictions', maxAbsParameterDiff };
}

/** The class from the bit-identical comparisons: the first that applies of nondeterministic, seed-dependent, order-dependent. */
function classify(r: {
  sameSeedIdentical: boolean;
  differentSeedIdentical: boolean;
  permutedRowsIdentical: boolean;
}): AuditRow['category'] {
  if (!r.sameSeedIdentical) return 'nondeterministic';
  if (!r.differentSeedIdentical) return 'seed-dependent';
  if (!r.permutedRowsIdentical) return 'order-dependent';
  return 'deterministic';
}

/** The verdict, decided from the audit rows (combine and the version-1 migration both use it). */
function decide(rows: AuditRow[]): DeterminismAuditVerdict[] {
  const byClass = Object.fromEntries(
    DETERMINISM_CLASSES.map((c) => [c, rows.filter((r) => r.category === c).map((r) => r.model)]),
  ) as DeterminismAuditVerdict['facts'];
  const yes = rows.every((r) => r.category === 'deterministic');
  return [{ question: 'always-same-model', outcome: { is: yes ? 'yes' : 'no' }, facts: byClass }];
}

export const determinismAudit = defineStudyKind({
  kind: 'determinism-audit',
  specSchema: DeterminismAuditSpec,
  documentSchema: DeterminismAuditDocument,
  dataset: (spec) => spec.dataset,
  digest: { schema: DeterminismAuditDigest, of: determinismAuditDigest },
  readings,

  training: {
    partSchema: z.object({ unit: Unit, result: AuditRow }),
    unitWork(spec, unit: Unit) {
      // Four fits: the seed, the same seed again, another seed, the rows reordered.
      const one =
        unit.model === 'mlp'
          ? seedGroupWork(spec, spec.backend, 1, spec.seed)
          : { training: [], classic: [classicFitWork(unit.model, { ...setupShape(spec, spec.seed), forestTrees: spec.forestTrees })] };
      return addWork(one, one, one, one);
    },

    plan(spec): Unit[] {
      return spec.models.map((model): Unit => ({ purpose: 'audit', model, seeds: [spec.seed] }));
    },

    async runUnit(spec, unit): Promise<AuditRow> {
      const { fits, accuracy, drift } = await fitFour(spec, unit.model);
      const [first, again, other, permuted] = fits;
      const comparisons = {
        sameSeed: compareFits(first, again),
        differentSeed: compareFits(first, other),
        permutedRows: compareFits(first, permuted),
      };
      const identical = {
        sameSeedIdentical: comparisons.sameSeed.outcome === 'bit-identical',
        differentSeedIdentical: comparisons.differentSeed.outcome === 'bit-identical',
        permutedRowsIdentical: comparisons.permutedRows.outcome === 'bit-identical',
      };
      return {
        model: unit.model,
        comparedBy: first.parameters !== null ? 'parameters' : 'predictions',
        ...identical,
        predictions: {
          sameSeed: same(first.predictions, again.predictions),
          differentSeed: same(first.predictions, other.predictions),
          permutedRows: same(first.predictions, permuted.predictions),
        },
        testAccuracy: accuracy,
        comparisons,
        category: classify(identical),
        drift: drift === null ? null : drift.map((maxAbsWeightDiff, e) => ({ epoch: e + 1, maxAbsWeightDiff })),
      };
    },
  },
  async combine(_spec, parts): Promise<DocumentBody<DeterminismAuditDocument>> {
    const rows = parts.map((p) => p.result);
    return {
      verdict: decide(rows),
      rows,
    };
  },

  migrations: {
    /** Version 1 to 2: the numbers kept, the verdict decided as combine decides it (the English answers and the title dropped). */
    1(stored): DocumentBody<DeterminismAuditDocument> {
      const { title: _t, verdict: _v, documentVersion: _d, rows: v1Rows, ...body } = DeterminismAuditDocumentV1.parse(stored);
      // Version 1 kept only whether fits were bit-identical and whether predictions matched.
      const fromV1 = (identical: boolean, samePredictions: boolean, byParameters: boolean): Comparison => ({
        outcome: identical ? 'bit-identical' : samePredictions ? 'same-predictions' : 'different-predictions',
        maxAbsParameterDiff: identical && byParameters ? 0 : null,
      });
      const rows = v1Rows.map(({ category: _c, ...r }) => {
        const byParameters = r.comparedBy === 'parameters';
        return {
          ...r,
          comparisons: {
            sameSeed: fromV1(r.sameSeedIdentical, r.predictions.sameSeed, byParameters),
            differentSeed: fromV1(r.differentSeedIdentical, r.predictions.differentSeed, byParameters),
            permutedRows: fromV1(r.permutedRowsIdentical, r.predictions.permutedRows, byParameters),
          },
          category: classify(r),
          drift: null,
        };
      });
      return { ...body, rows, verdict: decide(rows) };
    },
    /** Version 2 to 3: this kind's body did not change. */
    2: bodyUnchanged,
  },
});
