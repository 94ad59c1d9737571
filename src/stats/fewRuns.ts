import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { createStream, streamSeed } from '../random/seedStreams.ts';
import { stdInterval } from './spread.ts';
import { mean, sampleStd, sortedQuantile, tInterval } from './summarize.ts';

/**
 * Statistics for a handful of runs trained anywhere, as Agarwal et al. recommend ("Deep
 * Reinforcement Learning at the Edge of the Statistical Precipice", NeurIPS 2021; the rliable
 * library): interval estimates beside every point, robust aggregates (the median and the
 * interquartile mean), and the probability of improvement. Point estimates are exact; the
 * bootstrap intervals use rliable's percentile method with a seeded stream, so the same runs give
 * the same document to the last digit (tests/fewRuns.test.ts holds them to rliable's within a
 * stated tolerance, since rliable's resamples come from numpy's generator).
 */

type Interval = [number, number];

/**
 * The interquartile mean: the mean of the middle half, as rliable's `aggregate_iqm` computes it
 * with scipy.stats.trim_mean(x, 0.25): floor(n / 4) values cut from each end of the sorted runs.
 */
function interquartileMean(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  const cut = Math.floor(n * 0.25);
  let sum = 0;
  for (let i = cut; i < n - cut; i++) sum += sorted[i];
  return sum / (n - 2 * cut);
}

/** The median, as numpy's: the middle value, or the mean of the two middle values. */
const sortedMedian = (sorted: ArrayLike<number>): number => sortedQuantile(sorted, 0.5);

/**
 * Resamples for a bootstrap over n runs: 2,000 (rliable's default is 50,000; 2,000 keeps a
 * 2.5% endpoint within about a tenth of a standard error of its limit), fewer past 2,000 runs so
 * one arm's resampling stays near 4 million draws (10,000 runs: 400 resamples), never under 400.
 */
const bootstrapResamples = (n: number): number => Math.max(400, Math.min(2000, Math.floor(4_000_000 / n)));

/**
 * Percentile bootstrap intervals of statistics of sorted runs (rliable's `get_interval_estimates`
 * with method "percentile": resample the runs with replacement, take the 2.5th and 97.5th
 * percentiles of the statistic, numpy's linear interpolation). One resampling stream, seeded by
 * `streamName`, feeds every statistic, so each is the same whatever else is asked.
 */
function percentileBootstrap(
  values: number[],
  statistics: ((sorted: Float64Array) => number)[],
  streamName: string,
  level = 0.95,
): Interval[] {
  const n = values.length;
  const resamples = bootstrapResamples(n);
  const rng = createStream(streamSeed(0, streamName));
  const draws = statistics.map(() => new Float64Array(resamples));
  const sample = new Float64Array(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) sample[i] = values[rng.nextInt(n)];
    sample.sort();
    for (let s = 0; s < statistics.length; s++) draws[s][r] = statistics[s](sample);
  }
  const tail = (1 - level) / 2;
  return draws.map((d) => {
    d.sort();
    return [sortedQuantile(d, tail), sortedQuantile(d, 1 - tail)];
  });
}

/** Every number one arm's runs give, each with its 95% interval (null where one cannot be formed). */
export interface RunStatistics {
  n: number;
  mean: number;
  /** Student's t interval of the mean. */
  meanInterval: Interval;
  /** The sample standard deviation (n − 1). */
  std: number;
  /** The chi-square interval of the standard deviation (normal runs). */
  stdInterval: Interval;
  median: number;
  medianInterval: Interval;
  iqm: number;
  iqmInterval: Interval;
  min: number;
  max: number;
}

