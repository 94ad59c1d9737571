/**
 * The largest studies the API accepts, per kind: the specs whose units come closest to the CPU limit,
 * where a time model fitted on small shapes extrapolates. Each extreme is a family of specs growing
 * in one knob (epochs, steps); the one used is the largest the API's planner accepts (the Worker's
 * limits: SEEDS_PER_UNIT, a quarter of cpu_ms per unit, STUDY_SECONDS per study, from wrangler.toml), and the
 * unit measured is its plan's largest (at the model's upper bound). bench/timeModel.ts measures them.
 */
import { readFileSync } from 'node:fs';
import { PRESETS, parseStudySpec, planLimitsOf, planWithinLimits, type StudySpec, type StudyUnit } from '../src/index.ts';
import type { UnitSeconds } from '../src/spec/timeModel.ts';

/** The deployed Worker's vars, read from wrangler.toml as the API reads them from its env. */
const workerVar = (name: string) => {
  const value = new RegExp(`^${name} = "(\\d+)"`, 'm').exec(readFileSync('wrangler.toml', 'utf8'))?.[1];
  if (value === undefined) throw new Error(`wrangler.toml has no ${name}`);
  return value;
};

/** The limits the API plans with (functions/api/app.ts). */
export const WORKER_LIMITS = planLimitsOf({
  SEEDS_PER_UNIT: workerVar('SEEDS_PER_UNIT'),
  CPU_MS: workerVar('CPU_MS'),
  STUDY_SECONDS: workerVar('STUDY_SECONDS'),
});

interface ExtremeFamily {
  name: string;
  /** The knob the family grows in, and its accepted range by the spec's own limits. */
  knob: string;
  range: [number, number];
  spec: (n: number) => unknown;
  /** Which unit to measure, when not the largest (a classic model's, in a kind that has both). */
  unit?: (unit: StudyUnit) => boolean;
}

const presetSpec = (name: string) => {
  const found = PRESETS.find((p) => p.name === name);
  if (!found) throw new Error(`no preset ${name}`);
  return found.spec as Record<string, unknown> & { training: Record<string, unknown>; model: Record<string, unknown> };
};
const digits = presetSpec('digits-reference');
const setup = (hidden: number[], batchSize: number, epochs: number, dataset: unknown = digits.dataset) => ({
  dataset,
  split: dataset === digits.dataset ? digits.split : { kind: 'stratified' },
  scaling: dataset === digits.dataset ? digits.scaling : { kind: 'standardize' },
  model: { ...digits.model, hidden },
  training: { ...digits.training, batchSize, epochs },
});
const WIDE = [512, 512];
const moons5000 = { name: 'moons', samples: 5000, noise: 0.2 };

