import binomialQuantile from '@stdlib/stats-base-dists-binomial-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { createStream, streamSeed } from '../random/seedStreams.ts';
import { stdInterval } from './spread.ts';
import { mean, sampleStd, sortedQuantile } from './summarize.ts';

/**
 * What only many seeds measure (Picard 2021 scanned 10^4): the tails of the final accuracy, how
 * often a seed lands far below the median, what reporting the best of k seeds inflates, and how
 * the estimates of the mean and the spread tighten as seeds are added. Every number with its 95%
 * interval, or null where the seeds cannot bound it (a 1st percentile from 30 seeds).
 */

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * The distribution-free interval of the q-th quantile from order statistics (Conover, Practical
 * Nonparametric Statistics, 3rd ed., 3.2): with B ~ Binomial(n, q), ranks r = B⁻¹(α/2) and
 * s = B⁻¹(1 − α/2) + 1 give P(X(r) ≤ ξq < X(s)) ≥ 1 − α. Null when a rank falls outside 1..n:
 * the sample does not bound that quantile.
 */
export function quantileInterval(sorted: Float64Array, q: number, level = 0.95): [number, number] | null {
  const n = sorted.length;
  const alpha = 1 - level;
  const r = binomialQuantile(alpha / 2, n, q);
  const s = binomialQuantile(1 - alpha / 2, n, q) + 1;
  if (r < 1 || s > n) return null;
  return [sorted[r - 1], sorted[s - 1]];
}

/** The Wilson score interval of a proportion k / n (Wilson 1927), which stays inside [0, 1] at 0 or n. */
export function wilsonInterval(k: number, n: number): [number, number] {
  const p = k / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * The expected best of k draws from the sample (with replacement), from its order statistics:
 * E[max] = Σ x(i) ((i/n)^k − ((i−1)/n)^k). k = 1 is the mean.
 */
export function expectedBestOf(sorted: Float64Array, k: number): number {
  const n = sorted.length;
  let sum = 0;
  let below = 0;
  for (let i = 1; i <= n; i++) {
    const at = (i / n) ** k;
    sum += sorted[i - 1] * (at - below);
    below = at;
  }
  return sum;
}

/** Resamples of the best-of-k inflation: enough for a 95% percentile interval's ends to settle. */
const BEST_OF_RESAMPLES = 1000;
const TAILS = { p01: 0.01, p05: 0.05, p95: 0.95, p99: 0.99 } as const;
const POINTS_BELOW = [1, 2, 5] as const;
const BEST_OF = [1, 5, 10, 100] as const;
const CONVERGENCE_SEEDS = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000];

type Interval = [number, number];

export interface SeedScale {
  /** Finished seeds the answers come from. */
  n: number;
  tails: Record<keyof typeof TAILS, { value: number; interval: Interval | null }>;
  /** Seeds more than `points` percentage points below the median (strictly). */
  belowMedian: { points: number; count: number; share: number; interval: Interval }[];
  /** Seeds below the spec's threshold, when it has one. */
  belowThreshold: { threshold: number; count: number; share: number; interval: Interval } | null;
  /**
   * The expected best of k seeds and what it adds to the expected single seed (the mean), with a
   * seeded percentile bootstrap interval of that inflation; k up to n (past it the sample says nothing).
   */
  bestOf: { k: number; expected: number; inflation: number; interval: Interval }[];
  /** The mean and the standard deviation of the first `seeds` seeds (in seed order), with their intervals. */
  convergence: { seeds: number; mean: number; meanInterval: Interval; std: number; stdInterval: Interval }[];
}

/** The answers many seeds give, from the finished runs' accuracies in seed order; null under two seeds. */
export function seedScale(accuracies: { seed: number; value: number }[], threshold?: number): SeedScale | null {
  const n = accuracies.length;
  if (n < 2) return null;
  const inSeedOrder = [...accuracies].sort((a, b) => a.seed - b.seed).map((a) => a.value);
  const sorted = Float64Array.from(inSeedOrder).sort();
  const median = sortedQuantile(sorted, 0.5);
  const below = (limit: number) => {
    const count = sorted.filter((v) => v < limit).length;
    return { count, share: count / n, interval: wilsonInterval(count, n) };
  };
  return {
    n,
    tails: Object.fromEntries(
      Object.entries(TAILS).map(([name, q]) => [name, { value: sortedQuantile(sorted, q), interval: quantileInterval(sorted, q) }]),
    ) as SeedScale['tails'],
    // An accuracy of exactly median − points is not "more than" points below (the values are k / test rows).
    belowMedian: POINTS_BELOW.map((points) => ({ points, ...below(median - points / 100 - 1e-12) })),
    belowThreshold: threshold === undefined ? null : { threshold, ...below(threshold) },
    bestOf: bestOf(sorted),
    convergence: CONVERGENCE_SEEDS.filter((m) => m < n)
      .concat(n)
      .map((m) => {
        const first = inSeedOrder.slice(0, m);
        const std = sampleStd(first);
        const half = tQuantile(0.975, m - 1) * (std / Math.sqrt(m));
        return {
          seeds: m,
          mean: mean(first),
          meanInterval: [mean(first) - half, mean(first) + half] as Interval,
          std,
          stdInterval: stdInterval(std, m) ?? [std, std],
        };
      }),
  };
}

function bestOf(sorted: Float64Array): SeedScale['bestOf'] {
  const n = sorted.length;
  const ks = BEST_OF.filter((k) => k <= n);
  const single = expectedBestOf(sorted, 1);
  const rng = createStream(streamSeed(0, 'best-of-k'));
  const resampled = ks.map(() => new Float64Array(BEST_OF_RESAMPLES));
  const draw = new Float64Array(n);
  for (let r = 0; r < BEST_OF_RESAMPLES; r++) {
    for (let i = 0; i < n; i++) draw[i] = sorted[rng.nextInt(n)];
    draw.sort();
    const base = expectedBestOf(draw, 1);
    for (const [j, k] of ks.entries()) resampled[j][r] = expectedBestOf(draw, k) - base;
  }
  return ks.map((k, j) => {
    const inflations = resampled[j].sort();
    const expected = expectedBestOf(sorted, k);
    return { k, expected, inflation: expected - single, interval: [sortedQuantile(inflations, 0.025), sortedQuantile(inflations, 0.975)] };
  });
}
