import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { headlineOf, verdictOf } from '../site/src/presentation/index.ts';
import { combineStudy, documentOfKind, parseStudySpec, planStudy, runStudyUnit, type StudySpec } from '../src/index.ts';

// A study whose units partly failed for good: the document is built from the units that finished
// and names what is missing; a kind that cannot answer without a unit says so by throwing.
const iris = {
  dataset: { name: 'iris' },
  split: { kind: 'stratified' },
  scaling: { kind: 'standardize' },
  model: { hidden: [4] },
  training: { optimizer: { kind: 'adam', lr: 0.05 }, batchSize: 16, epochs: 2 },
  backend: 'cpu',
};

/** Runs every unit except those whose purpose is `failing`, and combines with those as failed. */
async function withFailedUnits(spec: StudySpec, failing: string) {
  await useNodeBackend('cpu');
  const units = planStudy(spec, 2);
  const parts = [];
  for (const unit of units.filter((u) => u.purpose !== failing)) parts.push({ unit, ...(await runStudyUnit(spec, unit)) });
  const failed = units.filter((u) => u.purpose === failing).map((unit) => ({ unit, error: 'simulated', attempts: 3 }));
  return combineStudy(spec, parts, failed);
}

describe('partial studies', () => {
  it('seed-variance without its re-run: the runs are there, repeatability is not measured', async () => {
    const doc = documentOfKind(await withFailedUnits(parseStudySpec({ ...iris, seeds: 3 }), 'repeat'), 'seed-variance');
    expect(doc.runs.map((r) => r.seed)).toEqual([1, 2, 3]);
    expect(doc.verdict[0].outcome).toEqual({ is: 'undecided', because: 'not-measured' });
    // The report words it as unanswered, in both languages, and the headline does not claim determinism.
    expect(verdictOf(doc, 'en')[0]).toMatchObject({ short: 'n/a', answer: 'Not measured by this study.' });
    expect(verdictOf(doc, 'zh')[0].short).toBe('无');
    expect(headlineOf(doc, 'en')).toMatch(/repeatability not measured$/);
    expect(doc.partial).toEqual({
      failedSeeds: [1, 2, 3],
      failures: [
        { purpose: 'repeat', seeds: [1, 2], error: 'simulated', attempts: 3 },
        { purpose: 'repeat', seeds: [3], error: 'simulated', attempts: 3 },
      ],
    });
  });

  it('variance-sources without cpu against wasm: the sources are there, the backends question is not measured', async () => {
    const spec = parseStudySpec({ ...iris, kind: 'variance-sources', runs: 2, implementationSeeds: 1 });
    const doc = documentOfKind(await withFailedUnits(spec, 'implementation'), 'variance-sources');
    expect(doc.sources.every((s) => s.runs.length === 2)).toBe(true);
    expect(doc.verdict.find((v) => v.question === 'backends-agree')?.outcome).toEqual({ is: 'undecided', because: 'not-measured' });
  });

  it('an lr-range-test without its sweep has nothing to say: combine refuses', async () => {
    const spec = parseStudySpec({ ...iris, kind: 'lr-range-test', seeds: 2, range: { iterations: 20 }, verify: { multipliers: [0.1, 1] } });
    await expect(withFailedUnits(spec, 'range')).rejects.toThrow(/range unit is missing/);
  });

  it('no unit finished: nothing to combine', async () => {
    await expect(combineStudy(parseStudySpec({ ...iris, seeds: 2 }), [])).rejects.toThrow(/nothing to combine/);
  });
});
