import { describe, expect, it } from 'vitest';
import { expectedBestOf, quantileInterval, seedScale, wilsonInterval } from '../src/stats/tails.ts';

// Expected values by hand or from a named reference, never from the code's own formulas.
describe('what many seeds measure', () => {
  it('a quantile’s interval from order statistics (Conover 3.2), and none where the seeds cannot bound it', () => {
    // Binomial(100, 0.5): P(B ≤ 39) = 0.0176 and P(B ≤ 40) = 0.0284, so r = 40; P(B ≤ 59) = 0.9716 and
    // P(B ≤ 60) = 0.9824, so s = 60 + 1 = 61: the median of 1..100 lies in [X(40), X(61)] = [40, 61].
    const hundred = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantileInterval(hundred, 0.5)).toEqual([40, 61]);
    // 30 seeds and the 1st percentile: P(B = 0) = 0.99^30 = 0.74 > 0.025, so r = 0: no lower rank.
    expect(
      quantileInterval(
        Float64Array.from({ length: 30 }, (_, i) => i),
        0.01,
      ),
    ).toBeNull();
  });

  it('the Wilson interval of a share, inside [0, 1] at none', () => {
    // 0 of 10: upper (z²/n) / (1 + z²/n) = 0.384146 / 1.384146 = 0.277533 (Wilson 1927; the usual table value 0.2775).
    const [lo, hi] = wilsonInterval(0, 10);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.277533, 5);
  });

  it('the expected best of k from the order statistics: the nine pairs of 1, 2, 3', () => {
    // max over the 9 ordered pairs: 1 2 3 / 2 2 3 / 3 3 3, sum 22: 22 / 9.
    expect(expectedBestOf(Float64Array.from([1, 2, 3]), 2)).toBeCloseTo(22 / 9, 12);
    expect(expectedBestOf(Float64Array.from([1, 2, 3]), 1)).toBeCloseTo(2, 12);
  });

  it('shares more than 1, 2 and 5 points below the median, and below a threshold', () => {
    const values = [0.9, 0.93, 0.945, 0.96, 0.96, 0.97, 0.98].map((value, i) => ({ seed: i + 1, value }));
    const scale = seedScale(values, 0.95);
    // Median 0.96: below 0.95 are 0.90, 0.93, 0.945 (3); below 0.94, 0.90 and 0.93 (2); below 0.91, 0.90 (1).
    expect(scale?.belowMedian.map((b) => [b.points, b.count])).toEqual([
      [1, 3],
      [2, 2],
      [5, 1],
    ]);
    expect(scale?.belowThreshold).toMatchObject({ threshold: 0.95, count: 3, share: 3 / 7 });
    // Seven seeds: the best of 1 and 5 (100 and 10 are past the sample).
    expect(scale?.bestOf.map((b) => b.k)).toEqual([1, 5]);
    expect(scale?.bestOf[0].inflation).toBe(0);
    expect(seedScale([{ seed: 1, value: 0.9 }])).toBeNull();
  });

  it('the estimates after the first 10, 20 and all 25 seeds, in seed order', () => {
    // Seeds 1..25 in reverse order of value: the first ten seeds are the values 25..16.
    const values = Array.from({ length: 25 }, (_, i) => ({ seed: i + 1, value: 25 - i }));
    const steps = seedScale(values)?.convergence ?? [];
    expect(steps.map((s) => s.seeds)).toEqual([10, 20, 25]);
    // 16..25: mean 20.5, sample std sqrt(82.5 / 9) = 3.02765; t(0.975, 9) = 2.26216: half 2.26216 x 3.02765 / sqrt(10) = 2.16586.
    expect(steps[0].mean).toBeCloseTo(20.5, 12);
    expect(steps[0].std).toBeCloseTo(3.02765, 5);
    expect(steps[0].meanInterval[0]).toBeCloseTo(20.5 - 2.16586, 4);
  });
});
