/**
 * Calibrates the time model that sizes units and refuses studies that cannot fit (src/spec/timeModel.ts).
 *
 * For each backend, trains a grid of groups (two datasets, batch sizes 4 to 256, one to three hidden
 * layers up to 512 wide, 1 and 10 seeds, enough epochs for a tenth of a second) and fits time = a +
 * b x seeds + c x steps x layers + d x updates + e x activations + f x flops by least squares of the
 * relative error, with non-negative coefficients; for each classic model, time = a + c x work by least
 * squares of the absolute error. The upper factor is the largest ratio of measured to fitted time over
 * the points of 50 ms or more. Writes src/spec/timeModel.generated.ts and
 * bench/reference/time-model.json (every point, its prediction and ratio); then, in a fresh process,
 * checks the bound on the largest accepted unit of every kind (bench/extremeSpecs.ts).
 *
 * Run: npm run bench:time-model   (about twelve minutes on the 2-core machine; -- --classic-only: the
 * classic models alone)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { CLASSIC_MODELS, type ClassicModelName, DEFAULT_CLASSIC_OPTIONS, fitClassic } from '../src/classic/classifiers.ts';
import { prepareData } from '../src/data/prepareData.ts';
import { type BackendName, ENGINE_VERSION, parseSpecOfKind, runSeeds, seedList } from '../src/index.ts';
import { layerSizes, parameterCount } from '../src/model/mlp.ts';
import { seedStreams } from '../src/random/seedStreams.ts';
import { FITTED_TIME_MODEL } from '../src/spec/timeModel.generated.ts';
import { classicFitWork, mlpTraining, type TimeModel } from '../src/spec/timeModel.ts';

const DATASETS = {
  digits: { dataset: { name: 'digits' }, split: { kind: 'index-mod', k: 4, r: 3 }, scaling: { kind: 'divide', by: 16 } },
  moons: { dataset: { name: 'moons', samples: 2000, noise: 0.2 }, split: { kind: 'stratified' }, scaling: { kind: 'standardize' } },
} as const;
const BATCHES = [4, 32, 256];
// Up to the widest layers the spec takes (512): the largest accepted studies are wide, and a fit on
// small layers alone underestimated them (bench/README.md, "The time model").
const HIDDEN = [[16], [128], [64, 64, 64], [512, 512]];
const SEEDS = [1, 10];

/**
 * The upper factor comes from the points that took at least this long. Below it a time is a few
 * timer ticks and collector pauses (one 7-11 ms point gave ratios from 2.2 to 3.7 in three runs), and such work
 * is far from any limit; the extremes below check the bound where it matters.
 */
const UPPER_FROM_SECONDS = 0.05;

/** A grid point trains at least this long (more epochs, up to 20), so per-step overheads show. */
const MIN_POINT_SECONDS = 0.1;

/** The largest measured-to-fitted ratio over the points long enough to count (all, if none is). */
function upperFactorOf(points: { seconds: number }[], ratios: number[]): number {
  const counted = ratios.filter((_, i) => points[i].seconds >= UPPER_FROM_SECONDS);
  return Math.max(...(counted.length ? counted : ratios));
}

/** A tiny digits training: compiles the kernels and caches the data before anything is timed. */
const WARM_UP = { ...DATASETS.digits, model: { hidden: [16] }, training: { optimizer: { kind: 'adam' }, epochs: 1 }, seeds: 1 };

// --classic-only refits the classic models alone (a new model, about a minute) and keeps the MLP's
// coefficients and points as the last full run wrote them.
const { values: args } = parseArgs({
  options: { 'extremes-only': { type: 'boolean', default: false }, 'classic-only': { type: 'boolean', default: false } },
});
if (args['extremes-only']) {
  await measureExtremes();
  process.exit(0);
}

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
 * Non-negative least squares of relative error (minimizes the sum of ((x . c - y) / y)^2 over
 * c >= 0) or of absolute error ((x . c - y)^2), by solving the normal equations on every subset of
 * the columns and keeping the best non-negative solution (six columns: 63 subsets).
 */