/** The statistics of one arm's values (at least two). */
export function runStatistics(values: number[]): RunStatistics {
  if (values.length < 2) throw new Error('runStatistics needs at least two runs');
  const sorted = Float64Array.from(values).sort();
  const std = sampleStd(values);
  const [medianInterval, iqmInterval] = percentileBootstrap(values, [sortedMedian, interquartileMean], 'imported-bootstrap');
  return {
    n: values.length,
    mean: mean(values),
    meanInterval: tInterval(values),
    std,
    stdInterval: stdInterval(std, values.length) ?? [std, std],
    median: sortedMedian(sorted),
    medianInterval,
    iqm: interquartileMean(sorted),
    iqmInterval,
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/**
 * Welch's interval of the difference of two means from independent runs: the standard error
 * sqrt(va/na + vb/nb) with the Welch-Satterthwaite degrees of freedom (as scipy's
 * ttest_ind(equal_var=False)). When neither arm varies the difference is exact.
 */
export function welchInterval(a: number[], b: number[], level = 0.95): { meanDiff: number; interval: Interval; df: number | null } {
  const meanDiff = mean(a) - mean(b);
  const va = sampleStd(a) ** 2 / a.length;
  const vb = sampleStd(b) ** 2 / b.length;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { meanDiff, interval: [meanDiff, meanDiff], df: null };
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const half = tQuantile(1 - (1 - level) / 2, df) * se;
  return { meanDiff, interval: [meanDiff - half, meanDiff + half], df };
}

/**
 * P(X > Y) for a fresh draw of each, ties counting half: the Mann-Whitney U over the product of
 * the sizes (rliable's `probability_of_improvement` for one task, scipy's mannwhitneyu statistic).
 * Counted against y sorted, so 10,000 runs per arm cost n log n, not n^2.
 */
export function probabilityOfSuperiority(x: number[], y: number[]): number {
  const sorted = Float64Array.from(y).sort();
  /** How many of `sorted` are below v (strictly, or at most v). */
  const countBelow = (v: number, orEqual: boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < v || (orEqual && sorted[mid] === v)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let wins = 0;
  for (const v of x) {
    const below = countBelow(v, false);
    wins += below + 0.5 * (countBelow(v, true) - below);
  }
  return wins / (x.length * y.length);
}

/** The share of paired differences above zero, ties (a difference of zero) counting half. */
export function shareAbove(differences: number[]): number {
  const wins = differences.reduce((n, d) => n + (d > 0 ? 1 : d === 0 ? 0.5 : 0), 0);
  return wins / differences.length;
}

/**
 * Runs needed for the mean's 95% t interval to have at most this half-width, at the measured
 * standard deviation: the smallest n with t(0.975, n − 1) s / sqrt(n) <= halfWidth. At least 2;
 * null past a million (a precision the spread cannot reach in any sensible number of runs).
 */
export function runsForPrecision(std: number, halfWidth: number): number | null {
  if (std === 0) return 2;
  const halfAt = (n: number) => (tQuantile(0.975, n - 1) * std) / Math.sqrt(n);
  let hi = 2;
  while (halfAt(hi) > halfWidth) {
    hi *= 2;
    if (hi > 1_000_000) return null;
  }
  let lo = Math.max(2, hi / 2);
  if (halfAt(lo) <= halfWidth) return lo;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (halfAt(mid) <= halfWidth) hi = mid;
    else lo = mid;
  }
  return hi;
}

const Z_975 = 1.959963984540054; // the standard normal's 97.5% quantile: two-sided 5%
const Z_80 = 0.8416212335729143; // its 80% quantile: 80% power

/**
 * Runs per arm an unpaired (two-sample) t test at two-sided 5% needs to detect a difference of
 * `effect` with 80% power, when each arm's runs have standard deviation `sd`: Guenther's formula,
 * n = 2 ((z.975 + z.8) sd / effect)^2 + z.975^2 / 4 (The American Statistician 35(4), 1981). At least 2.
 */
export function unpairedRunsNeeded(effect: number, sd: number): number {
  return Math.max(2, Math.ceil(2 * (((Z_975 + Z_80) * sd) / effect) ** 2 + Z_975 ** 2 / 4));
}
