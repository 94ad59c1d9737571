import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { trainingSvg } from '../site/src/kinds/seed-variance/charts.ts';
import { cellCentre, cellClass } from '../src/document/decisionRegions.ts';
import { snapshotEpochs } from '../src/document/stepByStep.ts';
import { documentOfKind, parseSpecOfKind, runSeeds, runStudy } from '../src/index.ts';
import { initParams, layerSizes, predictMlp } from '../src/model/mlp.ts';
import { seedStreams } from '../src/random/seedStreams.ts';
import { seedMember } from '../src/studies/runSeeds.ts';
import { firstStepNumbers, kernelStepDifference } from '../src/train/firstStep.ts';
import { drawnClasses } from './drawnMaps.ts';

const moons = {
  dataset: { name: 'moons', samples: 40, noise: 0.2 },
  split: { kind: 'stratified', testFraction: 0.25 },
  scaling: { kind: 'standardize' },
  seeds: 2,
};

describe('snapshotEpochs', () => {
  it('shows the first and the last epoch and a geometric ladder between', () => {
    // By hand: 50^(1/4) = 2.66, 50^(1/2) = 7.07, 50^(3/4) = 18.8.
    expect(snapshotEpochs(50)).toEqual([1, 3, 7, 19, 50]);
    // 3^(1/4) = 1.32, 3^(1/2) = 1.73, 3^(3/4) = 2.28: each epoch once.
    expect(snapshotEpochs(3)).toEqual([1, 2, 3]);
    expect(snapshotEpochs(1)).toEqual([1]);
  });
});

/**
 * An independent reference for one step of a one-hidden-layer relu network: scalar loops in float64
 * over the whole batch (softmax cross-entropy averaged over the rows; backpropagation by hand).
 */
function referenceStep(x: number[][], labels: number[], params: Float32Array[], sizes: number[]) {
  const [F, H, C] = sizes;
  const [W1, b1, W2, b2] = params;
  const g = params.map((p) => new Float64Array(p.length));
  let loss = 0;
  x.forEach((row, r) => {
    const z = Array.from({ length: H }, (_, h) => b1[h] + row.reduce((s, v, i) => s + W1[h * F + i] * v, 0));
    const a = z.map((v) => Math.max(0, v));
    const logits = Array.from({ length: C }, (_, c) => b2[c] + a.reduce((s, v, h) => s + W2[c * H + h] * v, 0));
    const top = Math.max(...logits);
    const e = logits.map((v) => Math.exp(v - top));
    const p = e.map((v) => v / e.reduce((s, w) => s + w, 0));
    loss -= Math.log(p[labels[r]]) / x.length;
    // d loss / d logit = (p - onehot) / rows.
    const dLogit = p.map((v, c) => (v - (c === labels[r] ? 1 : 0)) / x.length);
    for (let c = 0; c < C; c++) {
      g[3][c] += dLogit[c];
      for (let h = 0; h < H; h++) g[2][c * H + h] += dLogit[c] * a[h];
    }
    for (let h = 0; h < H; h++) {
      if (z[h] <= 0) continue;
      const dz = dLogit.reduce((s, d, c) => s + d * W2[c * H + h], 0);
      g[1][h] += dz;
      for (let i = 0; i < F; i++) g[0][h * F + i] += dz * row[i];
    }
  });
  return { loss, gradients: g };
}

