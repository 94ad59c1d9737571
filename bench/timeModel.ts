/**
 * Calibrates the time model that sizes units and refuses studies that cannot fit (src/spec/timeModel.ts).
 *
 * For each backend, trains a grid of groups (two datasets, batch sizes 4 to 256, one to three hidden
 * layers, 1 and 10 seeds) and fits time = a + b x seeds + c x steps x layers + d x updates +
 * e x activations + f x flops by least squares of the relative error, with non-negative coefficients; for each classic
 * model, fits time = c x work. The upper factor is the largest ratio of measured to fitted time
 * over the grid. Writes src/spec/timeModel.generated.ts
 * and bench/reference/time-model.json (every point, its prediction and ratio).
 *
 * Run: npm run bench:time-model   (about a minute on the 2-core machine)
 */
import { writeFileSync } from 'node:fs';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { CLASSIC_MODELS, type ClassicModelName, fitClassic } from '../src/classic/classifiers.ts';
import { prepareData } from '../src/data/prepareData.ts';
import { type BackendName, ENGINE_VERSION, parseSpecOfKind, runSeeds } from '../src/index.ts';
import { layerSizes, parameterCount } from '../src/model/mlp.ts';
import { seedStreams } from '../src/random/seedStreams.ts';
import { classicFitWork, mlpTraining, type TimeModel } from '../src/spec/timeModel.ts';

const DATASETS = {
  digits: { dataset: { name: 'digits' }, split: { kind: 'index-mod', k: 4, r: 3 }, scaling: { kind: 'divide', by: 16 } },
  moons: { dataset: { name: 'moons', samples: 2000, noise: 0.2 }, split: { kind: 'stratified' }, scaling: { kind: 'standardize' } },
} as const;
const BATCHES = [4, 32, 256];
const HIDDEN = [[16], [128], [64, 64, 64]];
const SEEDS = [1, 10];

interface Point {
  backend: BackendName;
  config: string;
  seeds: number;
  steps: number;
  layers: number;
  updates: number;
  activations: number;
  flops: number;
  seconds: number;
}

/**
 * Non-negative least squares of relative error: minimizes the sum of ((x . c - y) / y)^2 over
 * c >= 0, by solving the normal equations on every subset of the columns and keeping the best
 * non-negative solution (six columns: 63 subsets).
 */
function fitNonNegative(columns: number[][], y: number[]): number[] {
  const k = columns.length;
  const rows = y.map((yi, i) => ({ x: columns.map((c) => c[i] / yi), t: 1 }));
  let best: { c: number[]; sse: number } | null = null;
  for (let mask = 1; mask < 1 << k; mask++) {
    const cols = [...Array(k).keys()].filter((j) => mask & (1 << j));
    const n = cols.length;
    // Normal equations A c = r, solved by Gauss-Jordan.
    const a = cols.map((p) => [
      ...cols.map((q) => rows.reduce((s, r) => s + r.x[p] * r.x[q], 0)),
      rows.reduce((s, r) => s + r.x[p] * r.t, 0),
    ]);
    for (let i = 0; i < n; i++) {
      const pivot = a[i][i];
      if (Math.abs(pivot) < 1e-300) continue;
      for (let j = i; j <= n; j++) a[i][j] /= pivot;
      for (let r = 0; r < n; r++) if (r !== i) for (let j = n; j >= i; j--) a[r][j] -= a[r][i] * a[i][j];
    }
    const sol = a.map((row) => row[n]);
    if (sol.some((v) => !(v >= 0))) continue;
    const c = Array(k).fill(0);
    cols.forEach((j, i) => {
      c[j] = sol[i];
    });
    const sse = rows.reduce((s, r) => s + (r.x.reduce((u, xj, j) => u + xj * c[j], 0) - r.t) ** 2, 0);
    if (!best || sse < best.sse) best = { c, sse };
  }
  if (!best) throw new Error('no non-negative fit');
  return best.c;
}

const points: Point[] = [];
for (const backend of ['wasm', 'cpu'] as BackendName[]) {
  await useNodeBackend(backend);
  for (const [name, data] of Object.entries(DATASETS)) {
    for (const hidden of HIDDEN) {
      for (const batchSize of BATCHES) {
        for (const seeds of SEEDS) {
          const spec = parseSpecOfKind(
            { ...data, model: { hidden }, training: { optimizer: { kind: 'adam', lr: 0.001 }, batchSize, epochs: 1 }, seeds, backend },
            'seed-variance',
          );
          const prepared = prepareData(spec, seedStreams(1));
          const sizes = layerSizes(prepared.features, spec.model, prepared.classes);
          const shape = {
            rows: prepared.trainY.length,
            testRows: prepared.testY.length,
            parameters: parameterCount(sizes),
            layers: sizes.length - 1,
            units: sizes.slice(1).reduce((a, b) => a + b, 0),
          };
          const [work] = mlpTraining(backend, shape, { seeds, batchSize, epochs: 1 }).training;
          if (backend === 'cpu' && work.flops > 3e9) continue; // minutes on cpu: the grid has enough without it
          await runSeeds(spec, spec.seeds.slice(0, 1)); // warm-up: kernels compiled, data cached
          // A wasm point takes a few milliseconds, where one collector pause doubles a time: the
          // median of five runs. A cpu point takes a tenth of a second or more: one run.
          const times: number[] = [];
          for (let r = 0; r < (backend === 'wasm' ? 5 : 1); r++) {
            const started = performance.now();
            await runSeeds(spec, spec.seeds);
            times.push((performance.now() - started) / 1000);
          }
          const seconds = times.sort((a, b) => a - b)[times.length >> 1];
          points.push({ ...work, config: `${name} ${hidden.join('-')} batch ${batchSize}, ${seeds} seeds`, seconds });
          console.log(`${backend.padEnd(4)} ${points[points.length - 1].config.padEnd(36)} ${seconds.toFixed(3)} s`);
        }
      }
    }
  }
}

