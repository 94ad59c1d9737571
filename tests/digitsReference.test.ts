import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { documentOfKind, findPreset, parseStudySpec, runStudy } from '../src/index.ts';

// Independent measurements of the same protocol, made by bench/pytorch_digits_reference.py and
// bench/sklearn_digits_reference.py (see bench/README.md).
const references = ['pytorch', 'sklearn'].map((name) => ({
  name,
  ...(JSON.parse(readFileSync(`bench/reference/${name}-digits-reference.json`, 'utf8')) as { mean: number; std: number }),
}));

describe('digits-reference agrees with PyTorch and scikit-learn', () => {
  it('30 seeds: mean within 1 point and std within a factor of 2 of each reference', async () => {
    await useNodeBackend('wasm');
    const doc = documentOfKind(await runStudy(parseStudySpec(findPreset('digits-reference')!.spec)), 'seed-variance');
    expect(doc.runs).toHaveLength(30);
    expect(new Set(doc.runs.map((r) => r.fingerprint)).size).toBe(30);
    expect(doc.repeatability.identical).toBe(true);
    expect(doc.data).toMatchObject({ trainRows: 1348, testRows: 449 });
    const s = doc.summary!;
    for (const ref of references) {
      expect(Math.abs(s.mean - ref.mean), ref.name).toBeLessThan(0.01);
      expect(s.std / ref.std, ref.name).toBeGreaterThan(0.5);
      expect(s.std / ref.std, ref.name).toBeLessThan(2);
    }
  });
});
