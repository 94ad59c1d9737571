/**
 * `npm run bench:classic`: every classic model's fit and prediction, side by side with scikit-learn
 * (one thread each, the same rows), on the fits of the digits-data-size preset: 6 sizes x 10 seeds.
 * Interleaved by size (the two sides alternate which goes first), so a slower minute of the machine
 * lands on both. scikit-learn runs in /usr/bin/python3 (Debian: python3-sklearn), called per size
 * with the subsets' row indices (bench/sklearn_classic.py). Writes bench/reference/classic-side-by-side.json;
 * `npm run readme:presets` turns it into the README's table. Not a test: no Python in CI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLASSIC_MODELS, type ClassicModelName } from '../src/classic/classifiers.ts';
import { ENGINE_VERSION } from '../src/index.ts';
import { pairedDifference } from '../src/stats/paired.ts';
import { mean, sampleStd } from '../src/stats/summarize.ts';
import { dataSizeSubsets, timedClassicFit } from './dataSizeSubsets.ts';

interface SideFit {
  size: number;
  seed: number;
  seconds: Record<ClassicModelName, number>;
  predictions: Record<ClassicModelName, string>;
}

const { spec, fits } = dataSizeSubsets('digits-data-size');
const dir = mkdtempSync(join(tmpdir(), 'seedlab-classic-'));
const ours: SideFit[] = [];
const theirs: SideFit[] = [];
let sklearn = '';
const testY = fits[0].data.testY;

function fitOurs(size: number) {
  for (const subset of fits.filter((f) => f.size === size)) {
    const fit = { size, seed: subset.seed, seconds: {}, predictions: {} } as SideFit;
    for (const model of CLASSIC_MODELS) {
      const { predictions, seconds } = timedClassicFit(model, spec, subset);
      fit.seconds[model] = seconds;
      fit.predictions[model] = predictions.join('');
    }
    ours.push(fit);
  }
}

function fitTheirs(size: number) {
  const input = join(dir, `rows-${size}.json`);
  const output = join(dir, `out-${size}.json`);
  writeFileSync(input, JSON.stringify({ fits: fits.filter((f) => f.size === size).map(({ size, seed, rows }) => ({ size, seed, rows })) }));
  const run = spawnSync('/usr/bin/python3', ['bench/sklearn_classic.py', input, output], {
    stdio: 'inherit',
    env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
  });
  if (run.status !== 0) throw new Error('bench/sklearn_classic.py failed (is python3-sklearn installed?)');
  const out = JSON.parse(readFileSync(output, 'utf8')) as { sklearn: string; fits: SideFit[] };
  sklearn = out.sklearn;
  theirs.push(...out.fits);
}

// Warm-up: one fit of each model on the smallest size, not counted.
fitOurs(spec.sizes[0]);
ours.length = 0;
spec.sizes.forEach((size, i) => {
  for (const side of i % 2 ? [fitTheirs, fitOurs] : [fitOurs, fitTheirs]) side(size);
  console.log(`${size} rows: done`);
});

const accuracy = (predictions: string) => [...predictions].filter((p, i) => Number(p) === testY[i]).length / testY.length;
const key = (f: { size: number; seed: number }) => `${f.size}/${f.seed}`;
const theirsBy = new Map(theirs.map((f) => [key(f), f]));
const models = CLASSIC_MODELS.map((model) => {
  const bySize = spec.sizes.map((size) => {
    const a = ours.filter((f) => f.size === size);
    const b = a.map((f) => theirsBy.get(key(f)) as SideFit);
    const accA = a.map((f) => accuracy(f.predictions[model]));
    const accB = b.map((f) => accuracy(f.predictions[model]));
    const d = pairedDifference(new Map(a.map((f, i) => [f.seed, accA[i]])), new Map(b.map((f, i) => [f.seed, accB[i]])));
    const spread = Math.max(sampleStd(accA), sampleStd(accB));
    return {
      size,
      seedlab: { accuracy: mean(accA), seconds: mean(a.map((f) => f.seconds[model])) },
      sklearn: { accuracy: mean(accB), seconds: mean(b.map((f) => f.seconds[model])) },
      meanDiff: d?.meanDiff ?? 0,
      interval: d?.interval ?? null,
      seedSpread: spread,
      // The agreement rule: the paired interval holds zero, or the difference is under one seed std.
      agrees: d === null || (d.interval !== null && d.interval[0] <= 0 && d.interval[1] >= 0) || Math.abs(d.meanDiff) < spread,
      predictionsDiffer: a.reduce((n, f, i) => n + [...f.predictions[model]].filter((p, j) => p !== b[i].predictions[model][j]).length, 0),
      predictions: a.length * testY.length,
    };
  });
  return { model, bySize };
});
const result = {
  measuredAt: new Date().toISOString().slice(0, 10),
  engine: ENGINE_VERSION,
  node: process.versions.node,
  sklearn,
  preset: 'digits-data-size',
  fits: ours.length,
  models,
};
writeFileSync('bench/reference/classic-side-by-side.json', `${JSON.stringify(result, null, 1)}\n`);
for (const m of models) {
  const ourTime = m.bySize.reduce((s, x) => s + x.seedlab.seconds, 0);
  const theirTime = m.bySize.reduce((s, x) => s + x.sklearn.seconds, 0);
  console.log(
    `${m.model.padEnd(20)} ${(ourTime / theirTime).toFixed(2)} x scikit-learn's time; agrees at ${m.bySize.filter((x) => x.agrees).length} of ${m.bySize.length} sizes`,
  );
}
