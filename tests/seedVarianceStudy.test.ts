import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { documentOfKind, parseSpecOfKind, planStudy, runStudy, StudyDocument, studyId } from '../src/index.ts';

const spec = parseSpecOfKind(
  {
    title: 'iris, 6 seeds',
    dataset: { name: 'iris' },
    split: { kind: 'stratified', testFraction: 0.3 },
    scaling: { kind: 'standardize' },
    model: { hidden: [8], activation: 'tanh', initializer: 'glorotUniform', dropout: 0 },
    training: { optimizer: { kind: 'adam', lr: 0.02 }, batchSize: 16, epochs: 15 },
    seeds: 6,
  },
  'seed-variance',
);

describe('seed-variance study, end to end on real data', () => {
  it('produces a valid, complete, honest document', async () => {
    await useNodeBackend('cpu');
    const progress: number[] = [];
    const doc = documentOfKind(await runStudy(spec, { groupSize: 4, onProgress: (p) => void progress.push(p.fraction) }), 'seed-variance');
    expect(() => StudyDocument.parse(doc)).not.toThrow();
    expect(doc.id).toBe(await studyId(spec));
    expect(doc.runs.map((r) => r.seed)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(doc.runs.map((r) => r.fingerprint)).size).toBe(6);
    expect(doc.repeatability).toEqual({ seeds: [1, 3, 6], identical: true, mismatches: [] });
    expect(doc.data).toEqual({ trainRows: 105, testRows: 45, features: 4, classes: 3 });
    expect(doc.model).toEqual({ layerSizes: [4, 8, 3], parameters: 4 * 8 + 8 + 8 * 3 + 3 });
    for (const r of doc.runs) {
      expect(r.curves.testAccuracy).toHaveLength(15);
      expect(r.testAccuracy).toBe(r.curves.testAccuracy[14]);
      // Accuracy on 45 test rows is a multiple of 1/45.
      expect(Math.abs(r.testAccuracy! * 45 - Math.round(r.testAccuracy! * 45))).toBeLessThan(1e-4);
    }
    const accs = doc.runs.map((r) => r.testAccuracy!);
    const s = doc.summary!;
    expect(s.n).toBe(6);
    expect(s.mean).toBeCloseTo(accs.reduce((a, b) => a + b) / 6, 12);
    expect(s.min).toBe(Math.min(...accs));
    expect(s.max).toBe(Math.max(...accs));
    expect(s.ci95.t[0]).toBeLessThanOrEqual(s.mean);
    expect(s.ci95.t[1]).toBeGreaterThanOrEqual(s.mean);
    expect(s.mean).toBeGreaterThan(0.8); // iris is easy: a broken trainer would not get here
    expect(doc.verdict).toEqual([
      { question: 'same-seed-same-weights', outcome: { is: 'yes' }, facts: { example: { seed: 1, fingerprint: doc.runs[0].fingerprint } } },
      { question: 'seed-moves-accuracy', outcome: { is: 'yes' }, facts: { finished: 6, diverged: 0 } },
    ]);
    expect(s.max).toBeGreaterThan(s.min); // why "yes": these 6 seeds do not all reach the same accuracy
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('plans groups of seeds plus a repeatability unit', () => {
    expect(planStudy(spec, 4)).toEqual([
      { purpose: 'main', seeds: [1, 2, 3, 4] },
      { purpose: 'main', seeds: [5, 6] },
      { purpose: 'repeat', seeds: [1, 3, 6] },
    ]);
  });
});