describe('a first step in numbers', () => {
  // The whole training set in one batch, so the reference needs no shuffle: 30 training rows.
  const spec = parseSpecOfKind(
    {
      ...moons,
      model: { hidden: [3], activation: 'relu', initializer: 'heUniform', dropout: 0 },
      training: { optimizer: { kind: 'adam', lr: 0.01 }, batchSize: 64, epochs: 2 },
    },
    'seed-variance',
  );

  it('agrees with a scalar reference: the row, the loss, the gradients and Adam’s update', async () => {
    await useNodeBackend('cpu');
    const member = seedMember(spec, 1);
    const { data, sizes, initial } = member;
    const step = await firstStepNumbers(member, spec);
    const rows = data.trainY.length;
    expect(step.batchRows).toBe(rows);
    const x = Array.from({ length: rows }, (_, r) => Array.from(data.trainX.subarray(2 * r, 2 * r + 2)));
    const ref = referenceStep(x, Array.from(data.trainY), initial, sizes);
    expect(step.batchLoss).toBeCloseTo(ref.loss, 6);
    // The row shown is a training row, with its label.
    expect(step.row.x).toEqual(x[step.row.index]);
    expect(step.row.label).toBe(data.trainY[step.row.index]);
    expect(step.row.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 6);
    expect(step.row.loss).toBeCloseTo(-Math.log(step.row.probabilities[step.row.label]), 6);
    // Every parameter's gradient; Adam's first step moves each by lr * g / (|g| + epsilon) (m-hat = g, v-hat = g^2).
    for (const shown of step.parameters) {
      const at = 2 * shown.layer + (shown.kind === 'bias' ? 1 : 0);
      const k = shown.kind === 'bias' ? shown.unit : shown.unit * sizes[shown.layer] + (shown.input ?? 0);
      const g = ref.gradients[at][k];
      expect(shown.before).toBe(initial[at][k]);
      expect(shown.gradient).toBeCloseTo(g, 6);
      expect(shown.after).toBeCloseTo(initial[at][k] - (0.01 * g) / (Math.abs(g) + 1e-7), 6);
    }
    ref.gradients.forEach((g, i) => {
      const largest = Math.max(
        ...Array.from(g, (v, k) => Math.abs(step.after[i][k] - (initial[i][k] - (0.01 * v) / (Math.abs(v) + 1e-7)))),
      );
      expect(largest, `parameter ${i}`).toBeLessThan(1e-6);
    });
    const norm = (l: number) => Math.hypot(...ref.gradients[2 * l], ...ref.gradients[2 * l + 1]);
    expect(step.gradientNorms[0]).toBeCloseTo(norm(0), 6);
    expect(step.gradientNorms[1]).toBeCloseTo(norm(1), 6);
  });

  // The wasm path trains with fused kernels (no host-side gradients): the numbers shown are plain
  // tfjs ops, and must give the kernel's update.
  const cases = {
    'relu, Adam, a batch of 8 of 30 rows': {
      model: { hidden: [5] },
      training: { optimizer: { kind: 'adam', lr: 0.05 }, batchSize: 8, epochs: 1 },
    },
    'tanh, two layers, dropout, SGD with momentum, shuffled reductions': {
      model: { hidden: [6, 5], activation: 'tanh', dropout: 0.2 },
      training: { optimizer: { kind: 'sgd', lr: 0.1, momentum: 0.9 }, batchSize: 10, epochs: 1, reductionOrder: 'shuffled' },
    },
    'sigmoid, 64 units (past the kernel’s 48-row blocks), plain SGD': {
      model: { hidden: [64], activation: 'sigmoid' },
      training: { optimizer: { kind: 'sgd', lr: 0.5 }, batchSize: 16, epochs: 1 },
    },
  } as const;
  for (const [name, setup] of Object.entries(cases)) {
    it(`gives the fused kernel’s update within 1e-6: ${name}`, async () => {
      await useNodeBackend('wasm');
      const caseSpec = parseSpecOfKind({ ...moons, ...setup }, 'seed-variance');
      const step = await firstStepNumbers(seedMember(caseSpec, 3), caseSpec);
      const difference = await kernelStepDifference(seedMember(caseSpec, 3), caseSpec, step.after);
      expect(difference).toBeLessThan(1e-6);
      // The step moved the weights: a difference of zero would not be a comparison.
      const moved = step.parameters.some((p) => p.after !== p.before);
      expect(moved).toBe(true);
    });
  }
});

