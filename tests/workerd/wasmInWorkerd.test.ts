import { describe, expect, inject, it } from 'vitest';
import { withEngine } from '../../functions/engineBackends.ts';
import { documentOfKind, parseStudySpec, runStudy } from '../../src/index.ts';
import { CROSS_RUNTIME_SPEC } from '../crossRuntimeSpec.ts';

describe('the wasm backend inside workerd', () => {
  it('starts from the precompiled module and matches Node wasm-simd fingerprints', async () => {
    const doc = documentOfKind(
      await withEngine('wasm', () => runStudy(parseStudySpec({ ...CROSS_RUNTIME_SPEC, backend: 'wasm' }))),
      'seed-variance',
    );
    expect(doc.environment).toMatchObject({ backend: 'wasm', runtime: 'workerd', wasmBinary: 'tfjs-backend-wasm-simd.wasm' });
    expect(doc.runs.map((r) => r.fingerprint)).toEqual(inject('nodeCrossRuntime').wasmFingerprints);
  });
});
