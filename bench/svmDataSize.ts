/**
 * The SVMs on the digits-data-size protocol, side by side with scikit-learn 1.2 on the same rows.
 *
 * Step 1 (this script, first run): draws each (size, seed) subset as the data-size study draws it,
 * fits Seedlab's RBF SVM and linear SVM on it, and writes the subsets' row indices with Seedlab's
 * accuracies and predictions to bench/reference/svm-data-size.json.
 * Step 2: OMP_NUM_THREADS=1 /usr/bin/python3 bench/sklearn_svm_reference.py fits SVC and LinearSVC
 * (random_state = the seed) on the same rows and writes bench/reference/sklearn-svm-data-size.json.
 * Step 3 (this script again): compares them and prints the table the README shows: per size, the
 * mean accuracies, the paired difference with its 95% t interval, and the share of SVC's test
 * predictions that differ.
 *
 * Run: npm run bench:svm
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pairedDifference } from '../src/stats/paired.ts';
import { mean } from '../src/stats/summarize.ts';
import { dataSizeSubsets, timedClassicFit } from './dataSizeSubsets.ts';

const OURS = 'bench/reference/svm-data-size.json';
const THEIRS = 'bench/reference/sklearn-svm-data-size.json';
const MODELS = ['svm', 'linear-svm'] as const;

interface Fit {
  size: number;
  seed: number;
  rows: number[];
  accuracy: Record<(typeof MODELS)[number], number>;
  /** Test predictions, one digit per test row. */
  predictions: Record<(typeof MODELS)[number], string>;
  seconds: Record<(typeof MODELS)[number], number>;
}

const { spec, fits: subsets } = dataSizeSubsets('digits-data-size');

if (!existsSync(OURS) || process.argv.includes('--refit')) {
  const fits: Fit[] = [];
  for (const subset of subsets) {
    const { size, seed, rows, data } = subset;
    const fit = { size, seed, rows, accuracy: {}, predictions: {}, seconds: {} } as Fit;
    for (const model of MODELS) {
      const { predictions, seconds } = timedClassicFit(model, spec, subset);
      fit.seconds[model] = seconds;
      fit.accuracy[model] = predictions.filter((p, i) => p === data.testY[i]).length / data.testY.length;
      fit.predictions[model] = predictions.join('');
    }
    fits.push(fit);
    console.log(`size ${size} seed ${seed}: svm ${fit.accuracy.svm.toFixed(4)}, linear ${fit.accuracy['linear-svm'].toFixed(4)}`);
  }
  writeFileSync(OURS, `{"preset": "digits-data-size", "fits": [\n${fits.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`);
  console.log(`wrote ${OURS}; now run bench/sklearn_svm_reference.py, then this script again`);
}

if (existsSync(THEIRS)) {
  const ours = JSON.parse(readFileSync(OURS, 'utf8')).fits as Fit[];
  const theirs = JSON.parse(readFileSync(THEIRS, 'utf8')) as { sklearn: string; fits: Fit[] };
  const key = (f: Fit) => `${f.size}/${f.seed}`;
  const match = new Map(theirs.fits.map((f) => [key(f), f]));
  const lines = [
    `| model | rows | Seedlab mean | scikit-learn ${theirs.sklearn} mean | paired difference (points) [95% t] | test predictions that differ | fit + predict, Seedlab / scikit-learn |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const model of MODELS)
    for (const size of spec.sizes) {
      const a = ours.filter((f) => f.size === size);
      const b = a.map((f) => match.get(key(f)) as Fit);
      const d = pairedDifference(new Map(a.map((f) => [f.seed, f.accuracy[model]])), new Map(b.map((f) => [f.seed, f.accuracy[model]])));
      const differ = a.reduce((n, f, i) => n + [...f.predictions[model]].filter((p, j) => p !== b[i].predictions[model][j]).length, 0);
      const total = a.reduce((n, f) => n + f.predictions[model].length, 0);
      const time = (xs: Fit[]) => mean(xs.map((f) => f.seconds[model]));
      lines.push(
        `| ${model === 'svm' ? 'RBF SVM (SVC)' : 'linear SVM (LinearSVC)'} | ${size} | ${(100 * mean(a.map((f) => f.accuracy[model]))).toFixed(2)}% | ${(100 * mean(b.map((f) => f.accuracy[model]))).toFixed(2)}% | ${d ? `${(100 * d.meanDiff).toFixed(2)}${d.interval ? ` [${(100 * d.interval[0]).toFixed(2)}, ${(100 * d.interval[1]).toFixed(2)}]` : ''}` : 'n/a'} | ${differ} of ${total} | ${(1000 * time(a)).toFixed(1)} ms / ${(1000 * time(b)).toFixed(1)} ms |`,
      );
    }
  console.log(lines.join('\n'));
}