describe('a seed-variance report’s walk-through on moons', () => {
  const spec = parseSpecOfKind(
    {
      dataset: { name: 'moons', samples: 120, noise: 0.2 },
      split: { kind: 'stratified', testFraction: 0.25 },
      scaling: { kind: 'standardize' },
      model: { hidden: [8], activation: 'relu', initializer: 'heUniform', dropout: 0 },
      training: { optimizer: { kind: 'adam', lr: 0.05 }, batchSize: 16, epochs: 8 },
      seeds: [4, 5, 6],
    },
    'seed-variance',
  );

  it('follows the first seed: its map before training and after epochs 1, 2, 3, 5 and 8, each what its network predicted then', async () => {
    await useNodeBackend('wasm');
    const doc = documentOfKind(await runStudy(spec, { groupSize: 3 }), 'seed-variance');
    const walk = doc.stepByStep;
    if (!walk) throw new Error('no walk-through on a two-feature table');
    expect(walk.seed).toBe(4);
    // By hand: 8^(1/4) = 1.68, 8^(1/2) = 2.83, 8^(3/4) = 4.76.
    expect(walk.snapshots.map((s) => s.epoch)).toEqual([1, 2, 3, 5, 8]);
    expect(walk.firstStep.backend).toBe('wasm');
    expect(walk.firstStep.kernelDifference).toBeLessThan(1e-6);
    const cells = [
      [0, 0],
      [7, 31],
      [20, 20],
      [39, 12],
    ] as const;
    for (const snapshot of [walk.snapshots[1], walk.snapshots[3]]) {
      // The seed trained again for just that many epochs: the same network (each epoch's order is the next draw of its stream).
      const shorter = { ...spec, training: { ...spec.training, epochs: snapshot.epoch } };
      const [outcome] = await runSeeds(shorter, [4]);
      const sizes = layerSizes(2, spec.model, 2);
      for (const [column, row] of cells) {
        const [predicted] = predictMlp(outcome.params, sizes, 'relu', Float32Array.from(cellCentre(snapshot, column, row)), 1);
        expect(cellClass(snapshot, column, row), `epoch ${snapshot.epoch}, cell ${column}, ${row}`).toBe(predicted);
      }
      expect(snapshot.trainLoss).toBe(outcome.record.trainLoss);
      expect(snapshot.testAccuracy).toBe(outcome.record.testAccuracy);
    }
    // Before training: the seed's initial weights.
    const initial = initParams(layerSizes(2, spec.model, 2), 'heUniform', seedStreams(4, spec.pins).init);
    for (const [column, row] of cells) {
      const [predicted] = predictMlp(
        initial,
        layerSizes(2, spec.model, 2),
        'relu',
        Float32Array.from(cellCentre(walk.initial, column, row)),
        1,
      );
      expect(cellClass(walk.initial, column, row)).toBe(predicted);
    }
    // What the chart draws: each map's image, pixel for cell.
    const drawn = drawnClasses(trainingSvg(doc, 'en'));
    expect(drawn).toHaveLength(1 + walk.snapshots.length);
    for (const [k, map] of [walk.initial, ...walk.snapshots].entries())
      for (const [column, row] of cells) expect(drawn[k](column, row)).toBe(cellClass(map, column, row));
    // The runs in the document carry none of it.
    expect(doc.runs.some((r) => 'stepByStep' in r)).toBe(false);
  });

  it('is absent on a table with more than two features', async () => {
    await useNodeBackend('cpu');
    const iris = parseSpecOfKind(
      { ...spec, dataset: { name: 'iris' }, seeds: 2, training: { ...spec.training, epochs: 2 } },
      'seed-variance',
    );
    const doc = documentOfKind(await runStudy(iris, { groupSize: 2 }), 'seed-variance');
    expect(doc.stepByStep).toBeUndefined();
  });
});
