import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  probabilityOfSuperiority,
  runStatistics,
  runsForPrecision,
  shareAbove,
  unpairedRunsNeeded,
  welchInterval,
} from '../src/stats/fewRuns.ts';
import { pairedDifference } from '../src/stats/paired.ts';

// Known answers from scipy and from rliable's formulas (bench/few_runs_reference.py, which says how
// each was computed; Python is not in CI, so its output is committed).
const reference = JSON.parse(readFileSync('bench/reference/few-runs-reference.json', 'utf8'));
type Sample = {
  values: number[];
  mean: number;
  meanInterval: [number, number];
  std: number;
  stdInterval: [number, number];
  median: number;
  iqm: number;
  medianInterval: [number, number];
  iqmInterval: [number, number];
  runsForPrecision: { halfWidth: number; runs: number };
};
const samples = Object.entries(reference.samples as Record<string, Sample>);

/**
 * The bootstrap intervals cannot match rliable's draw for draw (numpy's generator, 50,000
 * resamples; Seedlab's seeded stream, 2,000): each endpoint within a tenth of the runs' standard
 * deviation. Measured on these samples: at most 0.073 sd (the IQM of five runs), most exactly equal.
 */
const BOOTSTRAP_TOLERANCE_SD = 0.1;

describe('statistics of a few runs, against scipy and rliable', () => {
  it('has the four reference samples', () => {
    expect(samples.map(([name]) => name)).toEqual(['ten', 'five', 'losses', 'thirteen']);
  });

  for (const [name, s] of samples) {
    it(`${name}: mean with its t interval, std with its chi-square interval, median and IQM exact`, () => {
      const ours = runStatistics(s.values);
      expect(ours.n).toBe(s.values.length);
      expect(ours.mean).toBeCloseTo(s.mean, 12);
      expect(ours.meanInterval[0]).toBeCloseTo(s.meanInterval[0], 9); // @stdlib's t quantile and scipy's agree to ~1e-10
      expect(ours.meanInterval[1]).toBeCloseTo(s.meanInterval[1], 9);
      expect(ours.std).toBeCloseTo(s.std, 12);
      expect(ours.stdInterval[0]).toBeCloseTo(s.stdInterval[0], 9);
      expect(ours.stdInterval[1]).toBeCloseTo(s.stdInterval[1], 9);
      expect(ours.median).toBeCloseTo(s.median, 12);
      expect(ours.iqm).toBeCloseTo(s.iqm, 12);
    });

    it(`${name}: median and IQM percentile bootstrap intervals within ${BOOTSTRAP_TOLERANCE_SD} sd of rliable's`, () => {
      const ours = runStatistics(s.values);
      for (const [mine, theirs] of [
        [ours.medianInterval, s.medianInterval],
        [ours.iqmInterval, s.iqmInterval],
      ]) {
        expect(Math.abs(mine[0] - theirs[0])).toBeLessThanOrEqual(BOOTSTRAP_TOLERANCE_SD * s.std);
        expect(Math.abs(mine[1] - theirs[1])).toBeLessThanOrEqual(BOOTSTRAP_TOLERANCE_SD * s.std);
      }
    });

    it(`${name}: runs for the mean's interval to be ± half a standard deviation`, () => {
      expect(runsForPrecision(s.std, s.runsForPrecision.halfWidth)).toBe(s.runsForPrecision.runs);
    });
  }

  it('the IQM cuts floor(n / 4) runs from each end, as scipy.stats.trim_mean(x, 0.25)', () => {
    // Hand: 13 values sorted 1 1 2 3 3 4 5 5 5 6 8 9 9; cut 3 each end: 3 3 4 5 5 5 6 -> 31 / 7.
    expect(runStatistics([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9]).iqm).toBeCloseTo(31 / 7, 12);
    // Five values: cut 1 each end: 0.69 0.71 0.74 -> 2.14 / 3.
    expect(runStatistics([0.71, 0.74, 0.74, 0.69, 0.52]).iqm).toBeCloseTo(2.14 / 3, 12);
  });

  it('the same runs give the same intervals (a seeded bootstrap)', () => {
    const values = reference.samples.ten.values as number[];
    expect(runStatistics(values)).toEqual(runStatistics([...values]));
  });

  it('paired arms: the paired t interval and the share of seeds where A beats B', () => {
    const p = reference.paired;
    const bySeed = (xs: number[]) => new Map(xs.map((x, i) => [i + 1, x]));
    const d = pairedDifference(bySeed(p.a), bySeed(p.b));
    expect(d?.meanDiff).toBeCloseTo(p.meanDiff, 12);
    expect(d?.interval?.[0]).toBeCloseTo(p.interval[0], 9);
    expect(d?.interval?.[1]).toBeCloseTo(p.interval[1], 9);
    const diffs = (p.a as number[]).map((x, i) => x - p.b[i]);
    expect(shareAbove(diffs)).toBeCloseTo(p.shareAbove, 12);
    expect(shareAbove([0.1, 0, -0.2, 0.3])).toBe(0.625); // (2 wins + 0.5 tie) / 4
  });

  it('unpaired arms: Welch’s interval and the Mann-Whitney probability of improvement', () => {
    const u = reference.unpaired;
    const w = welchInterval(u.a, u.b);
    expect(w.meanDiff).toBeCloseTo(u.meanDiff, 12);
    expect(w.df).toBeCloseTo(u.df, 9);
    expect(w.interval[0]).toBeCloseTo(u.interval[0], 9);
    expect(w.interval[1]).toBeCloseTo(u.interval[1], 9);
    expect(probabilityOfSuperiority(u.a, u.b)).toBeCloseTo(u.probabilityOfImprovement, 12);
    // Two arms that never vary: the difference is exact.
    expect(welchInterval([1, 1], [0.5, 0.5])).toEqual({ meanDiff: 0.5, interval: [0.5, 0.5], df: null });
  });

  it('runs per arm for an unpaired comparison: Guenther’s two-sample formula', () => {
    // Hand: 2 ((1.959964 + 0.841621) · 0.02 / 0.01)^2 + 1.959964^2 / 4 = 2 · 31.3955 + 0.9604 = 63.75 -> 64.
    expect(unpairedRunsNeeded(0.01, 0.02)).toBe(64);
    expect(unpairedRunsNeeded(1, 0.001)).toBe(2);
  });

  it('runs for a precision: none needed beyond two when runs do not vary; null beyond a million', () => {
    expect(runsForPrecision(0, 0.001)).toBe(2);
    expect(runsForPrecision(1, 1e-6)).toBeNull();
  });
});
