import { describe, expect, it } from 'vitest';
import { bonferroniLevel, pairedDifference, pairedLeader, pairedSeedsNeeded, significantSign } from '../src/stats/paired.ts';

const bySeed = (xs: number[]) => new Map(xs.map((x, i) => [i + 1, x]));

describe('paired comparisons over the same seeds', () => {
  it('a paired t interval: differences 1, 2, 3 have mean 2, sd 1, and t(0.975, 2) = 4.302652729911275', () => {
    // scipy.stats.t.ppf(0.975, 2) = 4.302652729911275; half width = 4.3027 * 1 / sqrt(3) = 2.4841.
    const d = pairedDifference(bySeed([11, 12, 13]), bySeed([10, 10, 10]));
    expect(d?.meanDiff).toBe(2);
    expect(d?.pairs).toBe(3);
    expect(d?.sd).toBe(1);
    expect(d?.interval?.[0]).toBeCloseTo(2 - 4.302652729911275 / Math.sqrt(3), 9); // @stdlib and scipy agree on t to ~1e-10
    expect(d?.interval?.[1]).toBeCloseTo(2 + 4.302652729911275 / Math.sqrt(3), 9); // @stdlib and scipy agree on t to ~1e-10
    expect(significantSign(d)).toBe(0); // the interval [-0.48, 4.48] includes zero
  });

  it('pairs only the seeds both sides have, and has no interval from one pair', () => {
    const d = pairedDifference(
      new Map([
        [1, 5],
        [2, 6],
      ]),
      new Map([
        [2, 1],
        [3, 9],
      ]),
    );
    expect(d).toEqual({ meanDiff: 5, interval: null, level: 0.95, pairs: 1, sd: null });
    expect(significantSign(d)).toBe(0);
    expect(pairedDifference(new Map([[1, 5]]), new Map([[2, 1]]))).toBeNull();
  });

  it('Bonferroni: 4 comparisons at a family level of 95% use 98.75% each', () => {
    expect(bonferroniLevel(4)).toBeCloseTo(0.9875, 12);
    expect(bonferroniLevel(0)).toBe(0.95);
  });

  it('a leader wins only when it beats every other group; otherwise it is tied with those it does not', () => {
    // A beats C by 0.10 on every seed (sd 0: a zero-width interval above zero); A − B is 0.01, −0.01, 0.02, 0: tied.
    const groups = [
      { key: 'A', values: bySeed([0.9, 0.9, 0.92, 0.9]) },
      { key: 'B', values: bySeed([0.89, 0.91, 0.9, 0.9]) },
      { key: 'C', values: bySeed([0.8, 0.8, 0.82, 0.8]) },
    ];
    const result = pairedLeader(groups);
    expect(result?.leader).toBe('A');
    expect(result?.tiedWith).toEqual(['B']);
    expect(pairedLeader(groups.filter((g) => g.key !== 'B'))?.tiedWith).toEqual([]);
  });
});

describe('seeds needed for a paired design', () => {
  // The exact answer: the smallest n whose paired t test (two-sided 5%) has power >= 0.8, from the
  // noncentral t (scipy.stats.nct, df = n - 1, noncentrality effect sqrt(n) / sd). Guenther's
  // formula agrees at these effect sizes.
  it('matches the exact noncentral-t sample size', () => {
    expect(pairedSeedsNeeded(0.005, 0.01)).toBe(34); // effect / sd = 0.5
    expect(pairedSeedsNeeded(0.01, 0.01)).toBe(10); // 1.0
    expect(pairedSeedsNeeded(0.0025, 0.01)).toBe(128); // 0.25
  });

  it('never asks for fewer than two seeds', () => {
    expect(pairedSeedsNeeded(0.005, 0)).toBe(2); // 0 + 1.92, rounded up
  });
});
