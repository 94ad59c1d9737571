import { describe, expect, it } from 'vitest';
import { countBelow, curveSpreadOf, distributionOf, keepsEveryRun, mostExtreme, nearestSeed } from '../src/document/runSummaries.ts';
import { probabilityOfSuperiority } from '../src/stats/fewRuns.ts';

// Expected values by hand, with R's type-7 quantile (numpy's default): h = (n - 1) q, then linear
// interpolation between the order statistics floor(h) and floor(h) + 1.
/** The distribution of values that have one (every test here gives values). */
function distributionOfSome(values: number[]) {
  const d = distributionOf(values);
  if (!d) throw new Error('no distribution of a non-empty list');
  return d;
}

describe('the summaries a document keeps instead of every run', () => {
  it('quantiles of five values, and a count per distinct value', () => {
    const d = distributionOf([0.9, 0.8, 0.95, 0.8, 1.0]);
    // sorted 0.8 0.8 0.9 0.95 1.0, h = 4q: p05 h=0.2 -> 0.8; p95 h=3.8 -> 0.95 + 0.8 x 0.05 = 0.99;
    // p99 h=3.96 -> 0.95 + 0.96 x 0.05 = 0.998.
    expect(d?.n).toBe(5);
    expect(d?.quantiles.p01).toBeCloseTo(0.8, 12);
    expect(d?.quantiles.p05).toBeCloseTo(0.8, 12);
    expect(d?.quantiles.p25).toBeCloseTo(0.8, 12);
    expect(d?.quantiles.p50).toBeCloseTo(0.9, 12);
    expect(d?.quantiles.p75).toBeCloseTo(0.95, 12);
    expect(d?.quantiles.p95).toBeCloseTo(0.99, 12);
    expect(d?.quantiles.p99).toBeCloseTo(0.998, 12);
    expect(d?.histogram).toEqual({ kind: 'values', values: [0.8, 0.9, 0.95, 1.0], counts: [2, 1, 1, 1] });
    expect(distributionOf([])).toBeNull();
  });

  it('past 200 distinct values, 60 bins of equal width; the maximum falls in the last', () => {
    // 0..240: 241 values, width 240 / 60 = 4, so bin i holds 4i..4i+3, and the last 236..240 (five).
    const d = distributionOfSome(Array.from({ length: 241 }, (_, i) => 240 - i));
    expect(d.histogram).toEqual({ kind: 'bins', from: 0, width: 4, counts: [...new Array(59).fill(4), 5] });
    expect(d.quantiles.p50).toBe(120);
    // Below 10: bins [0, 4) and [4, 8) whole (8), and half of [8, 12) by interpolation (2): 10, as counted.
    expect(countBelow(d, 10)).toEqual({ below: 10, exact: false });
  });

  it('counts the values below a new one exactly from a count per value', () => {
    const d = distributionOfSome([0.9, 0.8, 0.95, 0.8, 1.0]);
    expect(countBelow(d, 0.92)).toEqual({ below: 3, exact: true });
    expect(countBelow(d, 0.8)).toEqual({ below: 0, exact: true });
  });

  it('curve bands per epoch, null where no run has a value', () => {
    const run = (loss: number, second: number | null) => ({
      curves: { trainLoss: [loss, second], trainAccuracy: [0, null], testLoss: [0, null], testAccuracy: [0, null] },
    });
    const { median, bands } = curveSpreadOf([run(3, null), run(1, null), run(5, null), run(2, null), run(4, null)], 2);
    // 1 2 3 4 5, h = 4q: p05 h=0.2 -> 1.2, p25 -> 2, p50 -> 3, p75 -> 4, p95 h=3.8 -> 4.8.
    expect(bands.trainLoss.p05[0]).toBeCloseTo(1.2, 12);
    expect(bands.trainLoss.p25[0]).toBe(2);
    expect(median.trainLoss).toEqual([3, null]);
    expect(bands.trainLoss.p75[0]).toBe(4);
    expect(bands.trainLoss.p95).toEqual([expect.closeTo(4.8, 12), null]);
  });

  it('a document keeps every run up to 100 runs and 2,500 curve points per curve', () => {
    expect(keepsEveryRun(100, 20)).toBe(true);
    expect(keepsEveryRun(101, 1)).toBe(false);
    expect(keepsEveryRun(100, 200)).toBe(false);
    expect(keepsEveryRun(25, 100)).toBe(true);
  });

  it('names at most 20 outliers, the farthest from the median, by seed', () => {
    // Seeds 1..25 at distance 1..25 from a median of 0: seeds 6..25 are the 20 farthest.
    const outliers = Array.from({ length: 25 }, (_, i) => ({ seed: i + 1, value: (i % 2 ? 1 : -1) * (i + 1) }));
    expect(mostExtreme(outliers, 0).map((o) => o.seed)).toEqual(Array.from({ length: 20 }, (_, i) => i + 6));
  });

  it('the median run: nearest the median, the lowest seed among equals', () => {
    expect(
      nearestSeed(
        new Map([
          [5, 9],
          [3, 8],
          [7, 10],
        ]),
        8.5,
      ),
    ).toBe(3);
    expect(nearestSeed(new Map(), 1)).toBeNull();
  });

  it('P(A beats B) counts wins and half ties as the pairwise definition does', () => {
    // 1 beats none of 2, 2, 4; 2 ties 2 and 2 (0.5 + 0.5); 3 beats 2 and 2: (0 + 1 + 2) / 9.
    expect(probabilityOfSuperiority([1, 2, 3], [2, 2, 4])).toBeCloseTo(1 / 3, 15);
    expect(probabilityOfSuperiority([5], [5])).toBe(0.5);
  });
});