function fitNonNegative(columns: number[][], y: number[], error: 'relative' | 'absolute' = 'relative'): number[] {
  const k = columns.length;
  const rows = y.map((yi, i) =>
    error === 'relative' ? { x: columns.map((c) => c[i] / yi), t: 1 } : { x: columns.map((c) => c[i]), t: yi },
  );
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
for (const backend of args['classic-only'] ? [] : (['wasm', 'cpu'] as BackendName[])) {
  await useNodeBackend(backend);
  for (const [name, data] of Object.entries(DATASETS)) {
    for (const hidden of HIDDEN) {
      for (const batchSize of BATCHES) {
        for (const seeds of SEEDS) {
          const specFor = (epochs: number) =>
            parseSpecOfKind(
              { ...data, model: { hidden }, training: { optimizer: { kind: 'adam', lr: 0.001 }, batchSize, epochs }, seeds, backend },
              'seed-variance',
            );
          const prepared = prepareData(specFor(1), seedStreams(1));
          const sizes = layerSizes(prepared.features, specFor(1).model, prepared.classes);
          const shape = {
            rows: prepared.trainY.length,
            testRows: prepared.testY.length,
            parameters: parameterCount(sizes),
            layers: sizes.length - 1,
            units: sizes.slice(1).reduce((a, b) => a + b, 0),
          };
          const [oneEpoch] = mlpTraining(backend, shape, { seeds, batchSize, epochs: 1 }).training;
          if (backend === 'cpu' && oneEpoch.flops > 3e9) continue; // minutes on cpu: the grid has enough without it
          // Warm-up (kernels compiled, data cached), timed: a point shorter than MIN_POINT_SECONDS trains
          // more epochs, so the per-step costs of small networks are measured, not timer ticks.
          const warmUp = performance.now();
          await runSeeds(specFor(1), [1]);
          const oneSeedEpoch = (performance.now() - warmUp) / 1000;
          const epochs = Math.min(20, Math.max(1, Math.ceil(MIN_POINT_SECONDS / (oneSeedEpoch * Math.sqrt(seeds)))));
          const spec = specFor(epochs);
          const [work] = mlpTraining(backend, shape, { seeds, batchSize, epochs }).training;
          // One collector pause can still double a short wasm time: the median of five runs. A cpu
          // point takes a tenth of a second or more: one run.
          const times: number[] = [];
          for (let r = 0; r < (backend === 'wasm' ? 5 : 1); r++) {
            const started = performance.now();
            await runSeeds(spec, seedList(spec.seeds));
            times.push((performance.now() - started) / 1000);
          }
          const seconds = times.sort((a, b) => a - b)[times.length >> 1];
          points.push({ ...work, config: `${name} ${hidden.join('-')} batch ${batchSize}, ${seeds} seeds, ${epochs} epochs`, seconds });
          console.log(`${backend.padEnd(4)} ${points[points.length - 1].config.padEnd(36)} ${seconds.toFixed(3)} s`);
        }
      }
    }
  }
}

const mlp = {} as TimeModel['mlp'];
const report: Record<string, unknown> = {};
if (args['classic-only']) {
  const last = JSON.parse(readFileSync('bench/reference/time-model.json', 'utf8')) as { points: Record<string, unknown> };
  for (const backend of ['cpu', 'wasm'] as BackendName[]) {
    mlp[backend] = FITTED_TIME_MODEL.mlp[backend];
    report[backend] = last.points[backend];
  }
}
for (const backend of args['classic-only'] ? [] : (['cpu', 'wasm'] as BackendName[])) {
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
    upperFactor: upperFactorOf(
      rows,
      rows.map((r) => r.ratio),
    ),
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
      // The forest also at the most trees a spec takes, on the full set.
      for (const forestTrees of model === 'random-forest' && n === prepared.trainY.length ? [50, 300] : [50]) {
        const options = { ...DEFAULT_CLASSIC_OPTIONS, forestTrees };
        const work = classicFitWork(model, {
          rows: n,
          testRows: prepared.testY.length,
          features: prepared.features,
          classes: prepared.classes,
          forestTrees,
        }).work;
        fitClassic(model, train, seedStreams(1).init, options).predict(prepared.testX, prepared.testY.length); // warm-up
        const timeOnce = () => {
          const started = performance.now();
          fitClassic(model, train, seedStreams(2).init, options).predict(prepared.testX, prepared.testY.length);
          return (performance.now() - started) / 1000;
        };
        // A fit of a few milliseconds is a few timer ticks and maybe a collector pause: the median of five.
        const first = timeOnce();
        const times = first < UPPER_FROM_SECONDS ? [first, ...Array.from({ length: 4 }, timeOnce)] : [first];
        rows.push({ config: `${name} ${n} rows, ${forestTrees} trees`, work, seconds: times.sort((a, b) => a - b)[times.length >> 1] });
      }
    }
  }
  // A fixed cost per fit and a cost per unit of work, by least squares of the absolute error, so the
  // large fits (the ones near a limit) decide it: a single cost per work, averaged over ratios, let the
  // fits of a few milliseconds on moons overestimate the large digits fits five times, and a relative
  // fit let them underestimate them ten times.
  const [msPerFit, msPerMegaWork] = fitNonNegative(
    [rows.map(() => 1), rows.map((r) => r.work / 1e6)],
    rows.map((r) => r.seconds * 1000),
    'absolute',
  );
  const ratios = rows.map((r) => (r.seconds * 1000) / (msPerFit + (msPerMegaWork * r.work) / 1e6));
  classic[model as ClassicModelName] = { msPerFit, msPerMegaWork, upperFactor: upperFactorOf(rows, ratios) };
  report[model] = rows.map((r, i) => ({ ...r, ratio: ratios[i] }));
  console.log(
    `${model.padEnd(20)} ${msPerFit.toFixed(3)} ms per fit + ${msPerMegaWork.toFixed(4)} ms per million work units, upper factor ${upperFactorOf(rows, ratios).toFixed(2)}`,
  );
}

