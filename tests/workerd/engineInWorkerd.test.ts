import { describe, expect, inject, it } from 'vitest';
import { documentOfKind, parseStudySpec, runStudy, useBackend } from '../../src/index.ts';
import { CROSS_RUNTIME_SPEC } from '../crossRuntimeSpec.ts';

describe('the engine inside workerd', () => {
  it('gives the same fingerprints as Node on the cpu backend', async () => {
    await useBackend('cpu');
    const doc = documentOfKind(await runStudy(parseStudySpec(CROSS_RUNTIME_SPEC)), 'seed-variance');
    const node = inject('nodeCrossRuntime');
    expect(doc.environment.runtime).toBe('workerd');
    expect(node.runtime).toBe('node');
    expect(doc.runs.map((r) => r.fingerprint)).toEqual(node.fingerprints);
    expect(doc.runs.map((r) => r.testAccuracy)).toEqual(node.testAccuracy);
    expect(new Set(node.fingerprints).size).toBe(node.fingerprints.length);
    expect(doc.repeatability.identical).toBe(true);
  });
});
