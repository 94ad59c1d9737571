import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { createStream, streamSeed } from '../random/seedStreams.ts';

export function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample standard deviation (n - 1); 0 for a single value. */
export function sampleStd(xs: number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/** Quantile with linear interpolation between order statistics (R type 7, numpy's default). */
export function quantile(xs: number[], q: number): number {
  return sortedQuantile(
    [...xs].sort((a, b) => a - b),
    q,
  );
}

/** `quantile` of values already sorted ascending (summaries of 10,000 seeds sort once, then read many). */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Two-sided confidence interval of the mean from Student's t. */
export function tInterval(xs: number[], level = 0.95): [number, number] {
  const m = mean(xs);
  if (xs.length < 2) return [m, m];
  const half = tQuantile(1 - (1 - level) / 2, xs.length - 1) * (sampleStd(xs) / Math.sqrt(xs.length));
  return [m - half, m + half];
}

const BOOTSTRAP_RESAMPLES = 10_000;

/**
 * Percentile bootstrap interval of the mean. The resampling stream has a fixed seed, so the same
 * numbers give the same interval (documents are reproducible to the last digit).
 */
export function bootstrapInterval(xs: number[], level = 0.95, resamples = BOOTSTRAP_RESAMPLES): [number, number] {
  const rng = createStream(streamSeed(0, 'bootstrap'));
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < xs.length; i++) sum += xs[rng.nextInt(xs.length)];
    means[r] = sum / xs.length;
  }
  const sorted = Array.from(means);
  return [quantile(sorted, (1 - level) / 2), quantile(sorted, 1 - (1 - level) / 2)];
}

export interface SeedValue {
  seed: number;
  value: number;
}

export interface Summary {
  n: number;
  mean: number;
  std: number;
  min: number;
  max: number;
  median: number;
  q25: number;
  q75: number;
  ci95: { t: [number, number]; bootstrap: [number, number] };
  best: SeedValue;
  worst: SeedValue;
  /** Seeds outside Tukey's fences (1.5 IQR beyond the quartiles). */
  outliers: SeedValue[];
}

/** Summary statistics of one value per seed (higher is better). */
export function summarizeSeeds(values: SeedValue[]): Summary {
  if (values.length === 0) throw new Error('summarizeSeeds needs at least one value');
  const xs = values.map((v) => v.value);
  const q25 = quantile(xs, 0.25);
  const q75 = quantile(xs, 0.75);
  const fence = 1.5 * (q75 - q25);
  const byValue = [...values].sort((a, b) => b.value - a.value || a.seed - b.seed);
  return {
    n: xs.length,
    mean: mean(xs),
    std: sampleStd(xs),
    min: Math.min(...xs),
    max: Math.max(...xs),
    median: quantile(xs, 0.5),
    q25,
    q75,
    ci95: { t: tInterval(xs), bootstrap: bootstrapInterval(xs) },
    best: byValue[0],
    worst: byValue[byValue.length - 1],
    outliers: values.filter((v) => v.value < q25 - fence || v.value > q75 + fence),
  };
}

/**
 * A summary of proportions (test accuracies, in [0, 1]): the t interval is cut to [0, 1], where few
 * seeds stretch it past them (3 seeds at 97%, 99% and 100% give a t interval up to 102%). A proportion
 * cannot leave [0, 1], so the cut interval still holds the mean with at least the same coverage.
 */
export function summarizeProportions(values: SeedValue[]): Summary {
  const s = summarizeSeeds(values);
  const [lo, hi] = s.ci95.t;
  return { ...s, ci95: { ...s.ci95, t: [Math.max(0, lo), Math.min(1, hi)] } };
}
