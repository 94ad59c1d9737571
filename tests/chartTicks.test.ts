import { describe, expect, it } from 'vitest';
import { CATEGORY_COLORS, plainTick } from '../site/src/charts/plotSvg.ts';

describe('plainTick', () => {
  it('writes plain decimals, or a power of ten where a decimal would be long', () => {
    // Expected strings written by hand.
    expect([0.5, 0.001, 100, 0.3333333, 0].map(plainTick)).toEqual(['0.5', '0.001', '100', '0.333', '0']);
    expect([0.0001, 2.5e-6, 1e5].map(plainTick)).toEqual(['1e−4', '2.5e−6', '1e5']);
  });
});

/** WCAG 2.x relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio), written from the definition. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('category colours', () => {
  it('have 3:1 contrast or more on the light and the dark page background', () => {
    // Checks of the formula on known pairs: black on white is 21:1, white on white 1:1.
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    for (const color of CATEGORY_COLORS) {
      expect(contrast(color, '#ffffff'), `${color} on light`).toBeGreaterThanOrEqual(3);
      expect(contrast(color, '#0d1117'), `${color} on dark`).toBeGreaterThanOrEqual(3);
    }
  });
});
