import { describe, expect, it } from 'vitest';
import {
  divergenceIndex,
  minOver10Suggestion,
  smoothLosses,
  steepestSuggestion,
  valleySuggestion,
} from '../src/studies/lr-range-test/suggestions.ts';

// A synthetic range-test curve with a known shape: flat, then a descent steepest at lr = 1e-2
// (a tanh step in log10 lr), a minimum near 1e-1, then a blow-up.
const lrs = Array.from({ length: 100 }, (_, i) => 1e-5 * (10 / 1e-5) ** (i / 99));
const curve = lrs.map((lr) => {
  const x = Math.log10(lr);
  return 2 - Math.tanh((x + 2) * 2) + (x > -1 ? 30 * (x + 1) ** 2 : 0);
});

describe('learning-rate suggestion rules', () => {
  it('steepest finds the steepest descent against log10(lr)', () => {
    const s = steepestSuggestion(lrs, curve)!;
    expect(Math.log10(s)).toBeCloseTo(-2, 0.5);
    expect(Math.abs(Math.log10(s) + 2)).toBeLessThan(0.1);
  });

  it('steepest skips the first 10 and last 5 points', () => {
    const spiky = curve.slice();
    spiky[3] = -100; // a huge drop inside the skipped head
    spiky[97] = -100; // and inside the skipped tail
    expect(steepestSuggestion(lrs, spiky)).toBe(steepestSuggestion(lrs, curve));
  });

  it('minOver10 is the lr of the minimum divided by 10', () => {
    const i = curve.indexOf(Math.min(...curve));
    expect(minOver10Suggestion(lrs, curve)).toBe(lrs[i] / 10);
    expect(Math.log10(lrs[i])).toBeGreaterThan(-1.3);
    expect(Math.log10(lrs[i])).toBeLessThan(-0.7);
  });

  it('valley sits inside the longest descending stretch', () => {
    // The curve falls strictly from the first point to its minimum m: the stretch has m + 1 points;
    // fastai's rule (start = end - length, i.e. -1 here) picks start + floor(len/3) + floor(len/6).
    const m = curve.indexOf(Math.min(...curve));
    const len = m + 1;
    expect(valleySuggestion(lrs, curve)).toBe(lrs[-1 + Math.floor(len / 3) + Math.floor(len / 3 / 2)]);
    // A curve that only descends: the stretch is all 100 points, so valley lands at -1 + 33 + 16.
    const down = lrs.map((_, i) => 100 - i);
    expect(valleySuggestion(lrs, down)).toBe(lrs[48]);
  });

  it('smoothing: EMA with bias correction (the first value is the first loss)', () => {
    const s = smoothLosses([2, 4], 0.98);
    expect(s[0]).toBeCloseTo(2, 12);
    expect(s[1]).toBeCloseTo((0.98 * 0.02 * 2 + 0.02 * 4) / (1 - 0.98 ** 2), 12);
  });

  it('stops when the smoothed loss exceeds 4x the best, or is not finite', () => {
    expect(divergenceIndex([5, 3, 2, 7, 8], 4)).toBe(5);
    expect(divergenceIndex([5, 3, 2, 7, 9.5], 4)).toBe(4);
    expect(divergenceIndex([5, 3, NaN, 1], 4)).toBe(2);
  });
});