const mlp = {} as TimeModel['mlp'];
const report: Record<string, unknown> = {};
for (const backend of ['cpu', 'wasm'] as BackendName[]) {
  const own = points.filter((p) => p.backend === backend);
  const columns = (p: Point) => [1, p.seeds, p.steps * p.layers, p.updates / 1e6, p.activations / 1e6, p.flops / 1e6];
  const c = fitNonNegative(
    [0, 1, 2, 3, 4, 5].map((j) => own.map((p) => columns(p)[j])),
    own.map((p) => p.seconds * 1000),
  );
  const rows = own.map((p) => {
    const predicted = columns(p).reduce((s, x, j) => s + x * c[j], 0) / 1000;
    return { ...p, predicted, ratio: p.seconds / predicted };
  });
  const [msPerTraining, msPerSeed, msPerStepLayer, msPerMegaUpdate, msPerMegaActivation, msPerMegaflop] = c;
  mlp[backend] = {
    msPerTraining,
    msPerSeed,
    msPerStepLayer,
    msPerMegaUpdate,
    msPerMegaActivation,
    msPerMegaflop,
    upperFactor: Math.max(...rows.map((r) => r.ratio)),
  };
  report[backend] = rows;
}

// Classic models: digits subsets and the two-feature moons, one fit and one prediction each.
const classic = {} as TimeModel['classic'];
for (const model of CLASSIC_MODELS) {
  const rows: { config: string; work: number; seconds: number }[] = [];
  for (const [name, data] of Object.entries(DATASETS)) {
    const prepared = prepareData(parseSpecOfKind({ ...data, training: { optimizer: { kind: 'adam' } } }, 'seed-variance'), seedStreams(1));
    for (const n of [200, 600, prepared.trainY.length]) {
      const train = {
        x: prepared.trainX.subarray(0, n * prepared.features),
        y: prepared.trainY.subarray(0, n),
        rows: n,
        features: prepared.features,
        classes: prepared.classes,
      };
      const options = { knnK: 5, forestTrees: 50 };
      const work = classicFitWork(model, {
        rows: n,
        testRows: prepared.testY.length,
        features: prepared.features,
        classes: prepared.classes,
        forestTrees: 50,
      }).work;
      fitClassic(model, train, seedStreams(1).init, options).predict(prepared.testX, prepared.testY.length); // warm-up
      const started = performance.now();
      fitClassic(model, train, seedStreams(2).init, options).predict(prepared.testX, prepared.testY.length);
      rows.push({ config: `${name} ${n} rows`, work, seconds: (performance.now() - started) / 1000 });
    }
  }
  const perWork = rows.map((r) => (r.seconds * 1000) / (r.work / 1e6));
  const c = perWork.reduce((s, v) => s + v, 0) / perWork.length;
  classic[model as ClassicModelName] = { msPerMegaWork: c, upperFactor: Math.max(...perWork.map((v) => v / c)) };
  report[model] = rows.map((r, i) => ({ ...r, ratio: perWork[i] / c }));
  console.log(
    `${model.padEnd(20)} ${c.toFixed(4)} ms per million work units, upper factor ${classic[model as ClassicModelName].upperFactor.toFixed(2)}`,
  );
}

const fitted: TimeModel = {
  measuredOn: `engine ${ENGINE_VERSION}, Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}`,
  mlp,
  classic,
};
writeFileSync(
  'src/spec/timeModel.generated.ts',
  `// Generated by bench/timeModel.ts (npm run bench:time-model). Do not edit by hand.\nimport type { TimeModel } from './timeModel.ts';\n\nexport const FITTED_TIME_MODEL: TimeModel = ${JSON.stringify(fitted, null, 2)};\n`,
);
writeFileSync('bench/reference/time-model.json', `${JSON.stringify({ fitted, points: report }, null, 1)}\n`);
for (const backend of ['cpu', 'wasm'] as BackendName[]) {
  const m = mlp[backend];
  console.log(
    `${backend}: ${m.msPerTraining.toFixed(2)} ms per training + ${m.msPerSeed.toFixed(2)} ms per seed + ${m.msPerStepLayer.toFixed(4)} ms per step and layer + ${m.msPerMegaUpdate.toFixed(4)} ms per million updates + ${m.msPerMegaActivation.toFixed(4)} ms per million activations + ${m.msPerMegaflop.toFixed(4)} ms per Mflop; upper factor ${m.upperFactor.toFixed(2)}`,
  );
}
