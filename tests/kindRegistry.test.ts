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
import { type MajorityBaselineDocument, majorityBaseline } from './fixtures/majority-baseline/index.ts';
import { majorityBaselineSentences } from './fixtures/majority-baseline/sentences.ts';

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
    expect(doc.environment).toEqual(ranOnWasm);
    // A result stored before units recorded their environment: the spec's backend, which the host ran it under.
    const legacy = await registry.combineStudy(spec, [{ unit, result }]);
    expect(legacy.environment).toMatchObject({ backend: 'wasm', tfjs: '4.22.0', runtime: 'node' });
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
