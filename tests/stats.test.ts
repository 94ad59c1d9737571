import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapInterval, quantile, sampleStd, summarizeSeeds, tInterval } from '../src/stats/summarize.ts';

describe('summary statistics', () => {
  it('std uses n - 1 and the t interval uses Student t', () => {
    const xs = [1, 2, 3, 4, 5];
    expect(sampleStd(xs)).toBeCloseTo(Math.sqrt(2.5), 12);
    // t(0.975, 4) = 2.7764451051977987
    const half = 2.7764451051977987 * (Math.sqrt(2.5) / Math.sqrt(5));
    const [lo, hi] = tInterval(xs);
    expect(lo).toBeCloseTo(3 - half, 10);
    expect(hi).toBeCloseTo(3 + half, 10);
  });

  it('quantiles interpolate like numpy', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
  });

  it('finds best, worst and Tukey outliers', () => {
    const values = [0.9, 0.91, 0.92, 0.91, 0.9, 0.6].map((value, i) => ({ seed: i + 1, value }));
    const s = summarizeSeeds(values);
    expect(s.best).toEqual({ seed: 3, value: 0.92 });
    expect(s.worst).toEqual({ seed: 6, value: 0.6 });
    expect(s.outliers).toEqual([{ seed: 6, value: 0.6 }]);
    expect(s.median).toBeCloseTo(0.905, 12);
  });

  it('bootstrap is reproducible and brackets the mean', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 40 }), (xs) => {
        const a = bootstrapInterval(xs, 0.95, 500);
        const b = bootstrapInterval(xs, 0.95, 500);
        const m = xs.reduce((p, q) => p + q, 0) / xs.length;
        return a[0] === b[0] && a[1] === b[1] && a[0] <= m + 1e-12 && m <= a[1] + 1e-12;
      }),
      { numRuns: 50 },
    );
  });
});