const fitted: TimeModel = {
  measuredOn: args['classic-only']
    ? `${FITTED_TIME_MODEL.measuredOn.split('; classic models')[0]}; classic models: engine ${ENGINE_VERSION}, Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}`
    : `engine ${ENGINE_VERSION}, Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}`,
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

// The extremes are planned with the model just written, so they run in a fresh process that imports it.
const child = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'bench/timeModel.ts', '--extremes-only'], { stdio: 'inherit' });
if (child.status !== 0) process.exit(child.status ?? 1);

/**
 * Trains the largest unit of the largest accepted spec of every extreme family (bench/extremeSpecs.ts)
 * and compares its CPU time with the model's upper bound: the model holds if every ratio is at most 1.
 * Writes them to bench/reference/time-model.json under `extremes`.
 */
async function measureExtremes() {
  const { EXTREME_FAMILIES, extremeOf } = await import('./extremeSpecs.ts');
  const { runStudyUnit } = await import('../src/index.ts');
  const rows = [];
  const warmed = new Set<BackendName>();
  for (const family of EXTREME_FAMILIES) {
    const extreme = extremeOf(family);
    const backend = (extreme.spec as { backend?: BackendName }).backend ?? 'wasm';
    if (!warmed.has(backend)) {
      await useNodeBackend(backend);
      await runSeeds(parseSpecOfKind({ ...WARM_UP, backend }, 'seed-variance'), [1]);
      warmed.add(backend);
    }
    await useNodeBackend(backend);
    const cpu = process.cpuUsage();
    const started = performance.now();
    await runStudyUnit(extreme.spec, extreme.unit, { switchBackend: useNodeBackend });
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const row = {
      name: extreme.name,
      knob: `${extreme.knob} ${extreme.value}`,
      units: extreme.units,
      unit: extreme.unit,
      estimate: extreme.seconds.estimate,
      upper: extreme.seconds.upper,
      cpuSeconds,
      wallSeconds: (performance.now() - started) / 1000,
      ratio: cpuSeconds / extreme.seconds.upper,
    };
    rows.push(row);
    console.log(
      `${row.name.padEnd(58)} ${row.knob.padEnd(18)} upper ${row.upper.toFixed(2).padStart(6)} s, measured ${cpuSeconds.toFixed(2).padStart(6)} s of CPU: ${row.ratio.toFixed(2)}`,
    );
  }
  // The table bench/README.md shows.
  console.log('\n| extreme (kind: data, layers) | largest accepted | unit | upper (s) | measured CPU (s) | measured / upper |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows)
    console.log(
      `| ${r.name} | ${r.knob} | ${describeUnit(r.unit)} of ${r.units} | ${r.upper.toFixed(2)} | ${r.cpuSeconds.toFixed(2)} | ${r.ratio.toFixed(2)} |`,
    );
  const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  console.log(`worst measured/upper over the extremes: ${worst.ratio.toFixed(2)} (${worst.name})`);
  if (worst.ratio > 1) {
    console.error('the model does not hold on the extremes: widen it (or refit with points like the one over)');
    process.exitCode = 1;
  }
  const reference = JSON.parse(readFileSync('bench/reference/time-model.json', 'utf8'));
  writeFileSync('bench/reference/time-model.json', `${JSON.stringify({ ...reference, extremes: rows }, null, 1)}\n`);
}

/** A unit in a few words: its purpose, its model or arm, its seeds. */
function describeUnit(unit: object): string {
  const { purpose, seeds, ...rest } = unit as Record<string, unknown>;
  const detail = Object.values(rest).join(' ');
  return `${purpose}${detail ? ` ${detail}` : ''}, ${(seeds as number[]).length} seed${(seeds as number[]).length === 1 ? '' : 's'}`;
}
