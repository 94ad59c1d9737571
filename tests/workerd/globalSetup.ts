import type { TestProject } from 'vitest/node';
import { useNodeBackend } from '../../cli/nodeBackends.ts';
import { parseStudySpec, runSeedVarianceStudy } from '../../src/index.ts';
import { CROSS_RUNTIME_SPEC } from '../crossRuntimeSpec.ts';

/** Runs in Node: trains the cross-runtime spec here and hands its fingerprints to the workerd tests. */
export default async function setup(project: TestProject) {
  await useNodeBackend('cpu');
  const doc = await runSeedVarianceStudy(parseStudySpec(CROSS_RUNTIME_SPEC));
  await useNodeBackend('wasm');
  const wasm = await runSeedVarianceStudy(parseStudySpec({ ...CROSS_RUNTIME_SPEC, backend: 'wasm' }));
  project.provide('nodeCrossRuntime', {
    runtime: doc.environment.runtime,
    fingerprints: doc.runs.map((r) => r.fingerprint),
    testAccuracy: doc.runs.map((r) => r.testAccuracy),
    wasmFingerprints: wasm.runs.map((r) => r.fingerprint),
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    nodeCrossRuntime: { runtime: string; fingerprints: string[]; testAccuracy: (number | null)[]; wasmFingerprints: string[] };
  }
}
