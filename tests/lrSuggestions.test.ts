import { describe, expect, it } from 'vitest';
import {
  minOver10Suggestion,
  recordedLength,
  smoothLosses,
  steepestSuggestion,
  suggestionWindow,
  valleySuggestion,
} from '../src/studies/lr-range-test/suggestions.ts';

// Expected values are worked by hand from fastai's code (fastai/callback/schedule.py: LRFinder,
// lr_find, steep, minimum, valley); each case says how.

// A synthetic range-test curve with a known shape: flat, then a descent steepest at lr = 1e-2
// (a tanh step in log10 lr), a minimum near 1e-1, then a blow-up.
const lrs = Array.from({ length: 100 }, (_, i) => 1e-5 * (10 / 1e-5) ** (i / 99));
const curve = lrs.map((lr) => {
  const x = Math.log10(lr);
  return 2 - Math.tanh((x + 2) * 2) + (x > -1 ? 30 * (x + 1) ** 2 : 0);
});

describe('steep (fastai)', () => {
  it('takes the left point of the steepest forward difference against ln(lr)', () => {
    // Slopes over ln lr steps of 1: 3-4 = -1, 1-3 = -2, 0.5-1 = -0.5. Steepest is the second step, left point e.
    expect(steepestSuggestion([1, Math.E, Math.E ** 2, Math.E ** 3], [4, 3, 1, 0.5])).toBe(Math.E);
  });

  it('keeps the first of equally steep steps', () => {
    // Slopes -1 and -1 (ln 2 - ln 1 = ln 4 - ln 2): the first step wins, left point 1.
    expect(steepestSuggestion([1, 2, 4], [3, 3 - Math.LN2, 3 - 2 * Math.LN2])).toBe(1);
  });

  it('needs two points', () => {
    expect(steepestSuggestion([0.1], [1])).toBeNull();
  });

  it('finds the tanh step of the synthetic curve at 1e-2', () => {
    expect(Math.abs(Math.log10(steepestSuggestion(lrs, curve)!) + 2)).toBeLessThan(0.1);
  });
});

describe('minimum (fastai), divided by 10', () => {
  it('takes the first lowest loss', () => {
    // Lowest loss 1 first at lr 0.2; 0.2 / 10 = 0.02.
    expect(minOver10Suggestion([0.1, 0.2, 0.3, 0.4], [3, 1, 1, 2])).toBeCloseTo(0.02, 15);
  });

  it('finds the minimum of the synthetic curve near 1e-1', () => {
    const s = minOver10Suggestion(lrs, curve)!;
    expect(Math.log10(s * 10)).toBeGreaterThan(-1.3);
    expect(Math.log10(s * 10)).toBeLessThan(-0.7);
  });
});

describe('valley (fastai)', () => {
  it('takes a point a third plus a sixth of the way down the longest descent', () => {
    // losses 5,4,6,3,2: longest decreasing run lengths 1,2,1,3,4, so max_end = 4, max_start = 4 - 4 = 0;
    // sections = 4/3, index = 0 + 1 + 0 = 1.
    expect(valleySuggestion([10, 11, 12, 13, 14], [5, 4, 6, 3, 2])).toBe(11);
  });

  it('uses start = end - length, so a curve descending from its first point starts at -1', () => {
    // 100 falling points: max_end = 99, max_start = 99 - 100 = -1; sections = 100/3; -1 + 33 + 16 = 48.
    expect(
      valleySuggestion(
        lrs,
        lrs.map((_, i) => 100 - i),
      ),
    ).toBe(lrs[48]);
  });

  it('differs from fastai on a two-point descent: the first lr, where Python index -1 wraps to the last', () => {
    // max_end = 1, max_start = -1, sections = 2/3: index -1. fastai's lrs[-1] is the last lr of the window;
    // Seedlab clamps to the first, the start of the descent.
    expect(valleySuggestion([1, 2, 3], [2, 1, 5])).toBe(1);
  });
});

describe('what the range test records', () => {
  it('smooths with an exponential average and bias correction', () => {
    // avg1 = 0.02*2 = 0.04, /(1-0.98) = 2; avg2 = 0.98*0.04 + 0.02*4 = 0.1192, /(1-0.98^2 = 0.0396) = 298/99.
    const s = smoothLosses([2, 4], 0.98);
    expect(s[0]).toBeCloseTo(2, 12);
    expect(s[1]).toBeCloseTo(298 / 99, 12);
  });

  it('records up to and including the first smoothed loss above divergeFactor x the best', () => {
    expect(recordedLength([5, 3, 2, 7, 8], 4)).toBe(5); // 8 is not above 4 x 2
    expect(recordedLength([5, 3, 2, 7, 9.5], 4)).toBe(5); // 9.5 is, and is recorded
    expect(recordedLength([5, 3, 2, 9.5, 1], 4)).toBe(4);
    expect(recordedLength([5, Number.POSITIVE_INFINITY, 1], 4)).toBe(2);
    expect(recordedLength([5, 3, Number.NaN, 1], 4)).toBe(4); // NaN > x is false in Python too
  });

  it('reads the window recorded[num_it // 10 : -5], cut at the first non-finite loss', () => {
    const flat = new Array(100).fill(1);
    expect(suggestionWindow(flat, 100, 100)).toEqual({ start: 10, end: 95 });
    expect(suggestionWindow(flat, 100, 40)).toEqual({ start: 10, end: 35 });
    expect(suggestionWindow(flat, 100, 12)).toEqual({ start: 10, end: 10 }); // empty: no suggestion
    const withNaN = flat.slice();
    withNaN[50] = Number.NaN;
    expect(suggestionWindow(withNaN, 100, 100)).toEqual({ start: 10, end: 50 });
    expect(suggestionWindow(flat, 25, 25)).toEqual({ start: 2, end: 20 }); // 25 // 10 = 2
  });
});
