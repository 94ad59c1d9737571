import { describe, expect, it } from 'vitest';
import { binomialStandardError, stdInterval, varianceRatioInterval, varianceShareIntervals } from '../src/stats/spread.ts';

// Reference values from scipy 1.10 (stats.chi2.ppf, stats.f.ppf), computed with the textbook
// formulas written in each case.
describe('intervals for spreads', () => {
  it('a standard deviation: the chi-square interval', () => {
    // s = 0.01, n = 30: 0.01 sqrt(29 / chi2.ppf(0.975, 29)), 0.01 sqrt(29 / chi2.ppf(0.025, 29)).
    const [lo, hi] = stdInterval(0.01, 30)!;
    expect(lo).toBeCloseTo(0.007964069, 8);
    expect(hi).toBeCloseTo(0.013443152, 8);
    // s = 2, n = 5 at 90%: 2 sqrt(4 / chi2.ppf(0.95, 4)), 2 sqrt(4 / chi2.ppf(0.05, 4)).
    const [lo90, hi90] = stdInterval(2, 5, 0.9)!;
    expect(lo90).toBeCloseTo(1.298610335, 8);
    expect(hi90).toBeCloseTo(4.744711383, 8);
    expect(stdInterval(1, 1)).toBeNull();
  });

  it('a ratio of variances: the F interval', () => {
    // v1 = 4 over 10 values, v2 = 1 over 12: 4 / f.ppf(0.975, 9, 11), 4 / f.ppf(0.025, 9, 11).
    const [lo, hi] = varianceRatioInterval(4, 10, 1, 12)!;
    expect(lo).toBeCloseTo(1.114858687, 8);
    expect(hi).toBeCloseTo(15.64829787, 6);
    expect(varianceRatioInterval(4, 10, 0, 12)).toBeNull();
  });

  it('the binomial standard error of an accuracy', () => {
    // The example: 94% on 449 test rows, sqrt(0.94 x 0.06 / 449) = 0.0112 (1.1 points).
    expect(binomialStandardError(0.94, 449)).toBeCloseTo(0.0112077, 6);
  });
});

describe('bootstrap intervals for variance shares', () => {
  it('a group that never varies has share 0, the only varying group share 1', () => {
    const [still, moving, all] = varianceShareIntervals([
      { values: [0.5, 0.5, 0.5, 0.5], summed: true },
      { values: [0.1, 0.2, 0.3, 0.4], summed: true },
      { values: [0.1, 0.2, 0.3, 0.4], summed: false },
    ]);
    expect(still).toEqual([0, 0]);
    expect(moving).toEqual([1, 1]);
    // "all" is not in the sum: its ratio to the sum varies with the resamples and is not capped at 1.
    expect(all![0]).toBeLessThan(1);
    expect(all![1]).toBeGreaterThan(1);
  });

  it('is reproducible, and brackets the measured share of two similar groups', () => {
    const groups = [
      { values: [1, 3, 2, 5, 4, 2, 3, 6, 1, 4], summed: true },
      { values: [2, 2, 5, 1, 3, 4, 6, 2, 3, 1], summed: true },
    ];
    const first = varianceShareIntervals(groups);
    expect(varianceShareIntervals(groups)).toEqual(first);
    // Both variances are 2.7667 (numpy var, ddof=1): the first group's share is 0.5.
    const [lo, hi] = first[0]!;
    expect(lo).toBeLessThan(0.5);
    expect(hi).toBeGreaterThan(0.5);
    // Two summed groups' shares add to 1 in every resample, so their intervals mirror each other.
    expect(first[1]![0]).toBeCloseTo(1 - first[0]![1], 12);
  });
});
