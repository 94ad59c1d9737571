/**
 * `npm run bench`: Seedlab against PyTorch on the digits-reference protocol, side by side on this
 * machine, one thread each, interleaved (Seedlab, PyTorch, PyTorch with equal work; three rounds):
 *  - whole process, as a user runs each: `npm run study -- digits-reference --threads 1 --json out.json`, and
 *    `python3 bench/pytorch_digits_reference.py` (30 seeds, test accuracy at the end);
 *  - equal work, in-process training time: Seedlab's study (33 runs: 30 seeds and the 3 it re-trains
 *    for repeatability; each epoch's running training metrics and a test-set evaluation, as its CLI
 *    reports it) against PyTorch doing the same (`--equal-work`);
 *  - Seedlab's throughput in seed-steps per second and in GFLOP/s, counted from the protocol.
 *
 * PyTorch: Debian's python3-torch (`apt-get install python3-torch`), run by /usr/bin/python3.
 * Writes bench/reference/side-by-side.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compileWithKernelFlags } from '../scripts/kernelFlags.mjs';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const rounds = Number(values.rounds);
const work = mkdtempSync(join(tmpdir(), 'seedlab-bench-'));
const ONE_THREAD = { OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
const PYTHON = '/usr/bin/python3';

/** The protocol's work, from its definition (bench/pytorch_digits_reference.py, the digits-reference preset). */
const [I, H, O] = [64, 32, 10];
const TRAIN_ROWS = 1348;
const TEST_ROWS = 449;
const EPOCHS = 20;
const STEPS = EPOCHS * Math.ceil(TRAIN_ROWS / 32);
const RUNS = 33;
/** Multiply-adds per row: forward (I*H + H*O); backward: weight gradients (I*H + H*O) and the hidden input gradient (H*O). */
const trainFlopsPerRun = 2 * (2 * I * H + 3 * H * O) * TRAIN_ROWS * EPOCHS;
/** Each epoch's evaluation is a forward pass over the test rows (the training metrics are the epoch's running sums). */
const evalFlopsPerRun = 2 * (I * H + H * O) * TEST_ROWS * EPOCHS;
const STUDY_GFLOP = (RUNS * (trainFlopsPerRun + evalFlopsPerRun)) / 1e9;

function timed(command: string, args: string[], env: Record<string, string> = {}) {
  const t0 = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...ONE_THREAD, ...env } });
  const seconds = (performance.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${run.status}):\n${run.stderr}`);
  return { seconds, stdout: run.stdout };
}

const torchCheck = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
if (torchCheck.status !== 0) {
  console.error('PyTorch is missing: apt-get install python3-torch (the reference runs on /usr/bin/python3)');
  process.exit(2);
}

/** The core's wasm SIMD multiply-add peak (bench/assembly/simdPeak.ts, the kernels' flags), GFLOP/s: the best of three. */
async function simdPeakGflops(): Promise<number> {
  const binary = await compileWithKernelFlags('bench/assembly/simdPeak.ts');
  const instance = await WebAssembly.instantiate(new WebAssembly.Module(binary), {
    env: { memory: new WebAssembly.Memory({ initial: 1 }) },
  });
  const { peak } = instance.exports as { peak: (n: number) => number };
  peak(1e6);
  const rates = [0, 1, 2].map(() => {
    const t0 = performance.now();
    peak(5e7);
    return (64 * 5e7) / (performance.now() - t0) / 1e6;
  });
  return Math.max(...rates);
}

const rows: { seedlab: number; seedlabTraining: number; pytorch: number; pytorchEqualWork: number }[] = [];
for (let r = 0; r < rounds; r++) {
  // One thread, as PyTorch gets (the CLI's default is every core).
  const seedlab = timed('npm', ['run', '-s', 'study', '--', 'digits-reference', '--threads', '1', '--json', join(work, 'out.json')]);
  const training = Number(/ · ([\d.]+) s$/m.exec(seedlab.stdout)?.[1]);
  const pytorch = timed(PYTHON, ['bench/pytorch_digits_reference.py']);
  const equal = timed(PYTHON, ['bench/pytorch_digits_reference.py', '--equal-work']);
  rows.push({
    seedlab: seedlab.seconds,
    seedlabTraining: training,
    pytorch: pytorch.seconds,
    pytorchEqualWork: (JSON.parse(equal.stdout) as { seconds: number }).seconds,
  });
  console.error(`round ${r + 1}/${rounds}: ${JSON.stringify(rows[r])}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const m = (key: keyof (typeof rows)[number]) => median(rows.map((x) => x[key]));
const r2 = (x: number) => Math.round(x * 100) / 100;
const result = {
  measuredAt: new Date().toISOString().slice(0, 10),
  torch: torchCheck.stdout.trim(),
  rounds,
  wholeProcessSeconds: { seedlab: r2(m('seedlab')), pytorch: r2(m('pytorch')), ratio: r2(m('seedlab') / m('pytorch')) },
  equalWorkTrainingSeconds: {
    seedlab: r2(m('seedlabTraining')),
    pytorch: r2(m('pytorchEqualWork')),
    ratio: r2(m('seedlabTraining') / m('pytorchEqualWork')),
  },
  seedlabThroughput: {
    seedStepsPerSecond: Math.round((RUNS * STEPS) / m('seedlabTraining')),
    gflopPerSecond: r2(STUDY_GFLOP / m('seedlabTraining')),
    studyGflop: r2(STUDY_GFLOP),
  },
  simdPeakGflops: r2(await simdPeakGflops()),
  all: rows.map((x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, r2(v)]))),
};
writeFileSync(resolve('bench/reference/side-by-side.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