export const EXTREME_FAMILIES: ExtremeFamily[] = [
  { name: 'seed-variance: digits 512-512, batch 32', knob: 'epochs', range: [1, 200], spec: (n) => ({ ...setup(WIDE, 32, n), seeds: 2 }) },
  {
    name: 'seed-variance: digits 512x4, batch 2048',
    knob: 'epochs',
    range: [1, 200],
    spec: (n) => ({ ...setup([512, 512, 512, 512], 2048, n), seeds: 2 }),
  },
  {
    name: 'seed-variance: digits-reference, the most seeds',
    knob: 'seeds',
    range: [1, 10_000],
    spec: (n) => ({ ...setup([32], 32, 20), seeds: n }),
  },
  {
    name: 'variance-sources: digits-reference, the most runs per source',
    knob: 'runs',
    range: [2, 1000],
    spec: (n) => ({ kind: 'variance-sources', ...setup([32], 32, 20), runs: n }),
    unit: (u) => u.purpose === 'source',
  },
  {
    name: 'seed-variance: moons 5000, hidden 64-64, batch 1',
    knob: 'epochs',
    range: [1, 200],
    spec: (n) => ({ ...setup([64, 64], 1, n, moons5000), seeds: 2 }),
  },
  {
    name: 'seed-variance on cpu: digits 512-512, batch 32',
    knob: 'epochs',
    range: [1, 200],
    spec: (n) => ({ ...setup(WIDE, 32, n), seeds: 2, backend: 'cpu' }),
  },
  {
    name: 'compare: digits 512-512 against 512-512 with SGD',
    knob: 'epochs',
    range: [1, 200],
    spec: (n) => ({
      kind: 'compare',
      a: { label: 'Adam', ...setup(WIDE, 32, n) },
      b: {
        label: 'SGD',
        ...setup(WIDE, 32, n),
        training: { optimizer: { kind: 'sgd', lr: 0.05, momentum: 0.9 }, batchSize: 32, epochs: n },
      },
      seeds: 2,
    }),
  },
  {
    name: 'variance-sources: digits 512-512 (the cpu-and-wasm unit)',
    knob: 'epochs',
    range: [1, 200],
    spec: (n) => ({ kind: 'variance-sources', ...setup(WIDE, 32, n), runs: 2, implementationSeeds: 1 }),
  },
  {
    name: 'determinism-audit: digits 512-512 (the MLP unit)',
    knob: 'epochs',
    range: [1, 200],
    spec: (n) => ({ kind: 'determinism-audit', ...setup(WIDE, 32, n), models: ['mlp'] }),
  },
  {
    name: 'determinism-audit: digits, the most trees (the forest unit)',
    knob: 'forestTrees',
    range: [1, 300],
    spec: (n) => ({ kind: 'determinism-audit', ...setup([16], 32, 1), models: ['random-forest', 'knn', 'decision-tree'], forestTrees: n }),
    unit: (u) => 'model' in u && u.model === 'random-forest',
  },
  {
    name: 'lr-range-test: digits 512-512, the longest sweep',
    knob: 'iterations',
    range: [20, 2000],
    spec: (n) => ({ kind: 'lr-range-test', ...setup(WIDE, 32, 10), range: { iterations: n }, seeds: 2 }),
  },
  {
    name: 'lr-schedule: digits 512-512, 8 schedules',
    knob: 'epochs',
    range: [1, 200],
    spec: (n) => ({
      kind: 'lr-schedule',
      ...setup(WIDE, 32, n),
      seeds: 1,
      schedules: Array.from({ length: 8 }, (_, i) => ({ name: `s${i}`, type: 'constant', lr: 0.01 * (i + 1) })),
    }),
  },
  {
    name: 'data-size: digits 512-512, 200 epochs (an MLP unit)',
    knob: 'steps',
    range: [1, 20_000],
    spec: (n) => ({ kind: 'data-size', ...setup(WIDE, 32, 200), sizes: [100, 1348], steps: n, seeds: 2, models: ['mlp'] }),
  },
  {
    name: 'data-size: digits, 300 trees, the most seeds (a forest unit)',
    knob: 'seeds',
    range: [1, 100],
    spec: (n) => ({ kind: 'data-size', ...setup([16], 32, 1), sizes: [100, 1348], seeds: n, models: ['random-forest'], forestTrees: 300 }),
  },
];

export interface Extreme {
  name: string;
  knob: string;
  value: number;
  spec: StudySpec;
  unit: StudyUnit;
  units: number;
  seconds: UnitSeconds;
}

const accepted = (family: ExtremeFamily, n: number) => {
  try {
    const spec = parseStudySpec(family.spec(n));
    return { spec, plan: planWithinLimits(spec, WORKER_LIMITS) };
  } catch {
    return null;
  }
};

/** The largest accepted spec of a family (the knob grows the cost) and its largest unit. */
export function extremeOf(family: ExtremeFamily): Extreme {
  let [lo, hi] = family.range;
  if (!accepted(family, lo)) throw new Error(`${family.name}: even ${family.knob} = ${lo} is refused`);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (accepted(family, mid)) lo = mid;
    else hi = mid - 1;
  }
  const found = accepted(family, lo);
  if (!found) throw new Error('unreachable: lo was accepted');
  const candidates = found.plan.units
    .map((unit, i) => ({ unit, seconds: found.plan.seconds[i] }))
    .filter((c) => family.unit?.(c.unit) ?? true);
  const largest = candidates.reduce((a, b) => (b.seconds.upper > a.seconds.upper ? b : a));
  return { name: family.name, knob: family.knob, value: lo, spec: found.spec, units: found.plan.units.length, ...largest };
}
