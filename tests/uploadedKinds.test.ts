import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { parseStudySpec, provideDataset, readDatasetCsv, runStudy } from '../src/index.ts';
import { goldenFacts } from './golden/facts.ts';
import { KIND_FIXTURES, readKindFixture } from './kindFixtures.ts';

// Every study kind trains on an uploaded table exactly as on the built-in set it copies: each
// kind's fast fixture, with its dataset replaced by an upload of the same CSV file (data/*.csv,
// label column `target`), gives the fingerprints and numbers tests/golden/golden.json recorded for
// the built-in set on cpu.
const golden = JSON.parse(readFileSync('tests/golden/golden.json', 'utf8')) as { cases: Record<string, unknown> };
const FILES: Record<string, string> = { iris: 'data/iris.csv', digits: 'data/digits.csv' };

/** The spec with every built-in dataset it names replaced by the uploaded copy (a compare study names one per arm). */
async function onUploadedCopy(spec: Record<string, unknown>): Promise<Record<string, unknown>> {
  const replace = async (setup: Record<string, unknown>) => {
    const { name } = setup.dataset as { name: string };
    const dataset = await readDatasetCsv(readFileSync(FILES[name], 'utf8'), 'target');
    provideDataset(dataset);
    return { ...setup, dataset: { name: 'upload', id: dataset.id } };
  };
  if ('dataset' in spec) return replace(spec);
  return { ...spec, a: await replace(spec.a as Record<string, unknown>), b: await replace(spec.b as Record<string, unknown>) };
}

describe('every kind on an uploaded copy of its built-in data', () => {
  // Every kind that trains (imported runs train on no dataset).
  for (const fixture of KIND_FIXTURES.filter((f) => readKindFixture(f).kind !== 'imported')) {
    const name = fixture.split('/').pop() as string;
    it(`${name}: the golden fingerprints and numbers of the built-in set`, async () => {
      await useNodeBackend('cpu');
      const spec = parseStudySpec({ ...(await onUploadedCopy(readKindFixture(fixture))), backend: 'cpu' });
      const doc = await runStudy(spec, { groupSize: 2, switchBackend: useNodeBackend });
      expect(JSON.parse(JSON.stringify(await goldenFacts(doc)))).toEqual(golden.cases[`${name}/cpu`]);
    });
  }
});
