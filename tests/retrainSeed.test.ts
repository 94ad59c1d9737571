import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import {
  type BackendName,
  checkableRuns,
  ENGINE_VERSION,
  EngineVersionError,
  NotCheckableError,
  parseStudySpec,
  retrainSeed,
  type StudyDocument,
} from '../src/index.ts';
import { GOLDEN_CASES } from './golden/cases.ts';

// The expected fingerprints are the ones golden.json recorded when the whole study trained its seeds
// in groups of two (tests/golden/runGolden.ts); here each seed trains alone.
const golden = JSON.parse(readFileSync('tests/golden/golden.json', 'utf8')) as {
  cases: Record<string, { fingerprints: Record<string, string[]> }>;
};
const recorded = (key: string, list: string, seed: number) =>
  golden.cases[key].fingerprints[list].find((x) => x.startsWith(`${seed}:`))?.slice(`${seed}:`.length);

/** The parts of a document re-training reads: its kind, spec and engine (the runs are not needed to train). */
function documentOf(caseName: string, backend: BackendName, engine = ENGINE_VERSION): StudyDocument {
  const found = GOLDEN_CASES.find((c) => c.name === caseName);
  if (!found) throw new Error(`no golden case ${caseName}`);
  const spec = parseStudySpec({ ...found.spec, backend });
  return { kind: spec.kind, spec, environment: { engine } } as unknown as StudyDocument;
}

describe('re-training one run of a study', () => {
  for (const backend of ['cpu', 'wasm'] as const) {
    it(`gives the fingerprint the study recorded for a seed-variance seed, on ${backend}`, async () => {
      await useNodeBackend(backend);
      const run = await retrainSeed(documentOf('seed-variance-moons', backend), { arm: null, seed: 3 });
      expect(run.fingerprint).toBe(recorded(`seed-variance-moons/${backend}`, 'runs', 3));
      expect(run.environment.backend).toBe(backend);
    });

    it(`gives the fingerprint the study recorded for each arm of a compare study, on ${backend}`, async () => {
      await useNodeBackend(backend);
      const doc = documentOf('compare', backend);
      // The fixture's arms are labelled adam (a) and sgd (b).
      expect((await retrainSeed(doc, { arm: 'a', seed: 2 })).fingerprint).toBe(recorded(`compare/${backend}`, 'adam', 2));
      expect((await retrainSeed(doc, { arm: 'b', seed: 4 })).fingerprint).toBe(recorded(`compare/${backend}`, 'sgd', 4));
    });
  }

  it('refuses a document from another engine version, naming it', async () => {
    await expect(retrainSeed(documentOf('seed-variance-moons', 'cpu', '0.2.0'), { arm: null, seed: 1 })).rejects.toThrow(
      EngineVersionError,
    );
    await expect(retrainSeed(documentOf('seed-variance-moons', 'cpu', '0.2.0'), { arm: null, seed: 1 })).rejects.toThrow(/engine 0\.2\.0/);
  });

  it('refuses a kind whose runs are not one seed of one setup', async () => {
    const doc = documentOf('lr-range-test', 'cpu');
    expect(checkableRuns(doc)).toBeNull();
    await expect(retrainSeed(doc, { arm: null, seed: 1 })).rejects.toThrow(NotCheckableError);
  });

  it('lists the runs of a compare study arm by arm, with what the study recorded (no accuracy for a diverged run)', () => {
    const doc = {
      kind: 'compare',
      arms: [
        { runs: [{ seed: 1, fingerprint: 'aa', testAccuracy: 0.5, diverged: false }] },
        { runs: [{ seed: 1, fingerprint: 'bb', testAccuracy: 0.1, diverged: true }] },
      ],
    } as unknown as StudyDocument;
    expect(checkableRuns(doc)).toEqual([
      { arm: 'a', seed: 1, fingerprint: 'aa', testAccuracy: 0.5 },
      { arm: 'b', seed: 1, fingerprint: 'bb', testAccuracy: null },
    ]);
  });
});
