import { describe, expect, it } from 'vitest';
import { unitResultMetadata } from '../functions/studies/store.ts';

const fingerprints = (n: number) => Array.from({ length: n }, (_, i) => i.toString(16).padStart(16, '0'));

describe('a unit result’s metadata fits KV’s 1,024 bytes at any unit size', () => {
  it('keeps every fingerprint of a ten-seed unit', () => {
    expect(unitResultMetadata(10, fingerprints(10))).toEqual({ runs: 10, fingerprints: fingerprints(10) });
  });

  it('keeps the first 52 of 100: {"runs":100,"fingerprints":[]} is 30 bytes, each 16-digit fingerprint 18 and a comma', () => {
    // 30 + 18n + (n - 1) <= 1024  =>  19n <= 995  =>  n = 52 (by hand).
    const kept = unitResultMetadata(100, fingerprints(100));
    expect(kept.runs).toBe(100);
    expect(kept.fingerprints).toEqual(fingerprints(52));
  });
});
