import { existsSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { useNodeBackend } from '../cli/nodeBackends.ts';
import { KIND_SENTENCES, type KindSentencesMap } from '../site/src/kinds/sentences.ts';
import {
  createKindRegistry,
  type DigestOfKind,
  STUDY_KIND_MODULES,
  STUDY_KINDS,
  type StudyDocument,
  type StudyKind,
} from '../src/index.ts';
import { importedScores } from './fixtures/importedScores.ts';
import { type MajorityBaselineDocument, majorityBaseline } from './fixtures/majority-baseline/index.ts';
import { majorityBaselineSentences } from './fixtures/majority-baseline/sentences.ts';
import { GOLDEN_CASES, goldenCasesIn } from './golden/cases.ts';
import { goldenFacts, type KindsRoot } from './golden/facts.ts';
import { KIND_FIXTURES, kindFixturesOf } from './kindFixtures.ts';

/**
 * The kinds under a root whose view is incomplete: site/src/kinds/views.ts finds a kind's
 * Report.astro and its charts.ts's `view` by name, so a kind without either has no page.
 */
async function missingViews(kinds: readonly string[], root: 'site/src/kinds' | KindsRoot): Promise<string[]> {
  const missing: string[] = [];
  for (const kind of kinds) {
    const charts = !existsSync(`${root}/${kind}/charts.ts`)
      ? null
      : root === 'site/src/kinds'
        ? await import(`../site/src/kinds/${kind}/charts.ts`)
        : await import(`./fixtures/${kind}/charts.ts`);
    if (!existsSync(`${root}/${kind}/Report.astro`) || typeof charts?.view?.mainChart !== 'function') missing.push(kind);
  }
  return missing;
}

// The one line that adds a kind (src/studies/registry.ts lists the real ones the same way).
const registry = createKindRegistry([...STUDY_KIND_MODULES, majorityBaseline] as const);

type Spec = ReturnType<typeof registry.parseStudySpec>;
type Doc = Awaited<ReturnType<typeof registry.runStudy>>;

describe('adding a study kind: a folder for the engine, a folder for its view, one line in the list', () => {
  it('the spec union, the document union and the kind list take the new kind, in types', () => {
    expectTypeOf<Spec['kind']>().toEqualTypeOf<StudyKind | 'majority-baseline'>();
    expectTypeOf<Doc>().toEqualTypeOf<StudyDocument | MajorityBaselineDocument>();
    expectTypeOf(registry.kinds).toEqualTypeOf<(StudyKind | 'majority-baseline')[]>();
    expectTypeOf(registry.documentOfKind).parameter(1).toEqualTypeOf<StudyKind | 'majority-baseline'>();
  });

  it('and at run time: validation, the JSON Schema, the plan, the run, the stored document', async () => {
    expect(registry.kinds).toEqual([...STUDY_KINDS, 'majority-baseline']);
    const spec = registry.parseSpecOfKind(
      { kind: 'majority-baseline', dataset: { name: 'iris' }, split: { kind: 'stratified' }, seeds: 4 },
      'majority-baseline',
    );
    expect(() =>
      registry.parseStudySpec({ kind: 'majority-baseline', dataset: { name: 'iris' }, split: { kind: 'stratified' }, colour: 'red' }),
    ).toThrow(/Unrecognized key/);
    const kinds = JSON.stringify(z.toJSONSchema(registry.StudySpec, { io: 'input', unrepresentable: 'any' }));
    expect(kinds).toContain('"const":"majority-baseline"');
    expect(registry.planStudy(spec, 3).map((u) => u.seeds)).toEqual([[1, 2, 3], [4]]);
    expect(registry.estimateUnits(spec, registry.planStudy(spec, 3))).toEqual([
      { estimate: 0, upper: 0 },
      { estimate: 0, upper: 0 },
    ]);
    expect(registry.datasetOf(spec)).toEqual({ name: 'iris' });
    // The host starts the spec's backend before it runs units (the CLI and the Worker do).
    await useNodeBackend('cpu');
    const doc = registry.documentOfKind(await registry.runStudy(spec, { groupSize: 3 }), 'majority-baseline');
    // Iris has 50 rows per class; a stratified 25% split tests Math.round(12.5) = 13 of each, so
    // the training rows tie at 37 per class, the first class wins, and it is right on 13 of 39 rows.
    expect(doc.accuracies).toEqual([1, 2, 3, 4].map((seed) => ({ seed, accuracy: 13 / 39 })));
    expect(registry.parseStoredDocument(JSON.parse(JSON.stringify(doc)))).toMatchObject({
      success: true,
      data: { kind: 'majority-baseline' },
    });
  });

  it('a new kind needs no migration: a stored document from before it existed, or from a newer engine, is an error that says so', async () => {
    await useNodeBackend('cpu');
    const spec = registry.parseSpecOfKind(
      { kind: 'majority-baseline', dataset: { name: 'iris' }, split: { kind: 'stratified' }, seeds: 2 },
      'majority-baseline',
    );
    const stored = JSON.parse(JSON.stringify(await registry.runStudy(spec)));
    expect(registry.parseStoredDocument(stored)).toMatchObject({ success: true });
    expect(registry.parseStoredDocument({ ...stored, documentVersion: 1 })).toEqual({
      success: false,
      error: expect.stringMatching(/version-1 majority-baseline document that cannot be migrated \(.*no step from version 1 to 2/),
    });
    expect(registry.parseStoredDocument({ ...stored, documentVersion: 4 })).toEqual({
      success: false,
      error: "a version-4 document, newer than this engine's version 3",
    });
  });

  it('a kind that trains nothing (runs trained elsewhere): no units, no dataset, a document with no environment of its own', async () => {
    const withImports = createKindRegistry([...STUDY_KIND_MODULES, importedScores] as const);
    const spec = withImports.parseSpecOfKind(
      {
        kind: 'imported-scores',
        scores: [
          { seed: 1, accuracy: 0.9 },
          { seed: 2, accuracy: 0.8 },
        ],
      },
      'imported-scores',
    );
    expect(withImports.planStudy(spec, 10)).toEqual([]);
    expect(withImports.estimateUnits(spec, [])).toEqual([]);
    expect(withImports.datasetOf(spec)).toBeNull();
    const doc = withImports.documentOfKind(await withImports.runStudy(spec), 'imported-scores');
    // (0.9 + 0.8) / 2, in doubles.
    expect(doc.mean).toBe((0.9 + 0.8) / 2);
    expect('environment' in doc).toBe(false);
    expect(withImports.parseStoredDocument(JSON.parse(JSON.stringify(doc)))).toMatchObject({
      success: true,
      data: { kind: 'imported-scores' },
    });
    await expect(withImports.runStudyUnit(spec, { purpose: 'none', seeds: [1] } as never)).rejects.toThrow(
      'imported-scores studies train nothing',
    );
  });

  it('the document records the environment its units ran in, not the one that combines them', async () => {
    await useNodeBackend('cpu');
    const spec = registry.parseSpecOfKind(
      { kind: 'majority-baseline', dataset: { name: 'iris' }, split: { kind: 'stratified' }, seeds: 2, backend: 'wasm' },
      'majority-baseline',
    );
    const unit = { purpose: 'baseline', seeds: [1, 2] };
    const result = [
      { seed: 1, accuracy: 0.5 },
      { seed: 2, accuracy: 0.5 },
    ];
    // Combined in a cpu process (or a fresh isolate with no backend), from a unit that ran on wasm elsewhere.
    const ranOnWasm = {
      tfjs: '4.22.0',
      backend: 'wasm',
      wasmBinary: 'tfjs-backend-wasm-simd.wasm',
      runtime: 'workerd',
      engine: '0.3.0',
    } as const;
    const doc = await registry.combineStudy(spec, [{ unit, result, environment: ranOnWasm }]);
    expect('environment' in doc && doc.environment).toEqual(ranOnWasm);
    // A result stored before units recorded their environment: the spec's backend, which the host ran it under.
    const legacy = await registry.combineStudy(spec, [{ unit, result }]);
    expect('environment' in legacy && legacy.environment).toMatchObject({ backend: 'wasm', tfjs: '4.22.0', runtime: 'node' });
  });

  it('every list a test or a page takes kinds from is derived from the kinds’ folders: the new kind joins each', async () => {
    // The golden cases and the one fixture per kind: the kind's fixtures/*.spec.json.
    const fixtureCases = goldenCasesIn('tests/fixtures');
    expect(fixtureCases.map((c) => [c.kind, c.name])).toEqual([['majority-baseline', 'majority-baseline']]);
    expect(kindFixturesOf([...GOLDEN_CASES, ...fixtureCases])).toEqual([...KIND_FIXTURES, 'majority-baseline/fixtures/majority-baseline']);
    expect(new Set(GOLDEN_CASES.map((c) => c.kind))).toEqual(new Set(STUDY_KINDS));
    // What the golden file records: the kind's fixtures/golden.ts.
    await useNodeBackend('cpu');
    const doc = await registry.runStudy(registry.parseStudySpec(fixtureCases[0].spec), { groupSize: 3 });
    // Iris, stratified 25% test split: the majority class is right on 13 of 39 test rows (as above).
    expect(await goldenFacts(doc, 'tests/fixtures')).toEqual({
      fingerprints: {},
      numbers: { accuracies: [1, 2, 3, 4].map(() => 13 / 39) },
    });
    // The view: Report.astro and charts.ts's `view`, found by name; every real kind has one.
    expect(await missingViews([...STUDY_KINDS, 'majority-baseline'], 'site/src/kinds')).toEqual(['majority-baseline']);
    expect(await missingViews(['majority-baseline'], 'tests/fixtures')).toEqual([]);
  });

  it('the site needs the new kind’s sentences: without them the sentences map does not type-check', () => {
    type Docs = StudyDocument | MajorityBaselineDocument;
    type Digests = { [K in StudyKind]: DigestOfKind<K> } & { 'majority-baseline': { seeds: number } };
    // @ts-expect-error the sentences map has no entry for majority-baseline yet
    const missing: KindSentencesMap<Docs, Digests> = KIND_SENTENCES;
    const complete: KindSentencesMap<Docs, Digests> = { ...KIND_SENTENCES, 'majority-baseline': majorityBaselineSentences };
    expect(Object.keys(complete)).toEqual([...Object.keys(missing), 'majority-baseline']);
  });
});
